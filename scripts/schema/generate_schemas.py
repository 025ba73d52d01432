"""Generate the KFP IR JSON Schemas (schemas/) and TS types (src/ir/generated/) from the descriptors.

Reads `pipeline_spec_pb2` (kfp-pipeline-spec) and `kubernetes_executor_config_pb2` (kfp-kubernetes)
from the project venv and writes draft 2020-12 schemas that mirror what
`google.protobuf.json_format.ParseDict(..., ignore_unknown_fields=False)` accepts, restricted to the
proto3 JSON mapping (see schemas/README.md for the exact rules and the known divergences), and the
TypeScript types of the canonical JSON form with them (ts_types.py, src/ir/index.ts).

Usage (from the repo root):
        .venv/bin/python scripts/schema/generate_schemas.py                # rewrite them all
        .venv/bin/python scripts/schema/generate_schemas.py --check        # exit 1 if any is stale
        .venv/bin/python scripts/schema/generate_schemas.py --out-dir DIR  # write them under DIR
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any

from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor

import ts_types
from ir_descriptors import descriptor, is_map, provenance

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


# Well-known types: their JSON form replaces the message form (json_format's _WKTJSONMETHODS).
# value: (schema of a present, non-null value, the JSON type of that value or None for "any").
WELL_KNOWN: dict[str, tuple[dict[str, Any], str | None]] = {
    'google.protobuf.Struct': ({'type': 'object'}, 'object'),
    'google.protobuf.ListValue': ({'type': 'array'}, 'array'),
    'google.protobuf.Value': ({}, None),
    'google.protobuf.Duration': ({'type': 'string', 'pattern': DURATION_STRING}, 'string'),
}


class Generator:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
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

    def message_def(self, def_name: str) -> dict[str, Any]:
        if def_name in WELL_KNOWN:
            present, json_type = WELL_KNOWN[def_name]
            d = dict(present)
            if json_type is not None:
                d['type'] = [json_type, 'null']
            d['x-message'] = def_name
            return d
        desc, overrides = descriptor(def_name)
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
        if is_map(f):
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
    gen = Generator()
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


def outputs() -> dict[str, str]:
    """Path (relative to the repository) -> text of every generated file: schemas and TS types."""
    files = {f'schemas/{stem}.schema.json': render(stem) for stem in SCHEMAS}
    files.update(ts_types.render_files())
    return files


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true', help='fail if a generated file is out of date')
    parser.add_argument('--out-dir', type=pathlib.Path, help='write the files under this directory instead')
    args = parser.parse_args(argv)
    stale = []
    for rel, text in outputs().items():
        if args.check:
            path = REPO_ROOT / rel
            if not path.exists() or path.read_text() != text:
                stale.append(rel)
            continue
        path = (args.out_dir or REPO_ROOT) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if stale:
        print('stale (run scripts/schema/generate_schemas.py): ' + ', '.join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
