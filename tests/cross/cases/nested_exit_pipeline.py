"""Python twin of nested_exit_pipeline.ts."""
from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus


@dsl.container_component
def say(message: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", message])


@dsl.container_component
def read_state(status: dict, state: dsl.OutputPath(str)):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo "$0" > "$1"'], args=[status, state])


@dsl.pipeline(name="conditional-notification")
def conditional_notification(status: PipelineTaskFinalStatus, channel: str = "#ops"):
    state = read_state(status=status)
    with dsl.If(state.output == "FAILED"):
        say(message=channel)


@dsl.pipeline(name="nested-exit-pipeline")
def nested_exit_pipeline(message: str = "Hello World!"):
    notify = conditional_notification()
    with dsl.ExitHandler(notify, name="my-pipeline"):
        say(message=message)


PIPELINE = nested_exit_pipeline
