"""Python twin of upstream_failure_in_groups.ts."""
from typing import List

from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
notify = component(F, "notify", base_image="python:3.11-slim")
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
show_number = component(F, "show_number", base_image="python:3.11-slim")


@dsl.pipeline(name="inner-with-default")
def inner(channel: str = "#inner"):
    notify(message="inner", channel=channel)


@dsl.pipeline(name="upstream-failure-in-groups")
def upstream_failure_in_groups(seeds: List[int] = [1, 2], mode: str = "on"):
    with dsl.ParallelFor(seeds) as seed:
        coin = flip_coin(seed=seed)
        notify(message="in loop", channel=coin.output).ignore_upstream_failure()
    die = roll_die(sides=6)
    with dsl.If(mode == "on"):
        notify(message="in condition", channel="#c").after(die).ignore_upstream_failure()
    show_number(number=3).after(coin).ignore_upstream_failure()
    inner(channel="#x").after(die).ignore_upstream_failure()


PIPELINE = upstream_failure_in_groups
