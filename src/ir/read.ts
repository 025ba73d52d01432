/**
 * Reading a parsed IR document into the typed model: the canonical proto3 JSON form the types in
 * ./generated describe, whatever spelling the document used.
 *
 * kfp writes the canonical form, but a proto3 JSON parser (json_format, protojson, the KFP backend)
 * also takes proto field names (`component_ref`), enum numbers, `null` for "unset", and numbers
 * written as strings. A reader of files must treat those the same, and a reader of files that
 * failed validation must not trip over a string where an object belongs. `readIr` settles both
 * once, from the descriptor table generated with the types:
 *
 * - fields under their proto name are renamed to the JSON name; if a message spells a field both
 *   ways the later one wins, as in json_format;
 * - `null` clears a field (except a `google.protobuf.Value` field, where it is the JSON null);
 * - enum numbers become names; int32 and double strings become numbers; int64 stays as written;
 * - of two members of one oneof, the later one wins;
 * - unknown fields, and values that do not fit their field's type, are left out. A list with one
 *   unfit element is left out whole, so the index of every list item read is its index in the
 *   document.
 *
 * On a document that passes schema validation nothing but spelling is changed. Struct and Value
 * subtrees are shared with the input, not copied.
 */
import { ENUMS, MESSAGES, ROOT_DEFS, type FieldInfo } from './generated/descriptor-table.ts';
import type { KubernetesExecutorConfig } from './generated/kubernetes-executor-config.ts';
import type { ExecutorInput, ExecutorOutput, PipelineDeploymentConfig, PipelineSpec, PipelineTaskFinalStatus } from './generated/pipeline-spec.ts';
import type { PlatformSpec } from './generated/platform-spec.ts';
import type { JsonObject, JsonValue } from './json.ts';

/** The messages `readIr` reads a whole document as. */
export interface IrRoots {
  readonly PipelineSpec: PipelineSpec;
  readonly PlatformSpec: PlatformSpec;
  readonly PipelineDeploymentConfig: PipelineDeploymentConfig;
  readonly KubernetesExecutorConfig: KubernetesExecutorConfig;
  readonly ExecutorInput: ExecutorInput;
  readonly ExecutorOutput: ExecutorOutput;
  readonly PipelineTaskFinalStatus: PipelineTaskFinalStatus;
}

/**
 * The typed, canonical view of a parsed document (see the module comment for the rules).
 * Anything that is not an object reads as an empty message.
 *
 * @example
 * const spec = readIr('PipelineSpec', parse(text));
 * for (const [name, task] of Object.entries(spec.root?.dag?.tasks ?? {})) console.log(name, task.componentRef?.name);
 */
export function readIr<K extends keyof IrRoots>(root: K, doc: unknown): IrRoots[K] {
  // The one cast of the typed model: the table and the types are generated from the same
  // descriptors, and readMessage keeps only what the table says fits.
  return (readMessage(ROOT_DEFS[root], doc) ?? {}) as IrRoots[K];
}

/** `readIr('PipelineSpec', doc)`: the first document of a compiled pipeline file. */
export function readPipelineSpec(doc: unknown): PipelineSpec {
  return readIr('PipelineSpec', doc);
}

/** `readIr('PlatformSpec', doc)`: the optional second (`platforms:`) document. */
export function readPlatformSpec(doc: unknown): PlatformSpec {
  return readIr('PlatformSpec', doc);
}

type Mutable = { [key: string]: JsonValue | undefined };

const INT32_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1] } as const;
const SIGNED_DIGITS = /^-?[0-9]+$/;
const UNSIGNED_DIGITS = /^[0-9]+$/;
const FLOAT_STRING = /^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|NaN|Infinity|-Infinity)$/;
const DURATION_STRING = /^-?[0-9]+(\.[0-9]+)?s$/;

interface Field extends FieldInfo {
  /** JSON names of the other members of the field's oneof. */
  readonly rivals: readonly string[];
}

const fieldMaps = new Map<string, ReadonlyMap<string, Field>>();

