from typing import Dict, List, Optional

from kfp import dsl
from ml import describe, load_data, train, use_model

describe = dsl.component(describe)
load_data = dsl.component(load_data)
train = dsl.component(train)
use_model = dsl.component(use_model)


@dsl.pipeline(name="parameters-and-artifacts")
def parameters_and_artifacts(
    rows: int = 100,
    learning_rate: float = 0.05,
    verbose: bool = False,
    tags: List[str] = ["nightly"],
    config: Dict[str, int] = {"depth": 3},
    note: Optional[str] = None,
):
    describe(config=config, tags=tags, note=note)
    data = load_data(source="gs://my-bucket/a.csv", rows=rows)
    first = train(data=data.outputs["data"], learning_rate=learning_rate)
    second = train(data=data.outputs["data"], epochs=10)
    use_model(model=second.outputs["model"])
    use_model(model=second.outputs["model"], baseline=first.outputs["model"])


PIPELINE = parameters_and_artifacts
