"""Python twin of collected_into_groups.ts."""
from typing import List

from kfp import dsl
from kfp.dsl import Dataset
from twin import component

F = "tests/cross/fixtures/work.py"
double = component(F, "double", base_image="python:3.11-slim")
total = component(F, "total", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")


@dsl.pipeline(name="collected-into-groups")
def collected_into_groups(numbers: List[int] = [1, 2], go: bool = True):
    with dsl.ParallelFor(numbers) as n:
        d = double(number=n)
    with dsl.If(go == True):  # noqa: E712
        total(numbers=dsl.Collected(d.output))
        image = pick_image(flavour="x")
        dsl.importer(artifact_uri="gs://x/y", artifact_class=Dataset, metadata={"flavour": image.output})


PIPELINE = collected_into_groups
