"""Python twin of k8s_scheduling.ts."""
from google.protobuf import json_format
from kfp import dsl, kubernetes
from kfp.kubernetes import common
from kfp.kubernetes import kubernetes_executor_config_pb2 as pb


def add_pod_affinity(task, match_pod_expressions=(), match_namespace_expressions=(), **fields):
    """No kfp-kubernetes helper sets pod_affinity: a kfp user appends the proto message."""
    msg = common.get_existing_kubernetes_config_as_message(task)
    msg.pod_affinity.append(pb.PodAffinityTerm(
        match_pod_expressions=[pb.SelectorRequirement(**e) for e in match_pod_expressions],
        match_namespace_expressions=[pb.SelectorRequirement(**e) for e in match_namespace_expressions],
        **fields))
    task.platform_config["kubernetes"] = json_format.MessageToDict(msg)
    return task


@dsl.container_component
def job():
    return dsl.ContainerSpec(image="alpine:3.20", command=["true"])


@dsl.pipeline(name="k8s-scheduling")
def k8s_scheduling():
    a = job()
    kubernetes.add_node_selector(a, label_key="cloud.google.com/gke-accelerator", label_value="nvidia-tesla-t4")
    kubernetes.add_node_selector(a, label_key="disktype", label_value="ssd")
    kubernetes.add_toleration(a, key="nvidia.com/gpu", operator="Exists", effect="NoSchedule")
    kubernetes.add_toleration(a, key="key1", operator="Equal", value="value1", effect="NoExecute", toleration_seconds=10)
    kubernetes.add_toleration(a, key="evict-now", effect="NoExecute", toleration_seconds=0)
    kubernetes.add_toleration(a)
    kubernetes.add_toleration_json(a, [{"key": "from-json", "operator": "Exists"}, {"key": "timed", "value": "v", "toleration_seconds": 30}])

    b = job()
    kubernetes.add_node_selector_json(b, {"kubernetes.io/os": "linux"})
    kubernetes.add_toleration_json(b, {"key": "single", "operator": "Equal", "value": "x", "effect": "PreferNoSchedule"})
    kubernetes.add_node_affinity(
        b,
        match_expressions=[
            {"key": "zone", "operator": "In", "values": ["us-west-1", "us-west-2"]},
            {"key": "spot", "operator": "DoesNotExist"},
        ],
        match_fields=[{"key": "metadata.name", "operator": "NotIn", "values": ["node-7"]}],
    )
    kubernetes.add_node_affinity(b, match_expressions=[{"key": "gpu-count", "operator": "Gt", "values": ["1"]}], weight=50)
    kubernetes.add_node_affinity_json(b, {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": []}})
    kubernetes.add_node_affinity_json(b, {
        "preferredDuringSchedulingIgnoredDuringExecution": [
            {"weight": 100, "preference": {"matchExpressions": [{"key": "disktype", "operator": "In", "values": ["ssd"]}]}},
        ],
    })

    c = job()
    add_pod_affinity(c, topology_key="kubernetes.io/hostname", match_pod_labels={"app": "cache"})
    add_pod_affinity(
        c,
        topology_key="topology.kubernetes.io/zone",
        match_pod_expressions=[{"key": "tier", "operator": "In", "values": ["db"]}],
        namespaces=["data", "ml"],
        match_namespace_expressions=[{"key": "env", "operator": "Exists"}],
        match_namespace_labels={"team": "ml"},
        weight=20,
        anti=True,
    )
    add_pod_affinity(c, topology_key="kubernetes.io/hostname", match_pod_labels={"app": "trainer"}, anti=False)
    kubernetes.add_node_affinity(job())
    kubernetes.add_node_affinity_json(job(), {})


PIPELINE = k8s_scheduling
