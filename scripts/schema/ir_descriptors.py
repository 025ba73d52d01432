"""The descriptor facts both generators share: which messages the IR documents hold, and how.

generate_schemas.py turns them into JSON Schemas (schemas/) and ts_types.py into TypeScript types
(src/ir/generated/); both read the same installed `_pb2` descriptors through this module, so the
schemas and the types cannot disagree about a field.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor

import kfp_protos

pipeline_spec_pb2, kubernetes_executor_config_pb2 = kfp_protos.load()

GENERATOR = 'scripts/schema/generate_schemas.py'


def is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def real_oneofs(desc: Descriptor) -> list[Any]:
    """Oneofs with a choice to make: a proto3 `optional` field is a one-member synthetic oneof."""
    return [o for o in desc.oneofs if len(o.fields) > 1]


class Variant:
    """A def that reuses a message's fields but types some of them more precisely than the proto.

    The protos declare `PipelineSpec.deployment_spec` and the platform executors as
    google.protobuf.Struct; KFP really stores PipelineDeploymentConfig and KubernetesExecutorConfig
    there, and the backend and drivers parse them as such.
    """

    def __init__(self, name: str, base: Descriptor, overrides: dict[str, Any]):
        self.name = name
        self.base = base
        self.overrides = overrides  # proto field name -> def name | {'map_keys': {key: def name}}


KUBERNETES_VARIANTS = {
    'ml_pipelines.SinglePlatformSpec--kubernetes': Variant(
        'ml_pipelines.SinglePlatformSpec--kubernetes',
        pipeline_spec_pb2.SinglePlatformSpec.DESCRIPTOR,
        {'deployment_spec': 'ml_pipelines.PlatformDeploymentConfig--kubernetes'},
    ),
    'ml_pipelines.PlatformDeploymentConfig--kubernetes': Variant(
        'ml_pipelines.PlatformDeploymentConfig--kubernetes',
        pipeline_spec_pb2.PlatformDeploymentConfig.DESCRIPTOR,
        {'executors': 'kfp_kubernetes.KubernetesExecutorConfig'},
    ),
    'ml_pipelines.PlatformSpec--typed': Variant(
        'ml_pipelines.PlatformSpec--typed',
        pipeline_spec_pb2.PlatformSpec.DESCRIPTOR,
        {'platforms': {'map_keys': {'kubernetes': 'ml_pipelines.SinglePlatformSpec--kubernetes'}}},
    ),
    'ml_pipelines.PipelineSpec--typed': Variant(
        'ml_pipelines.PipelineSpec--typed',
        pipeline_spec_pb2.PipelineSpec.DESCRIPTOR,
        {'deployment_spec': 'ml_pipelines.PipelineDeploymentConfig'},
    ),
}


def pool_lookup(full_name: str) -> Descriptor:
    for fd in (pipeline_spec_pb2.DESCRIPTOR, kubernetes_executor_config_pb2.DESCRIPTOR):
        try:
            return fd.pool.FindMessageTypeByName(full_name)
        except KeyError:
            continue
    raise KeyError(full_name)


def descriptor(def_name: str) -> tuple[Descriptor, dict[str, Any]]:
    """The message behind a def name (a full proto name or a variant) and its field overrides."""
    if def_name in KUBERNETES_VARIANTS:
        v = KUBERNETES_VARIANTS[def_name]
        return v.base, v.overrides
    return pool_lookup(def_name), {}


def provenance() -> dict[str, Any]:
    def sha(fd: Any) -> str:
        return hashlib.sha256(fd.serialized_pb).hexdigest()

    return {
        'generator': GENERATOR,
        'packages': {
            name: importlib.metadata.version(name)
            for name in ('kfp-pipeline-spec', 'kfp-kubernetes', 'protobuf')
        },
        'protos': {
            'pipeline_spec.proto': sha(pipeline_spec_pb2.DESCRIPTOR),
            'kubernetes_executor_config.proto': sha(kubernetes_executor_config_pb2.DESCRIPTOR),
        },
    }
