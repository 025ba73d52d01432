"""Python twin of fan_in.ts."""
import sys
from typing import List, NamedTuple

from kfp import dsl
from kfp.dsl import Dataset, Input
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # artifacts.py imports bq_types

F = "tests/cross/fixtures/work.py"
A = "tests/cross/fixtures/artifacts.py"
double = component(F, "double", base_image="python:3.11-slim")
total = component(F, "total", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
write_shard = component(A, "write_shard", base_image="python:3.12")
merge_datasets = component(A, "merge_datasets", base_image="python:3.12")
train_on = component(A, "train_on", base_image="python:3.12")


@dsl.pipeline(name="fan-in")
def fan_in(more: Input[List[Dataset]], numbers: List[int] = [1, 2, 3], shards: List[int] = [0, 1]) -> NamedTuple("Outputs", doubled=List[int], parts=List[Dataset]):
    with dsl.ParallelFor(numbers) as number:
        d = double(number=number)
    t = total(numbers=dsl.Collected(d.output))
    notify(message=f"{t.output}")
    with dsl.ParallelFor(shards, parallelism=1) as index:
        with dsl.ParallelFor([1, 2]) as copy:
            shard = write_shard(index=index)
    merge_datasets(parts=dsl.Collected(shard.outputs["shard"]))
    with dsl.If(t.output > 3):
        with dsl.ParallelFor(numbers) as again:
            d2 = double(number=again)
        total(numbers=dsl.Collected(d2.output))
    with dsl.ParallelFor(more, parallelism=2) as part:
        trained = train_on(data=part, epochs=1)
    notify(message="trained").after(trained)
    Outputs = NamedTuple("Outputs", doubled=List[int], parts=List[Dataset])
    return Outputs(doubled=dsl.Collected(d.output), parts=dsl.Collected(shard.outputs["shard"]))


PIPELINE = fan_in
