"""Python twin of kubernetes_secrets.ts."""
from kfp import dsl, kubernetes
from twin import component

F = "tests/cross/fixtures/work.py"
notify = component(F, "notify", base_image="python:3.11-slim")
pick_image = component(F, "pick_image", base_image="python:3.11-slim")


@dsl.pipeline(name="kubernetes-secrets", description="Secrets as env vars and as volumes")
def kubernetes_secrets(secret: str = "runtime-secret", channel: str = "#ml"):
    a = notify(message="env from two secrets", channel=channel)
    kubernetes.use_secret_as_env(a, secret_name="db-credentials", secret_key_to_env={"user": "DB_USER", "password": "DB_PASSWORD"})
    kubernetes.use_secret_as_env(a, secret_name="api-token", secret_key_to_env={"token": "API_TOKEN"}, optional=True)
    a.set_env_variable("PLAIN", "value")

    b = notify(message="volume")
    kubernetes.use_secret_as_volume(b, secret_name="tls-cert", mount_path="/etc/tls")
    kubernetes.use_secret_as_volume(b, secret_name="extra-cert", mount_path="/etc/extra", optional=True)
    kubernetes.use_secret_as_env(b, secret_name="db-credentials", secret_key_to_env={"user": "DB_USER"})

    c = notify(message="name from a parameter")
    kubernetes.use_secret_as_env(c, secret_name=secret, secret_key_to_env={"key": "SECRET_KEY"})
    flavour = pick_image(flavour="slim")
    d = notify(message="name from a task output")
    kubernetes.use_secret_as_volume(d, secret_name=flavour.output, mount_path="/mnt/secret")


PIPELINE = kubernetes_secrets
