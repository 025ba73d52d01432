"""Python twin of caching_off_by_default.ts (kfp's --disable-execution-caching-by-default, and pipeline_parameters)."""
from kfp import dsl
from kfp.dsl import pipeline_context
from twin import component

F = "tests/cross/fixtures/work.py"
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")

# kfp reads the caching default when each task is created, i.e. while the decorator runs the body.
_previous = pipeline_context.Pipeline._execution_caching_default
pipeline_context.Pipeline._execution_caching_default = False
try:

    @dsl.pipeline(name="caching-off-by-default", display_name="Caching off by default")
    def caching_off_by_default(seed: int, sides: int = 6, label: str = "run", ratio: float = 0.5, flags: list = [], extra: dict = {}):
        coin = flip_coin(seed=seed)
        die = roll_die(sides=sides).set_caching_options(True)
        notify(message=coin.output).set_caching_options(False).after(die)
        notify(message=label, channel="#cache").set_caching_options(True, cache_key="notify-label")
finally:
    pipeline_context.Pipeline._execution_caching_default = _previous

PIPELINE = caching_off_by_default
COMPILE_KWARGS = {"pipeline_parameters": {"seed": 42, "sides": 20, "ratio": 2, "flags": [True, "x"], "extra": {"k": [1]}}}
