"""Python twin of k8s_parameter_refs_loop.ts."""
from typing import List

from kfp import dsl, kubernetes


@dsl.container_component
def use():
    return dsl.ContainerSpec(image="alpine:3.20", command=["true"])


@dsl.pipeline(name="k8s-parameter-refs-loop")
def k8s_parameter_refs_loop(
    secret_name: str = "db-credentials",
    toleration: dict = {"key": "gpu", "operator": "Exists"},
    config_maps: List[str] = ["one", "two"],
):
    pvc = kubernetes.CreatePVC(pvc_name_suffix="-work", access_modes=["ReadWriteOnce"], size="1Gi")
    with dsl.ParallelFor(config_maps) as item:
        inner = use()
        kubernetes.use_config_map_as_env(inner, config_map_name=item, config_map_key_to_env={"k": "K"})
        kubernetes.use_secret_as_env(inner, secret_name=secret_name, secret_key_to_env={"password": "PASSWORD"})
        kubernetes.mount_pvc(inner, pvc_name=pvc.outputs["name"], mount_path="/work")
        kubernetes.add_toleration_json(inner, toleration)


PIPELINE = k8s_parameter_refs_loop
