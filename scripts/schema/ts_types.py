"""TypeScript types for the KFP IR (src/ir/generated/), from the descriptors the schemas follow.

The types describe the canonical proto3 JSON form that kfp writes and kfp-ts emits: camelCase
field names, enums as their value names, int64 as a decimal string (or a number), the well-known
types in their JSON form, and the same typed Structs as the schemas (`deploymentSpec` is a
PipelineDeploymentConfig, the Kubernetes platform executors are KubernetesExecutorConfigs).
Next to the types, a runtime table of every message's fields lets src/ir/read.ts turn any parsed
document (proto field names, enum numbers, nulls, ...) into that canonical form.

The layout of the types (why oneofs are unions of all-optional members, why everything is
readonly) is explained in src/ir/index.ts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, FieldDescriptor

from ir_descriptors import (
    KUBERNETES_VARIANTS,
    descriptor,
    is_map,
    kubernetes_executor_config_pb2,
    pipeline_spec_pb2,
    provenance,
    real_oneofs,
)

T = FieldDescriptor
OUT_DIR = 'src/ir/generated'

# The messages a reader of compiled pipelines meets: the two documents of a compiled file, their
# typed Structs, and what a launcher passes to and reads from an executor.
ROOTS = [
    'ml_pipelines.PipelineSpec--typed',
    'ml_pipelines.PlatformSpec--typed',
    'ml_pipelines.PipelineDeploymentConfig',
    'kfp_kubernetes.KubernetesExecutorConfig',
    'ml_pipelines.ExecutorInput',
    'ml_pipelines.ExecutorOutput',
    'ml_pipelines.PipelineTaskFinalStatus',
]

# Well-known types: their JSON form replaces the message form. value: (TS type, table kind).
WELL_KNOWN: dict[str, tuple[str, str]] = {
    'google.protobuf.Struct': ('JsonObject', 'struct'),
    'google.protobuf.Value': ('JsonValue', 'value'),
    'google.protobuf.ListValue': ('JsonArray', 'list'),
    'google.protobuf.Duration': ('Duration', 'duration'),
    # {"@type": "type.googleapis.com/...", ...fields}: only inside google.rpc.Status.details.
    'google.protobuf.Any': ('JsonObject', 'struct'),
}

# Variants take the name their document is known by; the untyped originals are never needed.
TS_NAMES = {
    'ml_pipelines.PipelineSpec--typed': 'PipelineSpec',
    'ml_pipelines.PlatformSpec--typed': 'PlatformSpec',
    'ml_pipelines.SinglePlatformSpec--kubernetes': 'KubernetesSinglePlatformSpec',
    'ml_pipelines.PlatformDeploymentConfig--kubernetes': 'KubernetesPlatformDeploymentConfig',
}
PACKAGES = {'ml_pipelines': 'pipeline_spec.proto', 'kfp_kubernetes': 'kubernetes_executor_config.proto'}

# Output module of each def. platform-spec.ts holds the variants that join the two protos, so
# no generated module imports one that imports it back.
PIPELINE_MODULE = 'pipeline-spec'
KUBERNETES_MODULE = 'kubernetes-executor-config'
PLATFORM_MODULE = 'platform-spec'
TABLE_MODULE = 'descriptor-table'
JSON_IMPORT = '../json.ts'

INT32_KINDS = {T.TYPE_INT32: 'int32', T.TYPE_SINT32: 'int32', T.TYPE_SFIXED32: 'int32', T.TYPE_UINT32: 'uint32', T.TYPE_FIXED32: 'uint32'}
INT64_KINDS = {T.TYPE_INT64: 'int64', T.TYPE_SINT64: 'int64', T.TYPE_SFIXED64: 'int64', T.TYPE_UINT64: 'uint64', T.TYPE_FIXED64: 'uint64'}


def ts_name(full_name: str) -> str:
    if full_name in TS_NAMES:
        return TS_NAMES[full_name]
    package, _, rest = full_name.partition('.')
    if full_name.startswith('google.'):
        # google.rpc.Status -> GoogleRpcStatus: never mistaken for a KFP message.
        return ''.join(part[:1].upper() + part[1:] for part in full_name.split('.'))
    assert package in PACKAGES, full_name
    # Nested messages and enums joined by '_', as ts-proto names them: Outer_Inner.
    return rest.replace('.', '_')


def module_of(full_name: str) -> str:
    if full_name.startswith('kfp_kubernetes.'):
        return KUBERNETES_MODULE
    if full_name in KUBERNETES_VARIANTS and full_name != 'ml_pipelines.PipelineSpec--typed':
        return PLATFORM_MODULE
    return PIPELINE_MODULE


class Defs:
    """Every message and enum reachable from ROOTS, in discovery order (breadth first)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.enums: dict[str, EnumDescriptor] = {}
        pending = list(ROOTS)
        while pending:
            name = pending.pop(0)
            if name in self.messages or name in WELL_KNOWN:
                continue
            self.messages.append(name)
            desc, overrides = descriptor(name)
            for f in desc.fields:
                for target in field_targets(f, overrides.get(f.name)):
                    if target not in self.messages and target not in pending:
                        pending.append(target)
                value = map_value(f) if is_map(f) else f
                if value.type == T.TYPE_ENUM:
                    self.enums.setdefault(value.enum_type.full_name, value.enum_type)
        names: dict[str, str] = {}
        for full in [*self.messages, *self.enums]:
            name = ts_name(full)
            if name in names:
                raise ValueError(f'{full} and {names[name]} would both be called {name}')
            names[name] = full