/** A message's fields under both spellings. */
function fieldsOf(def: string): ReadonlyMap<string, Field> {
  let map = fieldMaps.get(def);
  if (map === undefined) {
    const fields = MESSAGES[def];
    if (fields === undefined) throw new Error(`no message def ${def} in the descriptor table`);
    map = new Map(
      fields.flatMap((f) => {
        const rivals = f.oneof === undefined ? [] : fields.filter((o) => o.oneof === f.oneof && o !== f).map((o) => o.json);
        const field: Field = { ...f, rivals };
        return [[f.proto, field] as const, [f.json, field] as const];
      }),
    );
    fieldMaps.set(def, map);
  }
  return map;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isJson(value: unknown): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return true;
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isJson);
      return isPlainObject(value) && Object.values(value).every(isJson);
    default:
      return false;
  }
}

function readMessage(def: string, value: unknown): JsonObject | undefined {
  if (!isPlainObject(value)) return undefined;
  const fields = fieldsOf(def);
  const out: Mutable = {};
  for (const key of Object.keys(value)) {
    const field = fields.get(key);
    if (field === undefined) continue;
    const raw = value[key];
    const read = raw === null && field.kind !== 'value' ? undefined : readField(field, raw);
    // Rare: the field under its other spelling, or a rival oneof member, came earlier. Deleting
    // only then keeps `out` a fast object in the common case.
    if (out[field.json] !== undefined) delete out[field.json];
    for (const rival of field.rivals) if (read !== undefined && out[rival] !== undefined) delete out[rival];
    if (read !== undefined) out[field.json] = read;
  }
  return out;
}

function readField(field: Field, raw: unknown): JsonValue | undefined {
  if (field.map === true) {
    if (!isPlainObject(raw)) return undefined;
    const out: Mutable = {};
    for (const [key, item] of Object.entries(raw)) {
      const known = field.mapKeys?.[key];
      const read = known !== undefined ? readMessage(known, item) : readOne(field, item);
      if (read !== undefined) out[key] = read;
    }
    return out;
  }
  if (field.repeated === true) {
    if (!Array.isArray(raw)) return undefined;
    const out: JsonValue[] = [];
    for (const item of raw) {
      const read = readOne(field, item);
      if (read === undefined) return undefined;
      out.push(read);
    }
    return out;
  }
  return readOne(field, raw);
}

/** One value of a field: the field itself, a list element or a map value. */
function readOne(field: Field, raw: unknown): JsonValue | undefined {
  switch (field.kind) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'bool':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'int32':
    case 'uint32': {
      const [lo, hi] = INT32_RANGE[field.kind];
      const pattern = field.kind === 'int32' ? SIGNED_DIGITS : UNSIGNED_DIGITS;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && pattern.test(raw) ? Number(raw) : NaN;
      return Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
    }
    case 'int64':
    case 'uint64': {
      const unsigned = field.kind === 'uint64';
      if (typeof raw === 'number') return Number.isInteger(raw) && (!unsigned || raw >= 0) ? raw : undefined;
      return typeof raw === 'string' && (unsigned ? UNSIGNED_DIGITS : SIGNED_DIGITS).test(raw) ? raw : undefined;
    }
    case 'double':
    case 'float':
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' && FLOAT_STRING.test(raw) ? Number(raw) : undefined;
    case 'enum': {
      const values = ENUMS[field.type ?? ''] ?? {};
      if (typeof raw === 'string') return Object.hasOwn(values, raw) ? raw : undefined;
      if (typeof raw === 'number') return Object.keys(values).find((name) => values[name] === raw);
      return undefined;
    }
    case 'duration':
      return typeof raw === 'string' && DURATION_STRING.test(raw) ? raw : undefined;
    case 'struct':
      return isPlainObject(raw) && isJson(raw) ? raw : undefined;
    case 'list':
      return Array.isArray(raw) && isJson(raw) ? raw : undefined;
    case 'value':
      return isJson(raw) ? raw : undefined;
    case 'message':
      return readMessage(field.type ?? '', raw);
  }
}
