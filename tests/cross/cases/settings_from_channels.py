"""Python twin of settings_from_channels.ts."""
from typing import List

from kfp import dsl
from twin import component

F = "tests/cross/fixtures/work.py"
train = component(F, "train", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")
roll_die = component(F, "roll_die", base_image="python:3.11-slim")


@dsl.container_component
def runtime_args(label: str, executor_output: dsl.OutputPath(str)):
    return dsl.ContainerSpec(
        image="alpine:3.20",
        command=["sh", "-c", 'echo "$@"', dsl.PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER],
        args=[
            dsl.PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER,
            dsl.PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER,
            dsl.PIPELINE_JOB_ID_PLACEHOLDER,
            dsl.PIPELINE_TASK_ID_PLACEHOLDER,
            f"--created={dsl.PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER}",
            f"--scheduled={dsl.PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER}",
            f"--workspace={dsl.WORKSPACE_PATH_PLACEHOLDER}/{label}",
            dsl.ConcatPlaceholder([dsl.PIPELINE_JOB_NAME_PLACEHOLDER, "/", label, "/", dsl.PIPELINE_TASK_NAME_PLACEHOLDER]),
            "--out", executor_output,
        ],
    )


@dsl.pipeline(
    name="settings-from-channels",
    pipeline_config=dsl.PipelineConfig(
        workspace=dsl.WorkspaceConfig(size="2Gi"),
        ttl_seconds_after_finished=600,
        active_deadline_seconds=60,
    ),
)
def settings_from_channels(
    cpu_request: str = "250m",
    memory_request: str = "1Gi",
    gpus: int = 1,
    gpu_type: str = "nvidia.com/gpu",
    cpus: List[str] = ["1", "2"],
):
    size = pick_image(flavour="4Gi")
    t = train(epochs=1)
    t.set_cpu_request(cpu_request).set_memory_request(memory_request).set_memory_limit(size.output)
    t.set_accelerator_type(gpu_type).set_accelerator_limit(gpus)
    die = roll_die(sides=gpus)
    train(epochs=2).set_accelerator_limit(die.output).set_cpu_limit(cpu_request).set_memory_limit(memory_request)
    with dsl.ParallelFor(cpus) as cpu:
        train(epochs=3).set_cpu_limit(cpu).set_memory_limit("1Gi")
    with dsl.If(gpus > 0):
        train(epochs=4).set_accelerator_type("nvidia.com/gpu").set_accelerator_limit(gpus)
    runtime_args(label=gpu_type)


PIPELINE = settings_from_channels
