"""Python twin of k8s_in_groups.ts."""
from google.protobuf import json_format
from kfp import dsl, kubernetes
from kfp.kubernetes import common
from kfp.kubernetes import kubernetes_executor_config_pb2 as pb


@dsl.container_component
def step(text: str):
    return dsl.ContainerSpec(image="alpine:3.20", command=["echo", text])


@dsl.pipeline(name="k8s-in-groups")
def k8s_in_groups(mode: str = "gpu", deep: bool = False):
    cleanup = step(text="cleanup")
    kubernetes.set_timeout(cleanup, 300)
    with dsl.ExitHandler(cleanup):
        kubernetes.use_secret_as_env(step(text="first"), secret_name="creds", secret_key_to_env={"token": "TOKEN"})
        with dsl.If(mode == "gpu"):
            t = step(text="gpu")
            kubernetes.add_node_selector(t, label_key="accelerator", label_value="nvidia-l4")
            kubernetes.add_toleration(t, key="nvidia.com/gpu", operator="Exists", effect="NoSchedule")
            with dsl.If(deep == True):
                deep_task = step(text="deep")
                msg = common.get_existing_kubernetes_config_as_message(deep_task)
                msg.enabled_shared_memory.CopyFrom(pb.EnabledSharedMemory(size="8Gi"))
                deep_task.platform_config["kubernetes"] = json_format.MessageToDict(msg)
        with dsl.Elif(mode == "big"):
            kubernetes.add_pod_label(step(text="big"), label_key="size", label_value="big")
        with dsl.Else():
            kubernetes.empty_dir_mount(step(text="other"), volume_name="scratch", mount_path="/scratch")


PIPELINE = k8s_in_groups
