"""Python twin of k8s_workspace_only.ts."""
from kfp import dsl


@dsl.container_component
def step():
    return dsl.ContainerSpec(image="alpine:3.20", command=["true"])


@dsl.pipeline(name="k8s-workspace-only", pipeline_config=dsl.PipelineConfig(
    workspace=dsl.WorkspaceConfig(size="1.5Gi", kubernetes=dsl.KubernetesWorkspaceConfig(pvcSpecPatch={"accessModes": ["ReadWriteOnce"]})),
))
def k8s_workspace_only():
    step()


PIPELINE = k8s_workspace_only
