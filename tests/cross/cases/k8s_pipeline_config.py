"""Python twin of k8s_pipeline_config.ts."""
from kfp import dsl


@dsl.container_component
def step():
    return dsl.ContainerSpec(image="alpine:3.20", command=["true"])


@dsl.pipeline(
    name="k8s-pipeline-config",
    pipeline_config=dsl.PipelineConfig(
        workspace=dsl.WorkspaceConfig(
            size=" 10Gi ",
            kubernetes=dsl.KubernetesWorkspaceConfig(
                pvcSpecPatch={"storageClassName": "fast", "accessModes": ["ReadWriteMany"]}),
        ),
        ttl_seconds_after_finished=3600,
        ttl_seconds_after_success=0,
        ttl_seconds_after_failure=86400,
        active_deadline_seconds=7200,
    ),
)
def k8s_pipeline_config():
    step()


PIPELINE = k8s_pipeline_config
