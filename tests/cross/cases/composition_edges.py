"""Python twin of composition_edges.ts."""
from typing import List

from kfp import dsl, kubernetes
from twin import component

F = "tests/cross/fixtures/work.py"
make_shards = component(F, "make_shards", base_image="python:3.11-slim")
show_number = component(F, "show_number", base_image="python:3.11-slim")
notify = component(F, "notify", base_image="python:3.11-slim")
fail = component(F, "fail", base_image="python:3.11-slim")


@dsl.pipeline(name="shard-maker")
def shard_maker(count: int = 2) -> List[int]:
    t = make_shards(count=count)
    kubernetes.add_pod_label(t, label_key="stage", label_value="shards")
    return t.output


@dsl.pipeline(name="workspace-user", pipeline_config=dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size="5Gi")))
def workspace_user(note: str):
    notify(message=dsl.WORKSPACE_PATH_PLACEHOLDER, channel=note)


@dsl.pipeline(
    name="composition-edges",
    pipeline_config=dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size="1Gi")),
)
def composition_edges(count: int = 3):
    cleanup = fail(message="cleanup")
    with dsl.ExitHandler(cleanup, name="outer"):
        shards = shard_maker(count=count)
        with dsl.ParallelFor(shards.output, parallelism=2) as shard:
            show_number(number=shard)
        workspace_user(note="ws")


PIPELINE = composition_edges
