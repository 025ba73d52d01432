"""Python twin of nested_artifact_lists.ts."""
from typing import List

from kfp import dsl
from kfp.dsl import Artifact, Dataset, Input, Output


@dsl.container_component
def make(word: str, data: Output[Dataset]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo "$0" > "$1"'], args=[word, data.path])


@dsl.container_component
def show(thing: Input[Artifact]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["cat", thing.path])


@dsl.container_component
def join(parts: Input[List[Dataset]]):
    return dsl.ContainerSpec(image="alpine:3.20", command=["cat", parts])


@dsl.pipeline(name="make-all")
def make_all(words: List[str] = ["a", "b"]) -> List[Dataset]:
    with dsl.ParallelFor(words) as word:
        t = make(word=word)
    return dsl.Collected(t.outputs["data"])


@dsl.pipeline(name="nested-artifact-lists")
def nested_artifact_lists() -> List[Dataset]:
    first = make_all()
    with dsl.ParallelFor(first.output) as item:
        show(thing=item)
    second = make_all(words=["c"])
    join(parts=second.output)
    return second.output


PIPELINE = nested_artifact_lists
