"""Python twin of loops_over_outputs.ts."""
import sys
from typing import List

from kfp import dsl
from twin import REPO, component

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # artifacts.py imports bq_types

F = "tests/cross/fixtures/work.py"
A = "tests/cross/fixtures/artifacts.py"
notify = component(F, "notify", base_image="python:3.11-slim")
make_grid = component(F, "make_grid", base_image="python:3.11-slim")
make_shards = component(F, "make_shards", base_image="python:3.11-slim")
make_config = component(F, "make_config", base_image="python:3.11-slim")
show_number = component(F, "show_number", base_image="python:3.11-slim")
show_struct = component(F, "show_struct", base_image="python:3.11-slim")
double = component(F, "double", base_image="python:3.11-slim")
total = component(F, "total", base_image="python:3.11-slim")
write_shard = component(A, "write_shard", base_image="python:3.12")
merge_datasets = component(A, "merge_datasets", base_image="python:3.12")


@dsl.pipeline(name="loops-over-outputs")
def loops_over_outputs(
    jobs: List[dict] = [{"label": "a", "sizes": [1, 2], "opts": {"lr": 1}}, {"label": "b", "sizes": [3], "opts": {"lr": 2}}],
    count: int = 2,
):
    grid = make_grid(size=count)
    with dsl.ParallelFor(jobs, parallelism=3) as job:
        notify(message=job.label, channel=f"#{count}")
        show_struct(config=job.opts)
        with dsl.ParallelFor(job.sizes, parallelism=1) as size:
            d = double(number=size)
            with dsl.If(d.output > 2):
                show_number(number=d.output)
        total(numbers=dsl.Collected(d.output))
        with dsl.ParallelFor(grid.output) as cell:
            with dsl.If(cell.depth == 0):
                show_number(number=cell.width)
            with dsl.Elif(cell.width == count):
                notify(message="same")
            with dsl.Else():
                show_struct(config=cell)
    with dsl.ParallelFor([1, 2], name="outer") as n:
        shards = make_shards(count=n)
        with dsl.ParallelFor(shards.output, parallelism=2) as shard:
            w = write_shard(index=shard)
        merge_datasets(parts=dsl.Collected(w.outputs["shard"]))
        conf = make_config(name="x")
        with dsl.ParallelFor(grid.output) as g:
            show_struct(config=conf.output)
            notify(message=f"{count}/x")
            double(number=n)
            show_number(number=g.depth)


PIPELINE = loops_over_outputs
