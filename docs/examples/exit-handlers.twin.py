from kfp import dsl
from ml import load_data, report_status, say

report_status = dsl.component(report_status)
load_data = dsl.component(load_data)
say = dsl.component(say)


@dsl.pipeline(name="exit-handlers")
def exit_handlers(label: str = "nightly"):
    report = report_status(label=label)
    with dsl.ExitHandler(report, name="guarded"):
        data = load_data(source="gs://my-bucket/train.csv")
        say(message="loaded").after(data)
    cleanup = say(message="cleanup")
    say(message="runs even if cleanup failed").after(cleanup).ignore_upstream_failure()


PIPELINE = exit_handlers