def map_value(f: FieldDescriptor) -> FieldDescriptor:
    return f.message_type.fields_by_name['value']


def field_targets(f: FieldDescriptor, override: Any) -> list[str]:
    """The message defs a field refers to (overrides included)."""
    if isinstance(override, dict):
        return [*override['map_keys'].values(), *field_targets(f, None)]
    if isinstance(override, str):
        return [override]
    value = map_value(f) if is_map(f) else f
    return [value.message_type.full_name] if value.type == T.TYPE_MESSAGE else []


# ---- TypeScript text --------------------------------------------------------------------------


def deprecated(f: FieldDescriptor) -> bool:
    return bool(f.GetOptions().deprecated)


def scalar_type(f: FieldDescriptor, message: str | None) -> str:
    """The TS type of one value of `f` (a map value or list element, or the field itself)."""
    if message is not None:
        return WELL_KNOWN[message][0] if message in WELL_KNOWN else ts_name(message)
    t = f.type
    if t == T.TYPE_MESSAGE:
        return scalar_type(f, f.message_type.full_name)
    if t == T.TYPE_STRING:
        return 'string'
    if t == T.TYPE_BOOL:
        return 'boolean'
    if t in INT32_KINDS or t in (T.TYPE_DOUBLE, T.TYPE_FLOAT):
        return 'number'
    if t in INT64_KINDS:
        return 'Int64'
    if t == T.TYPE_ENUM:
        return ts_name(f.enum_type.full_name)
    raise NotImplementedError(f'field type {t} of {f.full_name} (no such field in these protos)')


def field_type(f: FieldDescriptor, override: Any) -> str:
    if is_map(f):
        key = f.message_type.fields_by_name['key']
        if key.type != T.TYPE_STRING:
            raise NotImplementedError(f'map key type {key.type} of {f.full_name}')
        value = scalar_type(map_value(f), override if isinstance(override, str) else None)
        if isinstance(override, dict):
            # A known key typed more precisely than the rest; the index signature takes `undefined`
            # so that an optional known key conforms to it.
            known = ' '.join(f'readonly {k}?: {ts_name(v)};' for k, v in override['map_keys'].items())
            return f'{{ {known} readonly [key: string]: {value} | undefined }}'
        return f'{{ readonly [key: string]: {value} }}'
    element = scalar_type(f, override)
    return f'readonly {element}[]' if f.is_repeated else element


def field_line(f: FieldDescriptor, override: Any, never: bool = False) -> list[str]:
    lines = []
    if deprecated(f) and not never:
        lines.append('/** @deprecated (in the proto) */')
    lines.append(f'readonly {f.json_name}?: {"never" if never else field_type(f, override)};')
    return lines


def indent(lines: list[str], by: str) -> list[str]:
    return [by + line if line else line for line in lines]


def message_text(def_name: str) -> list[str]:
    desc, overrides = descriptor(def_name)
    name = ts_name(def_name)
    oneofs = real_oneofs(desc)
    in_oneof = {f.name for o in oneofs for f in o.fields}
    doc = [f'/** `{desc.full_name}`{variant_note(def_name)}'
           + (' @deprecated (in the proto)' if desc.GetOptions().deprecated else '') + ' */']
    plain = [f for f in desc.fields if f.name not in in_oneof]
    if not desc.fields:
        return [*doc, f'export type {name} = {{ readonly [key: string]: never }};']
    body: list[str] = []
    for f in plain:
        body += field_line(f, overrides.get(f.name))
    out = [*doc, f'export type {name} = {{', *indent(body, '  '), '}']
    if not plain:
        # Only oneof members: the type is the union alone.
        out[-2:] = [f'export type {name} = (']
    for i, oneof in enumerate(oneofs):
        if plain or i > 0:
            out[-1] += ' & ('
        out.append(f'  // oneof `{oneof.name}`: at most one of {", ".join(f.json_name for f in oneof.fields)}')
        for chosen in oneof.fields:
            member: list[str] = []
            for f in oneof.fields:
                member += field_line(f, overrides.get(f.name), never=f is not chosen)
            out += ['  | {', *indent(member, '      '), '    }']
        out.append(')')
    out[-1] += ';'
    return out


