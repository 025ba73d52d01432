"""Python twin of k8s_config_map_parameters.ts."""
from typing import List

from kfp import dsl, kubernetes


@dsl.container_component
def reader(path: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["cat", path])


@dsl.pipeline(name="k8s-config-map-parameters")
def k8s_config_map_parameters(settings: str = "settings", extra: str = "extra-settings", secrets: List[str] = ["a", "b"],
                              size: str = "2Gi"):
    t = reader(path="/etc/settings/region")
    kubernetes.use_config_map_as_env(t, config_map_name=settings, config_map_key_to_env={"region": "REGION"})
    kubernetes.use_config_map_as_volume(t, config_map_name=settings, mount_path="/etc/settings")
    kubernetes.use_config_map_as_volume(t, config_map_name=extra, mount_path="/etc/extra", optional=True)
    kubernetes.use_config_map_as_env(t, config_map_name=extra, config_map_key_to_env={"debug": "DEBUG"}, optional=True)
    kubernetes.set_image_pull_policy(t, "Never")
    pvc = kubernetes.CreatePVC(pvc_name_suffix="-cache", access_modes=["ReadWriteMany"], size=size, storage_class_name=settings)
    with dsl.ParallelFor(secrets, parallelism=1) as secret:
        u = reader(path="/etc/secret/token")
        kubernetes.use_secret_as_volume(u, secret_name=secret, mount_path="/etc/secret")
        kubernetes.use_config_map_as_env(u, config_map_name=settings, config_map_key_to_env={"zone": "ZONE"})
        kubernetes.use_field_path_as_env(u, env_name="NODE", field_path="spec.nodeName")
        kubernetes.mount_pvc(u, pvc_name=pvc.outputs["name"], mount_path="/cache", sub_path="shared")
    kubernetes.DeletePVC(pvc_name=pvc.outputs["name"]).after(u)


PIPELINE = k8s_config_map_parameters
