import type { ArtifactType } from '../artifacts.ts';
import { PARAMETER_TYPE_NAMES, type ParameterType, type ParameterValue } from '../parameter-type.ts';
import { parsePythonFloat, parsePythonInt, pythonStr } from './python-values.ts';

/**
 * kfp 2.17.3's reading of v1 type names (`kfp.dsl.types.type_utils`): a name that maps to a
 * parameter type (case-insensitively, `typing.` and `[...]` dropped), a `google.*` artifact, one
 * of the system artifact classes, or — for every other name, a mapping, or no type at all —
 * `system.Artifact`.
 */

/** kfp's in-memory name of each parameter type (`IR_TYPE_TO_IN_MEMORY_SPEC_TYPE`): a channel's type text. */
export const IN_MEMORY_TYPE_NAME: Readonly<Record<ParameterType, string>> = {
  STRING: 'String',
  NUMBER_INTEGER: 'Integer',
  NUMBER_DOUBLE: 'Float',
  LIST: 'List',
  STRUCT: 'Dict',
  BOOLEAN: 'Boolean',
  TASK_FINAL_STATUS: 'PipelineTaskFinalStatus',
};

const ARTIFACT_CLASSES: Readonly<Record<string, string>> = {
  artifact: 'system.Artifact',
  model: 'system.Model',
  dataset: 'system.Dataset',
  metrics: 'system.Metrics',
  classificationmetrics: 'system.ClassificationMetrics',
  slicedclassificationmetrics: 'system.SlicedClassificationMetrics',
  html: 'system.HTML',
  markdown: 'system.Markdown',
};

// kfp's _GOOGLE_TYPES_PATTERN, unescaped dot included.
const GOOGLE_TYPE = /^google.[A-Za-z]+$/;

export type V1Type =
  | { readonly kind: 'parameter'; readonly parameterType: ParameterType }
  | { readonly kind: 'artifact'; readonly artifactType: ArtifactType };

/** kfp's get_canonical_name_for_outer_generic: `typing.List[str]` → `List`, other names as they are. */
function canonicalName(name: string): string {
  const bare = name.startsWith('typing.') ? name.slice('typing.'.length) : name;
  const lower = bare.toLowerCase();
  return lower.startsWith('list') || lower.startsWith('dict') ? bare.split('[')[0]! : bare;
}

/** What an input or output of this v1 type becomes (structures.ComponentSpec.from_v1_component_spec). */
export function v1Type(type: unknown, direction: 'input' | 'output'): V1Type {
  if (typeof type === 'string') {
    const name = canonicalName(type);
    if (direction === 'input' && name === 'PipelineTaskFinalStatus') return { kind: 'parameter', parameterType: 'TASK_FINAL_STATUS' };
    const parameterType = PARAMETER_TYPE_NAMES[name.toLowerCase()];
    if (parameterType) return { kind: 'parameter', parameterType };
    if (GOOGLE_TYPE.test(name)) return artifact(name);
    const system = ARTIFACT_CLASSES[name.toLowerCase()];
    if (system) return artifact(system);
  }
  return artifact('system.Artifact');
}

function artifact(schemaTitle: string): V1Type {
  return { kind: 'artifact', artifactType: Object.freeze({ kind: 'artifactType', schemaTitle, schemaVersion: '0.0.1' }) };
}

/**
 * kfp's is_parameter_type on a raw v1 type, which decides whether `{outputPath: x}` is a parameter
 * output file or an artifact path. It reads a mapping type by its first key (`{String: {...}}` is a
 * parameter here, though the output itself becomes an artifact: kfp's own inconsistency).
 */
export function isV1ParameterTypeName(type: unknown): boolean {
  let name: string;
  if (typeof type === 'string') name = /^(?:typing\.)?(\w+)(?:\[.+\])?/.exec(type)?.[1] ?? type;
  else if (typeof type === 'object' && type !== null && !Array.isArray(type)) name = Object.keys(type)[0] ?? '';
  else return false;
  return name.toLowerCase() in PARAMETER_TYPE_NAMES || name === 'PipelineTaskFinalStatus' || name === 'TaskConfig';
}

/** The JSON text kfp tries for dict and list defaults; anything else stays the string it was. */
function tryJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Python's strtobool, as kfp reads a boolean default written as text. */
function strToBool(value: string): boolean {
  const v = value.toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(v)) return true;
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(v)) return false;
  throw new Error(`invalid truth value '${value}'`);
}

function toInt(value: string | number | boolean): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  // Python's int(): a float is truncated toward zero.
  if (typeof value === 'number') return Math.trunc(value);
  return parsePythonInt(value);
}

function toFloat(value: string | number | boolean): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return parsePythonFloat(value);
}

type Cast = (value: string | number | boolean, isFloat: boolean) => unknown;

const DESERIALIZE: Readonly<Record<string, Cast>> = {
  integer: toInt,
  int: toInt,
  double: toFloat,
  float: toFloat,
  string: pythonStr,
  str: pythonStr,
  text: pythonStr,
  bool: (v) => (typeof v === 'string' ? strToBool(v) : v),
  boolean: (v) => (typeof v === 'string' ? strToBool(v) : v),
  dict: tryJson,
  list: tryJson,
  jsonobject: tryJson,
  jsonarray: tryJson,
};

/**
 * kfp's deserialize_v1_component_yaml_default: the default cast by the raw type name (so
 * `typing.List[str]`'s default stays the text it is). Throws with Python's message when the cast
 * fails, as kfp does.
 */
export function v1Default(type: unknown, value: string | number | boolean, isFloat: boolean): ParameterValue {
  if (typeof type !== 'string') return value;
  const cast = DESERIALIZE[type.toLowerCase()];
  return (cast ? cast(value, isFloat) : value) as ParameterValue;
}
