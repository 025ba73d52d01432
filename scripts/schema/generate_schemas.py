"""Generate the KFP IR JSON Schemas under schemas/ from the installed protobuf descriptors.

Reads `pipeline_spec_pb2` (kfp-pipeline-spec) and `kubernetes_executor_config_pb2` (kfp-kubernetes)
from the project venv and writes draft 2020-12 schemas that mirror what
`google.protobuf.json_format.ParseDict(..., ignore_unknown_fields=False)` accepts, restricted to the
proto3 JSON mapping (see schemas/README.md for the exact rules and the known divergences).

Usage (from the repo root):
        .venv/bin/python scripts/schema/generate_schemas.py           # rewrite schemas/*.schema.json
        .venv/bin/python scripts/schema/generate_schemas.py --check   # exit 1 if they are stale
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import pathlib
import sys
from typing import Any, Callable

from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor

import kfp_protos

pipeline_spec_pb2, kubernetes_executor_config_pb2 = kfp_protos.load()

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO_ROOT / 'schemas'
DIALECT = 'https://json-schema.org/draft/2020-12/schema'
ID_PREFIX = 'urn:kfp-ts:schema:'

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
UINT32_MAX, UINT64_MAX = 2**32 - 1, 2**64 - 1
FLOAT_MAX = 3.4028234663852886e38

# Decimal strings accepted for integer fields. json_format (Python int()) also takes '+5', '1e3',
# '1_000' and tabs; the proto3 JSON mapping and Go's protojson do not, so neither do we.
SIGNED_INT_STRING = r'^-?[0-9]+$'
UNSIGNED_INT_STRING = r'^[0-9]+$'
# A JSON number written as a string, or one of the three special spellings of the JSON mapping.
FLOAT_STRING = r'^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|NaN|Infinity|-Infinity)$'
# google.protobuf.Duration: seconds with optional fraction and a trailing "s" ("3s", "1.5s").
DURATION_STRING = r'^-?[0-9]+(\.[0-9]+)?s$'

T = FieldDescriptor


def _is_map(field: FieldDescriptor) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


# Well-known types: their JSON form replaces the message form (json_format's _WKTJSONMETHODS).
# value: (schema of a present, non-null value, the JSON type of that value or None for "any").
WELL_KNOWN: dict[str, tuple[dict[str, Any], str | None]] = {
    'google.protobuf.Struct': ({'type': 'object'}, 'object'),
    'google.protobuf.ListValue': ({'type': 'array'}, 'array'),
    'google.protobuf.Value': ({}, None),
    'google.protobuf.Duration': ({'type': 'string', 'pattern': DURATION_STRING}, 'string'),
}


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


class Generator:
    def __init__(self, variants: dict[str, Variant]):
        self.defs: dict[str, Any] = {}
        self.variants = variants
        self.pending: list[str] = []

    # ---- defs ---------------------------------------------------------------------------------
    def ref(self, def_name: str) -> str:
        if def_name not in self.defs and def_name not in self.pending:
            self.pending.append(def_name)
        return '#/$defs/' + def_name

    def build(self, root: str) -> dict[str, Any]:
        self.ref(root)
        while self.pending:
            name = self.pending.pop(0)
            self.defs[name] = self.message_def(name)
        return self.defs

    def descriptor(self, def_name: str) -> tuple[Descriptor, dict[str, Any]]:
        if def_name in self.variants:
            v = self.variants[def_name]
            return v.base, v.overrides
        return self.pool_lookup(def_name), {}

    @staticmethod
    def pool_lookup(full_name: str) -> Descriptor:
        for fd in (pipeline_spec_pb2.DESCRIPTOR, kubernetes_executor_config_pb2.DESCRIPTOR):
            try:
                return fd.pool.FindMessageTypeByName(full_name)
            except KeyError:
                continue
        raise KeyError(full_name)

    def message_def(self, def_name: str) -> dict[str, Any]:
        if def_name in WELL_KNOWN:
            present, json_type = WELL_KNOWN[def_name]
            d = dict(present)
            if json_type is not None:
                d['type'] = [json_type, 'null']
            d['x-message'] = def_name
            return d
        desc, overrides = self.descriptor(def_name)
        props: dict[str, Any] = {}
        for f in desc.fields:
            schema = self.field_schema(f, overrides.get(f.name))
            props[f.json_name] = schema
            props[f.name] = schema  # json_format accepts the original proto name as well
        d: dict[str, Any] = {
            'type': ['object', 'null'],
            'x-message': desc.full_name,
            'x-fields': [f.json_name for f in desc.fields],
            'properties': props,
            'additionalProperties': False,
        }
        groups = []
        for oneof in desc.oneofs:
            # json_format counts every non-null member under either spelling towards the oneof, so even
            # a single-member (proto3 `optional`) oneof rejects `tolerationSeconds` + `toleration_seconds`.
            names: list[str] = []
            for f in oneof.fields:
                names += [f.json_name] if f.json_name == f.name else [f.json_name, f.name]
            if len(names) < 2:
                continue
            pairs = [
                {
                    'type': 'object',  # a null message is valid whatever its oneofs say
                    'required': [a, b],
                    'properties': {a: {'not': {'type': 'null'}}, b: {'not': {'type': 'null'}}},
                }
                for i, a in enumerate(names)
                for b in names[i + 1 :]
            ]
            groups.append({
                'x-oneof': {'name': oneof.name, 'fields': [f.json_name for f in oneof.fields], 'keys': names},
                'not': {'anyOf': pairs},
            })
        if groups:
            d['allOf'] = groups
        return d

    # ---- fields -------------------------------------------------------------------------------
    def field_schema(self, f: FieldDescriptor, override: Any) -> dict[str, Any]:
        if _is_map(f):
            key_f = f.message_type.fields_by_name['key']
            value_f = f.message_type.fields_by_name['value']
            if key_f.type != T.TYPE_STRING:
                raise NotImplementedError(f'map key type {key_f.type} of {f.full_name}')
            schema: dict[str, Any] = {'type': ['object', 'null']}
            if isinstance(override, dict) and 'map_keys' in override:
                schema['properties'] = {
                    key: self.element(None, def_name) for key, def_name in override['map_keys'].items()
                }
                schema['additionalProperties'] = self.element(value_f, None)
            else:
                schema['additionalProperties'] = self.element(value_f, override)
            return schema
        if f.is_repeated:
            if f.message_type is not None and f.message_type.full_name == 'google.protobuf.Value':
                # json_format's null branch for Value fields sets `null_value` on the field, which
                # fails (AttributeError) when the field is repeated: there null is rejected.
                return {'type': 'array', 'items': self.element(f, override)}
            return {'type': ['array', 'null'], 'items': self.element(f, override)}
        return self.singular(f, override)

    def message_name(self, f: FieldDescriptor | None, override: str | None) -> str:
        if override is not None:
            return override
        assert f is not None and f.message_type is not None
        return f.message_type.full_name

    def singular(self, f: FieldDescriptor, override: str | None) -> dict[str, Any]:
        """A singular field: json_format accepts null for every one of them (it clears the field)."""
        if f.type == T.TYPE_MESSAGE:
            return {'$ref': self.ref(self.message_name(f, override))}
        s = self.scalar(f)
        s['type'] = (s['type'] if isinstance(s['type'], list) else [s['type']]) + ['null']
        return s

    def element(self, f: FieldDescriptor | None, override: str | None) -> dict[str, Any]:
        """A repeated element or map value: null is rejected except for google.protobuf.Value."""
        if f is None or f.type == T.TYPE_MESSAGE:
            name = self.message_name(f, override)
            s: dict[str, Any] = {'$ref': self.ref(name)}
            json_type = WELL_KNOWN[name][1] if name in WELL_KNOWN else 'object'
            if json_type is not None:
                s['type'] = json_type
            return s
        return self.scalar(f)

    def scalar(self, f: FieldDescriptor) -> dict[str, Any]:
        t = f.type
        if t == T.TYPE_STRING:
            return {'type': 'string'}
        if t == T.TYPE_BOOL:
            return {'type': 'boolean'}
        if t in (T.TYPE_INT32, T.TYPE_SINT32, T.TYPE_SFIXED32):
            return self.integer('int32', INT32_MIN, INT32_MAX, SIGNED_INT_STRING)
        if t in (T.TYPE_INT64, T.TYPE_SINT64, T.TYPE_SFIXED64):
            return self.integer('int64', INT64_MIN, INT64_MAX, SIGNED_INT_STRING)
        if t in (T.TYPE_UINT32, T.TYPE_FIXED32):
            return self.integer('uint32', 0, UINT32_MAX, UNSIGNED_INT_STRING)
        if t in (T.TYPE_UINT64, T.TYPE_FIXED64):
            return self.integer('uint64', 0, UINT64_MAX, UNSIGNED_INT_STRING)
        if t == T.TYPE_DOUBLE:
            return {'type': ['number', 'string'], 'pattern': FLOAT_STRING, 'x-kind': 'double'}
        if t == T.TYPE_FLOAT:
            return {
                'type': ['number', 'string'],
                'pattern': FLOAT_STRING,
                'minimum': -FLOAT_MAX,
                'maximum': FLOAT_MAX,
                'x-kind': 'float',
            }
        if t == T.TYPE_ENUM:
            return self.enum(f.enum_type)
        raise NotImplementedError(f'field type {t} of {f.full_name} (no such field in these protos)')

    @staticmethod
    def integer(kind: str, lo: int, hi: int, pattern: str) -> dict[str, Any]:
        # `type` lists both: minimum/maximum apply to numbers only, pattern to strings only.
        return {'type': ['integer', 'string'], 'minimum': lo, 'maximum': hi, 'pattern': pattern, 'x-kind': kind}

    @staticmethod
    def enum(e: EnumDescriptor) -> dict[str, Any]:
        names = [v.name for v in e.values]
        # proto3 enums are open: json_format takes a value name or any integer.
        return {
            'type': ['string', 'integer'],
            'pattern': '^(' + '|'.join(names) + ')$',
            'minimum': INT32_MIN,
            'maximum': INT32_MAX,
            'x-kind': 'enum',
            'x-enum': {'name': e.full_name, 'values': names},
        }


def provenance() -> dict[str, Any]:
    def sha(fd: Any) -> str:
        return hashlib.sha256(fd.serialized_pb).hexdigest()

    return {
        'generator': 'scripts/schema/generate_schemas.py',
        'packages': {
            name: importlib.metadata.version(name)
            for name in ('kfp-pipeline-spec', 'kfp-kubernetes', 'protobuf')
        },
        'protos': {
            'pipeline_spec.proto': sha(pipeline_spec_pb2.DESCRIPTOR),
            'kubernetes_executor_config.proto': sha(kubernetes_executor_config_pb2.DESCRIPTOR),
        },
    }


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

# file stem -> (root def, title, description)
SCHEMAS: dict[str, tuple[str, str, str]] = {
    'pipeline-spec': (
        'ml_pipelines.PipelineSpec--typed',
        'KFP PipelineSpec (first YAML document of a compiled pipeline)',
        'ml_pipelines.PipelineSpec, with deploymentSpec typed as ml_pipelines.PipelineDeploymentConfig.',
    ),
    'pipeline-deployment-config': (
        'ml_pipelines.PipelineDeploymentConfig',
        'KFP PipelineDeploymentConfig (PipelineSpec.deploymentSpec)',
        'The executors of a pipeline: container, importer, resolver or custom job.',
    ),
    'platform-spec': (
        'ml_pipelines.PlatformSpec--typed',
        'KFP PlatformSpec (second YAML document, `platforms:`)',
        'ml_pipelines.PlatformSpec; platforms.kubernetes.deploymentSpec.executors.* are '
        'kfp_kubernetes.KubernetesExecutorConfig.',
    ),
    'kubernetes-executor-config': (
        'kfp_kubernetes.KubernetesExecutorConfig',
        'kfp-kubernetes KubernetesExecutorConfig',
        'One executor entry of platforms.kubernetes.deploymentSpec.executors.',
    ),
}


def render(stem: str) -> str:
    root, title, description = SCHEMAS[stem]
    gen = Generator(KUBERNETES_VARIANTS)
    defs = gen.build(root)
    doc = {
        '$schema': DIALECT,
        '$id': ID_PREFIX + stem,
        'title': title,
        'description': description + ' Generated from the protobuf descriptors; do not edit.',
        'x-provenance': provenance(),
        '$ref': '#/$defs/' + root,
        'type': 'object',  # a document must be a mapping (json_format fails on anything else)
        '$defs': defs,
    }
    return json.dumps(doc, indent=2, sort_keys=True) + '\n'


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true', help='fail if schemas/ is out of date')
    args = parser.parse_args(argv)
    stale = []
    for stem in SCHEMAS:
        path = SCHEMA_DIR / f'{stem}.schema.json'
        text = render(stem)
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(REPO_ROOT)))
        else:
            path.write_text(text)
    if stale:
        print('stale (run scripts/schema/generate_schemas.py): ' + ', '.join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
