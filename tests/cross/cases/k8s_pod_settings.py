"""Python twin of k8s_pod_settings.ts."""
from kfp import dsl, kubernetes


@dsl.container_component
def step(message: str):
    return dsl.ContainerSpec(image="registry.example.com/team/step:1.0", command=["echo", message])


@dsl.pipeline(name="k8s-pod-settings")
def k8s_pod_settings():
    a = step(message="a")
    kubernetes.add_pod_label(a, label_key="team", label_value="ml")
    kubernetes.add_pod_label(a, label_key="tier", label_value="draft")
    kubernetes.add_pod_label(a, label_key="tier", label_value="batch")
    kubernetes.add_pod_annotation(a, annotation_key="sidecar.istio.io/inject", annotation_value="false")
    kubernetes.set_image_pull_secrets(a, ["registry-credentials", "mirror-credentials"])
    kubernetes.set_image_pull_secrets(a, ["third"])
    kubernetes.set_image_pull_policy(a, "IfNotPresent")
    kubernetes.set_image_pull_policy(a, "Always")
    kubernetes.use_field_path_as_env(a, env_name="KFP_RUN_NAME", field_path="metadata.annotations['pipelines.kubeflow.org/run_name']")
    kubernetes.use_field_path_as_env(a, env_name="POD_IP", field_path="status.podIP")
    kubernetes.set_timeout(a, 20)

    b = step(message="b")
    kubernetes.set_security_context(b, run_as_user=65534, run_as_group=0)
    kubernetes.set_security_context(b, run_as_non_root=True)
    kubernetes.set_timeout(b, 600)
    kubernetes.set_timeout(b, 0)
    kubernetes.add_pod_annotation(b, annotation_key="empty", annotation_value="")

    kubernetes.set_security_context(step(message="c"), run_as_user=0, run_as_non_root=False)


PIPELINE = k8s_pod_settings
