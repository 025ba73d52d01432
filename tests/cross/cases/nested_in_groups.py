"""Python twin of nested_in_groups.ts."""
from typing import List, NamedTuple

from kfp import dsl
from kfp.dsl import Dataset, Output, OutputPath


@dsl.container_component
def make(word: str, data: Output[Dataset], size: OutputPath(int)):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo "$0" | tee "$1" | wc -c > "$2"'],
                             args=[word, data.path, size])


@dsl.container_component
def sum(sizes: List[int], total: OutputPath(int)):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sum", sizes, total])


@dsl.container_component
def shout(word: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", word])


@dsl.pipeline(name="per-word")
def per_word(word: str, prefix: str) -> NamedTuple("Outputs", size=int):
    with dsl.ParallelFor([1, 2]) as _i:
        shout(word=prefix)
    m = make(word=word)
    Outputs = NamedTuple("Outputs", size=int)
    return Outputs(size=m.outputs["size"])


@dsl.pipeline(name="nested-in-groups")
def nested_in_groups(words: List[str] = ["a", "bb"]):
    make(word="first")
    with dsl.ParallelFor(words) as word:
        sizes = per_word(word=word, prefix="x")
    total = sum(sizes=dsl.Collected(sizes.outputs["size"]))
    with dsl.If(total.outputs["total"] == 3):
        per_word(word="three", prefix="p")


PIPELINE = nested_in_groups
