"""Python twin of runtime_placeholder_args.ts."""
from kfp import dsl
from kfp.dsl import Dataset
from twin import component

F = "tests/cross/fixtures/work.py"
P = "tests/cross/fixtures/params.py"
notify = component(F, "notify", base_image="python:3.11-slim")
summarise_params = component(P, "summarise_params")

PLACEHOLDERS = [
    dsl.PIPELINE_JOB_NAME_PLACEHOLDER,
    dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER,
    dsl.PIPELINE_JOB_ID_PLACEHOLDER,
    dsl.PIPELINE_TASK_NAME_PLACEHOLDER,
    dsl.PIPELINE_TASK_ID_PLACEHOLDER,
    dsl.PIPELINE_ROOT_PLACEHOLDER,
    dsl.PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER,
    dsl.PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER,
    dsl.PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER,
    dsl.PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER,
    dsl.WORKSPACE_PATH_PLACEHOLDER,
]


@dsl.container_component
def echo_text(text: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", text])


@dsl.pipeline(name="runtime-placeholder-args", pipeline_config=dsl.PipelineConfig(
    workspace=dsl.WorkspaceConfig(size="1Gi", kubernetes=dsl.KubernetesWorkspaceConfig(pvcSpecPatch={"accessModes": ["ReadWriteOnce"]})),
))
def runtime_placeholder_args(run: str = "r1"):
    for placeholder in PLACEHOLDERS:
        notify(message=placeholder)
        echo_text(text=placeholder)
    notify(message=f"{dsl.WORKSPACE_PATH_PLACEHOLDER}/{run}/data", channel=f"{dsl.PIPELINE_JOB_NAME_PLACEHOLDER}")
    echo_text(text=f"{run}@{dsl.PIPELINE_TASK_ID_PLACEHOLDER}")
    summarise_params(text=dsl.PIPELINE_ROOT_PLACEHOLDER, count=1, ratio=0.5, enabled=True,
                     names=[dsl.PIPELINE_JOB_ID_PLACEHOLDER, run, f"{dsl.PIPELINE_TASK_NAME_PLACEHOLDER}-{run}"],
                     settings={"a": 1},
                     limits={"job": dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER, "nested": {"at": dsl.PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER}})
    dsl.importer(artifact_uri=dsl.WORKSPACE_PATH_PLACEHOLDER, artifact_class=Dataset)
    dsl.importer(artifact_uri=dsl.PIPELINE_ROOT_PLACEHOLDER, artifact_class=Dataset, metadata={"run": run})


PIPELINE = runtime_placeholder_args
