"""Python twin of groups_mix.ts."""
from typing import List

from kfp import dsl
from kfp.dsl import Dataset
from twin import REPO, component
import sys

sys.path.insert(0, str(REPO / "tests/cross/fixtures"))  # artifacts.py imports bq_types

F = "tests/cross/fixtures/work.py"
A = "tests/cross/fixtures/artifacts.py"
notify = component(F, "notify", base_image="python:3.11-slim")
double = component(F, "double", base_image="python:3.11-slim")
total = component(F, "total", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
train_on = component(A, "train_on", base_image="python:3.12")
merge_datasets = component(A, "merge_datasets", base_image="python:3.12")


@dsl.pipeline(name="groups-mix")
def groups_mix(uris: List[str] = ["gs://a/1", "gs://a/2"], numbers: List[int] = [1, 2], flag: bool = True):
    cleanup = notify(message="cleanup")
    with dsl.ExitHandler(cleanup):
        with dsl.ParallelFor(uris) as uri:
            data = dsl.importer(artifact_uri=uri, artifact_class=Dataset, reimport=True)
            train_on(data=data.output)
            with dsl.If(flag == True):  # noqa: E712
                with dsl.ParallelFor(numbers) as n:
                    d = double(number=n)
                total(numbers=dsl.Collected(d.output))
        merge_datasets(parts=dsl.Collected(data.output))
    with dsl.ParallelFor(numbers, parallelism=1) as m:
        die = roll_die(sides=m)
        with dsl.If(die.output > 4):
            a = pick_image(flavour="big")
        with dsl.Elif(die.output > 2):
            b = pick_image(flavour="mid")
        with dsl.Else():
            c = pick_image(flavour="small")
        notify(message=dsl.OneOf(a.output, b.output, c.output))


PIPELINE = groups_mix
