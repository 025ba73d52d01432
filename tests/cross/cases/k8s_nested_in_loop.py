"""Python twin of k8s_nested_in_loop.ts."""
from typing import List

from kfp import dsl, kubernetes


@dsl.container_component
def fetch(name: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", name])


@dsl.container_component
def publish(name: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", name])


@dsl.pipeline(name="fetch-with-secret")
def fetch_with_secret(secret: str, name: str = "x"):
    t = fetch(name=name)
    kubernetes.use_secret_as_env(t, secret_name=secret, secret_key_to_env={"token": "TOKEN"})
    kubernetes.set_timeout(t, 120)
    kubernetes.add_toleration(t, key="spot", operator="Exists", effect="NoSchedule")


@dsl.pipeline(name="k8s-nested-in-loop")
def k8s_nested_in_loop(secrets: List[str] = ["a", "b"], token: str = "tok"):
    with dsl.ParallelFor(secrets) as secret:
        fetch_with_secret(secret=secret, name=token)
    p = publish(name="done")
    kubernetes.use_secret_as_volume(p, secret_name=token, mount_path="/t")


PIPELINE = k8s_nested_in_loop
