"""Python twin of k8s_pvc.ts."""
from kfp import dsl, kubernetes


@dsl.container_component
def worker():
    return dsl.ContainerSpec(image="alpine:3.20", command=["sh", "-c", "ls /data /models"])


@dsl.pipeline(name="k8s-pvc")
def k8s_pvc():
    created = kubernetes.CreatePVC(
        pvc_name_suffix="-scratch",
        access_modes=["ReadWriteOnce"],
        size="5Gi",
        storage_class_name="standard",
        annotations={"team": "ml"},
    )
    kubernetes.CreatePVC(
        pvc_name="restored",
        access_modes=["ReadWriteMany", "ReadOnlyMany"],
        size="1Gi",
        volume_name="pv-restored",
        data_source={"apiGroup": "snapshot.storage.k8s.io", "kind": "VolumeSnapshot", "name": "nightly"},
    )
    work = worker()
    kubernetes.mount_pvc(work, pvc_name="shared-data", mount_path="/data")
    kubernetes.mount_pvc(work, pvc_name="models", mount_path="/models", sub_path="v2")
    kubernetes.DeletePVC(pvc_name=created.outputs["name"]).after(work)


PIPELINE = k8s_pvc
