"""Python twin of nested_groups_composition.ts."""
from typing import List

from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus
from twin import component

F = "tests/cross/fixtures/work.py"
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
report_status = component(F, "report_status", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
is_ready = component(F, "is_ready", base_image="python:3.11-slim")


@dsl.pipeline(name="guarded-pick")
def guarded_pick(seed: int, label: str = "run") -> str:
    final = report_status(run_label=label)
    with dsl.ExitHandler(final, name="guard"):
        notify(message=label)
    coin = flip_coin(seed=seed)
    with dsl.If(coin.output == "heads"):
        a = pick_image(flavour="slim")
    with dsl.Else():
        b = pick_image(flavour="alpine")
    return dsl.OneOf(a.output, b.output)


@dsl.pipeline(name="nested-groups-composition")
def nested_groups_composition(seeds: List[int] = [1, 2, 3]) -> List[bool]:
    with dsl.ParallelFor(seeds, parallelism=2) as seed:
        picked = guarded_pick(seed=seed)
        ready = is_ready(name=picked.output)
    return dsl.Collected(ready.output)


PIPELINE = nested_groups_composition
