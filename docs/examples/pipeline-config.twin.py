from kfp import dsl
from ml import say

say = dsl.component(say)

CONFIG = dsl.PipelineConfig(
    workspace=dsl.WorkspaceConfig(
        size="10Gi",
        kubernetes=dsl.KubernetesWorkspaceConfig(pvcSpecPatch={"storageClassName": "standard", "accessModes": ["ReadWriteOnce"]}),
    ),
    ttl_seconds_after_finished=3600,
)


@dsl.pipeline(name="pipeline-config", pipeline_config=CONFIG)
def pipeline_config():
    first = say(message=f"writing to {dsl.WORKSPACE_PATH_PLACEHOLDER}/data")
    say(message=dsl.WORKSPACE_PATH_PLACEHOLDER).after(first)


PIPELINE = pipeline_config
