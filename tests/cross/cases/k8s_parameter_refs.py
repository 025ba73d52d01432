"""Python twin of k8s_parameter_refs.ts: kfp-kubernetes settings whose values come from pipeline
parameters and task outputs, at the root and inside a condition."""
from typing import Dict, List

from kfp import dsl, kubernetes


@dsl.container_component
def use():
    return dsl.ContainerSpec(image="alpine:3.20", command=["true"])


@dsl.container_component
def name_of(name: dsl.OutputPath(str)):
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", 'echo -n settings > "$0"'], args=[name])


@dsl.pipeline(name="k8s-parameter-refs")
def k8s_parameter_refs(
    secret_name: str = "db-credentials",
    pull_secret: str = "registry",
    data_pvc: str = "shared-data",
    node_selector: Dict[str, str] = {"disktype": "ssd"},
    toleration: dict = {"key": "gpu", "operator": "Exists"},
    tolerations: List[dict] = [{"key": "a", "operator": "Exists"}],
    node_affinity: dict = {},
    mount_data: bool = True,
):
    cm = name_of()
    pvc = kubernetes.CreatePVC(pvc_name_suffix="-work", access_modes=["ReadWriteOnce"], size="1Gi")

    t = use()
    kubernetes.use_secret_as_env(t, secret_name=secret_name, secret_key_to_env={"password": "PASSWORD"})
    kubernetes.use_secret_as_volume(t, secret_name=secret_name, mount_path="/secret", optional=True)
    kubernetes.use_config_map_as_env(t, config_map_name=cm.outputs["name"], config_map_key_to_env={"k": "K"})
    kubernetes.use_config_map_as_volume(t, config_map_name=cm.outputs["name"], mount_path="/cm")
    kubernetes.mount_pvc(t, pvc_name=pvc.outputs["name"], mount_path="/work")
    kubernetes.mount_pvc(t, pvc_name=data_pvc, mount_path="/data", sub_path="in")
    kubernetes.set_image_pull_secrets(t, [pull_secret, "static-pull"])
    kubernetes.add_node_selector_json(t, node_selector)
    kubernetes.add_toleration_json(t, toleration)
    kubernetes.add_toleration_json(t, tolerations)
    kubernetes.add_node_affinity_json(t, node_affinity)
    kubernetes.DeletePVC(pvc_name=pvc.outputs["name"]).after(t)

    with dsl.If(mount_data == True):
        guarded = use()
        kubernetes.mount_pvc(guarded, pvc_name=data_pvc, mount_path="/data")
        kubernetes.use_config_map_as_volume(guarded, config_map_name=cm.outputs["name"], mount_path="/cm")


PIPELINE = k8s_parameter_refs