def variant_note(def_name: str) -> str:
    if def_name == 'ml_pipelines.PipelineSpec--typed':
        return ', with `deploymentSpec` (a Struct in the proto) typed as the PipelineDeploymentConfig KFP stores there.'
    if def_name == 'ml_pipelines.PlatformSpec--typed':
        return ', with `platforms.kubernetes` typed as the kfp-kubernetes platform.'
    if def_name == 'ml_pipelines.SinglePlatformSpec--kubernetes':
        return ' of the `kubernetes` platform.'
    if def_name == 'ml_pipelines.PlatformDeploymentConfig--kubernetes':
        return ' of the `kubernetes` platform: executors (Structs in the proto) typed as KubernetesExecutorConfig.'
    return '.'


def enum_text(e: EnumDescriptor) -> list[str]:
    values = [f"  | '{v.name}'" for v in e.values]
    return [f'/** `{e.full_name}`: the value names (proto3 JSON also allows the numbers; src/ir/read.ts maps them). */',
            f'export type {ts_name(e.full_name)} =', *values[:-1], values[-1] + ';']


def header() -> list[str]:
    p = provenance()
    packages = ', '.join(f'{k} {v}' for k, v in p['packages'].items())
    return [
        f'// Generated by {p["generator"]} from the protobuf descriptors; do not edit, regenerate.',
        f'// Packages: {packages}.',
        *(f'// {proto} sha256 {sha}' for proto, sha in p['protos'].items()),
    ]


def imports_for(module: str, referenced: set[str], defs: Defs) -> list[str]:
    by_module: dict[str, set[str]] = {}
    json_types = {'JsonObject', 'JsonValue', 'JsonArray', 'Duration', 'Int64'}
    for name in referenced:
        if name in json_types:
            by_module.setdefault(JSON_IMPORT, set()).add(name)
            continue
        full = next((m for m in [*defs.messages, *defs.enums] if ts_name(m) == name), None)
        if full is None:
            continue
        target = module_of(full)
        if target != module:
            by_module.setdefault(f'./{target}.ts', set()).add(name)
    order = [JSON_IMPORT, *(f'./{m}.ts' for m in (PIPELINE_MODULE, KUBERNETES_MODULE, PLATFORM_MODULE))]
    return [f"import type {{ {', '.join(sorted(by_module[m]))} }} from '{m}';" for m in order if m in by_module]


def declaration_order() -> dict[str, int]:
    """Messages and enums in the order the .proto files declare them (nested ones after their parent)."""
    order: dict[str, int] = {}

    def visit(m: Any) -> None:
        order[m.full_name] = len(order)
        for n in m.nested_types:
            visit(n)
        for e in m.enum_types:
            order[e.full_name] = len(order)

    for fd in (pipeline_spec_pb2.DESCRIPTOR, kubernetes_executor_config_pb2.DESCRIPTOR):
        for m in fd.message_types_by_name.values():
            visit(m)
        for e in fd.enum_types_by_name.values():
            order[e.full_name] = len(order)
    return order


def type_module(module: str, defs: Defs) -> str:
    order = declaration_order()
    # A variant sits where its message is declared; google.rpc.Status comes last.
    position = lambda name: order.get(name.split('--')[0], len(order))  # noqa: E731
    blocks: list[list[str]] = []
    for name in sorted([*defs.messages, *defs.enums], key=position):
        if module_of(name) != module:
            continue
        blocks.append(enum_text(defs.enums[name]) if name in defs.enums else message_text(name))
    text = '\n'.join('\n'.join(b) for b in blocks)
    referenced = set(word for word in _identifiers(text))
    lines = [*header(), *imports_for(module, referenced, defs), '']
    return '\n'.join(lines) + '\n' + '\n\n'.join('\n'.join(b) for b in blocks) + '\n'


def _identifiers(text: str) -> list[str]:
    return re.findall(r'\b[A-Z][A-Za-z0-9_]*\b', text)


# ---- the runtime field table ------------------------------------------------------------------


def table_kind(f: FieldDescriptor, message: str | None) -> dict[str, Any]:
    if message is not None:
        if message in WELL_KNOWN:
            return {'kind': WELL_KNOWN[message][1]}
        return {'kind': 'message', 'type': message}
    t = f.type
    if t == T.TYPE_MESSAGE:
        return table_kind(f, f.message_type.full_name)
    if t == T.TYPE_STRING:
        return {'kind': 'string'}
    if t == T.TYPE_BOOL:
        return {'kind': 'bool'}
    if t in INT32_KINDS:
        return {'kind': INT32_KINDS[t]}
    if t in INT64_KINDS:
        return {'kind': INT64_KINDS[t]}
    if t == T.TYPE_DOUBLE:
        return {'kind': 'double'}
    if t == T.TYPE_FLOAT:
        return {'kind': 'float'}
    if t == T.TYPE_ENUM:
        return {'kind': 'enum', 'type': f.enum_type.full_name}
    raise NotImplementedError(f'field type {t} of {f.full_name}')


