"""Python twin of nested_pipelines.ts."""
from typing import NamedTuple, Optional

from kfp import dsl
from kfp.dsl import Dataset, Input, Output, OutputPath


@dsl.container_component
def produce(text: str, times: int, data: Output[Dataset], summary: OutputPath(str)):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'yes "$0" | head -n "$1" > "$2" && echo done > "$3"'],
        args=[text, times, data.path, summary],
    )


@dsl.container_component
def consume(data: Input[Dataset], note: Optional[str] = None):
    return dsl.ContainerSpec(image="alpine:3.20", command=["cat", data.path], args=[note])


@dsl.pipeline(name="innermost")
def innermost(word: str) -> NamedTuple("Outputs", data=Dataset):
    t = produce(text=word, times=1)
    Outputs = NamedTuple("Outputs", data=Dataset)
    return Outputs(data=t.outputs["data"])


@dsl.pipeline(name="inner-pipeline")
def inner(msg: str, times: int = 3, note: Optional[str] = None) -> NamedTuple("Outputs", x=Dataset, report=str):
    made = produce(text=msg, times=times)
    consume(data=made.outputs["data"], note=note)
    deeper = innermost(word=msg)
    consume(data=deeper.outputs["data"])
    Outputs = NamedTuple("Outputs", x=Dataset, report=str)
    return Outputs(x=made.outputs["data"], report=made.outputs["summary"])


@dsl.pipeline(name="nested-pipelines")
def nested_pipelines(greeting: str = "hi"):
    first = inner(msg=greeting)
    second = inner(msg=first.outputs["report"], times=2, note="second")
    consume(data=second.outputs["x"], note=first.outputs["report"])
    produce(text="outer", times=1)


PIPELINE = nested_pipelines
