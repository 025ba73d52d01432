"""Python twin of final_status_component_alone.ts: kfp compiles the component itself."""
from kfp import dsl


@dsl.container_component
def report(msg: str, status: dsl.PipelineTaskFinalStatus):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", msg, status])


PIPELINE = report