def table_field(f: FieldDescriptor, override: Any, oneof: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {'json': f.json_name, 'proto': f.name}
    if is_map(f):
        entry.update(table_kind(map_value(f), override if isinstance(override, str) else None))
        entry['map'] = True
        if isinstance(override, dict):
            entry['mapKeys'] = override['map_keys']
    else:
        entry.update(table_kind(f, override))
        if f.is_repeated:
            entry['repeated'] = True
    if oneof is not None:
        entry['oneof'] = oneof
    return entry


def table_module(defs: Defs) -> str:
    messages: dict[str, list[dict[str, Any]]] = {}
    for name in defs.messages:
        desc, overrides = descriptor(name)
        oneof_of = {f.name: o.name for o in real_oneofs(desc) for f in o.fields}
        messages[name] = [table_field(f, overrides.get(f.name), oneof_of.get(f.name)) for f in desc.fields]
    enums = {name: {v.name: v.number for v in e.values} for name, e in defs.enums.items()}
    roots = {ts_name(r): r for r in ROOTS}
    lines = [
        *header(),
        '// The fields of every message the IR types describe, for src/ir/read.ts.',
        '',
        "export type FieldKind = 'string' | 'bool' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'double' | 'float' | 'enum' | 'message' | 'struct' | 'value' | 'list' | 'duration';",
        '',
        'export interface FieldInfo {',
        '  /** The camelCase JSON name: the only spelling of the canonical form. */',
        '  readonly json: string;',
        '  /** The proto field name, which proto3 JSON parsers accept as well. */',
        '  readonly proto: string;',
        '  readonly kind: FieldKind;',
        '  /** The message def (`message`) or enum (`enum`). */',
        '  readonly type?: string;',
        '  readonly repeated?: true;',
        '  readonly map?: true;',
        '  /** Map keys whose values are a more precise message def than `type` (a typed Struct). */',
        '  readonly mapKeys?: { readonly [key: string]: string };',
        '  /** The oneof the field belongs to (proto3 `optional` fields are not listed). */',
        '  readonly oneof?: string;',
        '}',
        '',
        '/** Message defs by name: the full proto name, or `<name>--<variant>` for a typed Struct. */',
        f'export const MESSAGES: {{ readonly [def: string]: readonly FieldInfo[] }} = {_ts_literal(messages)};',
        '',
        '/** Enum value numbers by name. */',
        f'export const ENUMS: {{ readonly [enumName: string]: {{ readonly [value: string]: number }} }} = {_ts_literal(enums)};',
        '',
        '/** The def of each root type. */',
        f'export const ROOT_DEFS = {_ts_literal(roots)} as const;',
    ]
    return '\n'.join(lines) + '\n'


def _ts_literal(value: Any, depth: int = 0) -> str:
    """A TS object literal: one property per line down to field entries, which stay on one line."""
    pad = '  ' * (depth + 1)
    if isinstance(value, dict) and depth < 2 and not ('json' in value and 'proto' in value):
        items = [f'{pad}{_key(k)}: {_ts_literal(v, depth + 1)},' for k, v in value.items()]
        return '{\n' + '\n'.join(items) + '\n' + '  ' * depth + '}'
    if isinstance(value, list):
        items = [f'{pad}{_ts_literal(v, depth + 1)},' for v in value]
        return '[\n' + '\n'.join(items) + '\n' + '  ' * depth + ']' if items else '[]'
    if isinstance(value, dict):
        return '{ ' + ', '.join(f'{_key(k)}: {_ts_literal(v, depth + 1)}' for k, v in value.items()) + ' }'
    if value is True:
        return 'true'
    if isinstance(value, str):
        return "'" + value.replace('\\', '\\\\').replace("'", "\\'") + "'"
    return json.dumps(value)


def _key(k: str) -> str:
    return k if re.fullmatch(r'[A-Za-z_$][A-Za-z0-9_$]*', k) else _ts_literal(k)


def render_files() -> dict[str, str]:
    """Path (relative to the repository) -> text of every generated TypeScript module."""
    defs = Defs()
    out = {
        f'{OUT_DIR}/{m}.ts': type_module(m, defs) for m in (PIPELINE_MODULE, KUBERNETES_MODULE, PLATFORM_MODULE)
    }
    out[f'{OUT_DIR}/{TABLE_MODULE}.ts'] = table_module(defs)
    return out
