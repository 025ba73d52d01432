"""Python twin of exit_handlers.ts."""
from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
notify = component(F, "notify", base_image="python:3.11-slim")
fail = component(F, "fail", base_image="python:3.11-slim")
train = component(F, "train", base_image="python:3.11-slim")
flip_coin = component(F, "flip_coin", base_image="python:3.11-slim")
report_status = component(F, "report_status", base_image="python:3.11-slim")


@dsl.pipeline(name="exit-handlers", display_name="Exit handlers", description="Exit tasks, final status, ignore_upstream_failure")
def exit_handlers(label: str = "nightly", epochs: int = 2):
    final = report_status(run_label=label)
    with dsl.ExitHandler(final, name="guarded"):
        loss = train(epochs=epochs)
        fail(message="boom").after(loss)
        with dsl.If(loss.output < 0.5):
            notify(message=label)
    cleanup = notify(message="cleanup", channel="#ops")
    with dsl.ExitHandler(cleanup):
        train(epochs=1)
    coin = flip_coin(seed=epochs)
    notify(message="runs anyway", channel=coin.output).ignore_upstream_failure()
    notify(message="after the coin", channel="#x").after(coin).ignore_upstream_failure()
    report_status(run_label="standalone").after(coin).ignore_upstream_failure()


PIPELINE = exit_handlers
