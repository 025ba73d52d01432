import { diagnostic, warning, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import { isRecord, type RootParameterSpec } from './pipeline-file.ts';

/**
 * Runtime parameters are checked here exactly as the API server checks them when it creates a run
 * (backend/src/apiserver/template/v2_template.go, `validatePipelineJobInputs`, KFP 2.17), but every
 * problem is reported instead of only the first:
 *
 * - a root parameter that is not optional and has no default must be given;
 * - a given value must be the protobuf Value kind of its type: NUMBER_DOUBLE and NUMBER_INTEGER take
 *   any number (the server does not check integrality), STRING a string, BOOLEAN a bool, LIST a list,
 *   STRUCT a struct; null matches no type; an unspecified type, TASK_FINAL_STATUS and unknown types
 *   are refused;
 * - a parameter with `literals` must equal one of them (proto.Equal);
 * - no parameter that the pipeline does not declare.
 *
 * One addition that the server does not make, reported as a warning only: a fractional number for
 * a NUMBER_INTEGER parameter, which the component will receive as a float.
 */
export function checkRuntimeParameters(
  defs: Readonly<Record<string, RootParameterSpec>>,
  values: Readonly<Record<string, unknown>>,
  file?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = (code: DiagnosticCode, name: string, message: string, severity?: 'warning'): void => {
    out.push((severity === 'warning' ? warning : diagnostic)(code, ['parameters', name], message, file));
  };
  for (const [name, spec] of Object.entries(defs)) {
    if (!Object.hasOwn(values, name)) {
      // The server tests GetDefaultValue() != nil: a default of any kind, even null, counts.
      if (spec.isOptional !== true && !Object.hasOwn(spec, 'defaultValue')) {
        d('run/parameter-missing', name, `Parameter "${name}" (${typeLabel(spec.parameterType)}) is required: it is not optional and has no default. Pass --param ${name}=<value>.`);
      }
      continue;
    }
    const value = values[name];
    const type = spec.parameterType ?? 'PARAMETER_TYPE_ENUM_UNSPECIFIED';
    const got = valueKind(value);
    const mismatch = (want: string): void =>
      d('run/parameter-type', name, `Parameter "${name}" must be ${want} (${type}), but the value is ${got === 'null' ? 'null' : `a ${got}`}: ${preview(value)}.`);
    switch (type) {
      case 'PARAMETER_TYPE_ENUM_UNSPECIFIED':
        d('run/parameter-unspecified-type', name, `Parameter "${name}" has no type in the pipeline file, and the server refuses a value for it. Recompile the pipeline.`);
        continue;
      case 'NUMBER_DOUBLE':
      case 'NUMBER_INTEGER':
        if (got !== 'number') {
          mismatch('a number');
          continue;
        }
        if (type === 'NUMBER_INTEGER' && !Number.isInteger(value)) {
          d('run/parameter-not-integer', name, `Parameter "${name}" is an integer, but ${String(value)} has a fraction; the server accepts it and the component receives a float.`, 'warning');
        }
        break;
      case 'STRING':
        if (got !== 'string') {
          mismatch('a string');
          continue;
        }
        break;
      case 'BOOLEAN':
        if (got !== 'bool') {
          mismatch('true or false');
          continue;
        }
        break;
      case 'LIST':
        if (got !== 'list') {
          mismatch('a JSON list');
          continue;
        }
        break;
      case 'STRUCT':
        if (got !== 'struct') {
          mismatch('a JSON object');
          continue;
        }
        break;
      case 'TASK_FINAL_STATUS':
        d('run/parameter-type', name, `Parameter "${name}" has type TASK_FINAL_STATUS, which the server refuses for a pipeline's own inputs.`);
        continue;
      default:
        d('run/parameter-type', name, `Parameter "${name}" has type ${type}, which the server does not accept for a pipeline input.`);
        continue;
    }
    const literals = spec.literals ?? [];
    if (literals.length > 0 && !literals.some((l) => protoValueEqual(l, value))) {
      d('run/parameter-literal', name, `Parameter "${name}" must be one of ${literals.map((l) => preview(l)).join(', ')}; got ${preview(value)}.`);
    }
  }
  const declared = Object.keys(defs);
  for (const name of Object.keys(values)) {
    if (Object.hasOwn(defs, name)) continue;
    const near = closest(name, declared);
    const known = declared.length === 0 ? 'The pipeline takes no parameters.' : `It takes: ${declared.join(', ')}.`;
    d('run/parameter-unknown', name, `The pipeline has no parameter "${name}".${near ? ` Did you mean "${near}"?` : ''} ${known}`);
  }
  return out;
}

/**
 * Turns a `--param name=value` string into the JSON value for the parameter's declared type:
 * numbers and booleans are parsed, LIST and STRUCT are JSON. A string that does not parse stays a
 * string, so the check above reports the mismatch with the same message as for a params file.
 */
export function coerceParamString(raw: string, spec: RootParameterSpec | undefined): unknown {
  switch (spec?.parameterType) {
    case 'NUMBER_INTEGER':
    case 'NUMBER_DOUBLE': {
      const t = raw.trim();
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
      return raw;
    }
    case 'BOOLEAN':
      if (raw === 'true' || raw === 'True') return true;
      if (raw === 'false' || raw === 'False') return false;
      return raw;
    case 'LIST':
    case 'STRUCT':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    default:
      return raw;
  }
}

/** Splits `name=value` at the first `=`. */
export function splitParamArg(arg: string): { name: string; value: string } | undefined {
  const eq = arg.indexOf('=');
  if (eq <= 0) return undefined;
  return { name: arg.slice(0, eq).trim(), value: arg.slice(eq + 1) };
}

type Kind = 'null' | 'number' | 'string' | 'bool' | 'list' | 'struct' | 'other';

function valueKind(v: unknown): Kind {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'other';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'list';
  if (isRecord(v)) return 'struct';
  return 'other';
}

/** proto.Equal on google.protobuf.Value: numbers compare as doubles, structs by keys. */
export function protoValueEqual(a: unknown, b: unknown): boolean {
  const ka = valueKind(a);
  if (ka !== valueKind(b)) return false;
  if (ka === 'list') {
    const la = a as unknown[];
    const lb = b as unknown[];
    return la.length === lb.length && la.every((x, i) => protoValueEqual(x, lb[i]));
  }
  if (ka === 'struct') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = Object.keys(ra);
    return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && protoValueEqual(ra[k], rb[k]));
  }
  return a === b;
}

function typeLabel(t: string | undefined): string {
  return t ?? 'no type';
}

function preview(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(name.toLowerCase(), c.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
