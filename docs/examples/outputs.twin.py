from typing import NamedTuple

from kfp import dsl
from kfp.dsl import Model
from ml import evaluate, load_data, say, train

load_data = dsl.component(load_data)
train = dsl.component(train)
evaluate = dsl.component(evaluate)
say = dsl.component(say)


@dsl.pipeline(name="outputs")
def outputs(source: str = "gs://my-bucket/train.csv") -> NamedTuple("Outputs", model=Model, loss=float, accuracy=float):
    data = load_data(source=source)
    trained = train(data=data.outputs["data"])
    scored = evaluate(model=trained.outputs["model"])
    say(message="trained").after(scored)
    result = NamedTuple("Outputs", model=Model, loss=float, accuracy=float)
    return result(trained.outputs["model"], trained.outputs["Output"], scored.outputs["accuracy"])


PIPELINE = outputs
