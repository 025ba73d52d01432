"""Python twin of k8s_volumes.ts."""
from google.protobuf import json_format
from kfp import dsl, kubernetes
from kfp.kubernetes import common
from kfp.kubernetes import kubernetes_executor_config_pb2 as pb


def enable_shared_memory(task, **fields):
    """No kfp-kubernetes helper sets enabled_shared_memory: a kfp user writes the proto field."""
    msg = common.get_existing_kubernetes_config_as_message(task)
    msg.enabled_shared_memory.CopyFrom(pb.EnabledSharedMemory(**fields))
    task.platform_config["kubernetes"] = json_format.MessageToDict(msg)
    return task


@dsl.container_component
def trainer():
    return dsl.ContainerSpec(image="pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime", command=["python", "-c", "print(1)"])


@dsl.pipeline(name="k8s-volumes")
def k8s_volumes():
    t = trainer()
    kubernetes.add_ephemeral_volume(t, volume_name="scratch", mount_path="/scratch", access_modes=["ReadWriteOnce"], size="5Gi")
    kubernetes.add_ephemeral_volume(
        t, volume_name="fast", mount_path="/fast", access_modes=["ReadWriteOnce", "ReadWriteOncePod"], size="20Gi",
        storage_class_name="premium-rwo", labels={"app": "trainer"}, annotations={"backup.velero.io/backup-volumes": "none"})
    kubernetes.add_ephemeral_volume(t, volume_name="static", mount_path="/static", access_modes=["ReadOnlyMany"], size="1Gi",
                                    storage_class_name="", annotations={"note": "x"})
    kubernetes.empty_dir_mount(t, volume_name="cache", mount_path="/cache", medium="Memory", size_limit="1Gi")
    kubernetes.empty_dir_mount(t, volume_name="tmp", mount_path="/tmp/work")
    kubernetes.empty_dir_mount(t, volume_name="odd", mount_path="/odd", medium="", size_limit="")
    enable_shared_memory(t, size="2Gi")

    other = trainer()
    enable_shared_memory(other, volume_name="shm", size="")
    enable_shared_memory(trainer())


PIPELINE = k8s_volumes
