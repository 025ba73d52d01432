"""Python twin of k8s_secrets_config_maps.ts."""
from kfp import dsl, kubernetes


@dsl.container_component
def reader():
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", "env && ls /etc/creds /etc/settings"])


@dsl.pipeline(name="k8s-secrets-config-maps")
def k8s_secrets_config_maps():
    first = reader()
    kubernetes.use_secret_as_env(first, secret_name="db-credentials", secret_key_to_env={"username": "DB_USER", "password": "DB_PASSWORD"})
    kubernetes.use_secret_as_env(first, secret_name="optional-token", secret_key_to_env={"token": "TOKEN"}, optional=True)
    kubernetes.use_secret_as_volume(first, secret_name="tls-certs", mount_path="/etc/creds")
    kubernetes.use_config_map_as_env(first, config_map_name="settings", config_map_key_to_env={"region": "REGION", "zone": "ZONE"})

    second = reader()
    kubernetes.use_config_map_as_volume(second, config_map_name="settings", mount_path="/etc/settings")
    kubernetes.use_config_map_as_volume(second, config_map_name="extra-settings", mount_path="/etc/extra", optional=True)


PIPELINE = k8s_secrets_config_maps
