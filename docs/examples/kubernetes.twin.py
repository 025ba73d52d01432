from kfp import dsl, kubernetes
from ml import load_data, say

load_data = dsl.component(load_data)
say = dsl.component(say)


@dsl.pipeline(name="kubernetes")
def kubernetes_settings(secret: str = "db-credentials"):
    pvc = kubernetes.CreatePVC(pvc_name_suffix="-scratch", access_modes=["ReadWriteOnce"], size="5Gi", storage_class_name="standard")

    load = load_data(source="gs://my-bucket/train.csv")
    kubernetes.use_secret_as_env(load, secret_name=secret, secret_key_to_env={"password": "DB_PASSWORD"})
    kubernetes.use_secret_as_volume(load, secret_name="gcp-key", mount_path="/secrets/gcp")
    kubernetes.use_config_map_as_env(load, config_map_name="settings", config_map_key_to_env={"region": "REGION"})
    kubernetes.mount_pvc(load, pvc_name=pvc.outputs["name"], mount_path="/scratch")
    kubernetes.add_node_selector(load, label_key="cloud.google.com/gke-nodepool", label_value="cpu-pool")
    kubernetes.add_toleration(load, key="dedicated", operator="Equal", value="ml", effect="NoSchedule")
    kubernetes.add_pod_label(load, label_key="team", label_value="ml")
    kubernetes.set_image_pull_secrets(load, ["registry-credentials"])
    kubernetes.set_timeout(load, 3600)

    kubernetes.DeletePVC(pvc_name=pvc.outputs["name"]).after(load)
    say(message="done").after(load)


PIPELINE = kubernetes_settings
