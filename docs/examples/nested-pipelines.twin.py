from typing import NamedTuple

from kfp import dsl
from kfp.dsl import Model
from ml import load_data, say, train

load_data = dsl.component(load_data)
train = dsl.component(train)
say = dsl.component(say)


@dsl.pipeline(name="prepare-and-train")
def prepare_and_train(source: str, epochs: int = 3) -> NamedTuple("Outputs", model=Model, loss=float):
    data = load_data(source=source)
    trained = train(data=data.outputs["data"], epochs=epochs)
    outputs = NamedTuple("Outputs", model=Model, loss=float)
    return outputs(trained.outputs["model"], trained.outputs["Output"])


@dsl.pipeline(name="say")
def say_alone(message: str):
    say(message=message)


@dsl.pipeline(name="nested-pipelines")
def nested_pipelines(source: str = "gs://my-bucket/train.csv"):
    quick = prepare_and_train(source=source, epochs=1)
    prepare_and_train(source=source, epochs=20).after(quick)
    say_alone(message="both trained").after(quick)


PIPELINE = nested_pipelines
