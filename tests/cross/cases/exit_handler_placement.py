"""Python twin of exit_handler_placement.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
train = component(F, "train", base_image="python:3.11-slim")
report_status = component(F, "report_status", base_image="python:3.11-slim")
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
double = component(F, "double", base_image="python:3.11-slim")
show_number = component(F, "show_number", base_image="python:3.11-slim")


@dsl.pipeline(name="guarded-train")
def guarded_train(epochs: int = 1):
    final = report_status(run_label="inner")
    with dsl.ExitHandler(final, name="inner-guard"):
        train(epochs=epochs)


@dsl.pipeline(name="exit-handler-placement")
def exit_handler_placement(mode: str = "full", epochs: int = 2):
    coin = flip_coin(seed=epochs)
    with dsl.If(coin.output == "heads"):
        guarded_train(epochs=epochs)
    with dsl.Else():
        notify(message="tails")
    cleanup = notify(message="cleanup", channel="#ops")
    with dsl.ExitHandler(cleanup, name="after-chain"):
        double(number=epochs)
    with dsl.If(mode == "full"):
        show_number(number=epochs)
    last = notify(message="last")
    with dsl.ExitHandler(last):
        double(number=3)


PIPELINE = exit_handler_placement
