/**
 * What every kfp-kubernetes helper shares: the executor-config JSON shape, how a helper argument
 * that may be a pipeline parameter becomes an `InputParameterSpec`, and argument errors as
 * diagnostics.
 */
import { isChannel, type ParameterChannel } from '../dsl/channels.ts';
import { DiagnosticError, diagnostic, type Diagnostic } from '../diagnostics.ts';

export type Json = Record<string, unknown>;

/** A helper argument known when the pipeline is defined, or a pipeline parameter / task output that holds it. */
export type ParameterOr<T> = T | ParameterChannel<T>;

/** A JSON object argument (node selector, node affinity, toleration): a constant or a STRUCT parameter. */
export type JsonObject = { readonly [key: string]: unknown };

/** Appends `entry` to the list field `key` of an executor config (kfp's `msg.<field>.append`). */
export function append(current: Readonly<Json>, key: string, ...entries: readonly Json[]): Json {
  if (entries.length === 0) return { ...current };
  const list = Array.isArray(current[key]) ? (current[key] as unknown[]) : [];
  return { ...current, [key]: [...list, ...entries] };
}

/** Merges `patch` into the message field `key` (kfp's `msg.<field>.<sub> = …` on a singular message). */
export function mergeInto(current: Readonly<Json>, key: string, patch: Readonly<Json>): Json {
  const existing = current[key] && typeof current[key] === 'object' ? (current[key] as Json) : {};
  return { ...current, [key]: { ...existing, ...patch } };
}

/**
 * A reference to a run-time value, left for the compiler: the channel sits under
 * `componentInputParameter` (pipeline inputs, loop items) or `taskOutputParameter` (task
 * outputs) — the keys kfp-kubernetes writes before kfp's compiler rewrites them for the DAG the
 * task is in. The compiler replaces that key with the channel's reference in the task's DAG
 * (`pipelinechannel--…` inside groups) and makes the task depend on the producer.
 */
export function channelReference(channel: ParameterChannel<unknown>): Json {
  // A setting reads its input whole; kfp 2.17.3 names a field's `…-subvar-…` input, which no DAG has.
  if (channel.source.kind === 'loopItem' && channel.source.subvar !== undefined)
    throw argumentError(
      'parameter',
      `a loop item's field ('${channel.source.subvar}') cannot be the value of a Kubernetes setting: kfp writes a reference to an input no component has. Loop over a list of the values themselves, or pass the item whole where a JSON object is taken`,
    );
  return channel.source.kind === 'taskOutput' ? { taskOutputParameter: channel } : { componentInputParameter: channel };
}

/** kfp-kubernetes `parse_k8s_parameter_input`: a constant, or a reference to a run-time value. */
export function parameterInput(value: unknown): Json {
  if (isChannel(value)) {
    if (value.kind !== 'parameterChannel') throw argumentError('parameter', 'an artifact cannot name a Kubernetes object; pass a parameter');
    return channelReference(value);
  }
  return { runtimeValue: { constant: value } };
}

export function isParameterChannel(value: unknown): value is ParameterChannel<unknown> {
  return isChannel(value) && value.kind === 'parameterChannel';
}

/** An invalid helper argument; thrown inside a pipeline body, it is recorded as a build problem. */
export function argumentError(path: string, message: string): DiagnosticError {
  return new DiagnosticError([diagnostic('kubernetes/invalid-argument', `kubernetes/${path}`, message)]);
}

/** Throws once with every problem found, when there are any. */
export function throwIfAny(problems: readonly Diagnostic[]): void {
  if (problems.length) throw new DiagnosticError(problems);
}

/** A whole number in `[min, max]` (kfp's int checks; `bool` is not an int there, nor here). */
export function isWholeNumber(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** protobuf JSON writes int64 fields as decimal strings (`activeDeadlineSeconds: '20'`). */
export function int64(value: number): string {
  return String(value);
}

/**
 * Drops the fields proto3 leaves out of its JSON when they hold their default: empty strings and
 * empty lists or maps (fields with explicit presence are added by the caller, not through this).
 */
export function withoutDefaults(fields: Readonly<Json>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value && typeof value === 'object' && !Array.isArray(value) && !isChannel(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

/**
 * A Secret or ConfigMap name as kfp-kubernetes writes it: the parameter form, plus the deprecated
 * plain name (for older backends) when the name is a constant.
 */
export function objectName(field: string, name: ParameterOr<string>): Json {
  return typeof name === 'string'
    ? { ...withoutDefaults({ [field]: name }), [`${field}Parameter`]: parameterInput(name) }
    : { [`${field}Parameter`]: parameterInput(name) };
}
