/**
 * The checks at each DSL entry point (see value-guards.ts for why): each returns the checked
 * value as frozen plain data, or stops the pipeline body with a `dsl/<kebab>` diagnostic that
 * names the call and the task.
 */
// No imports of the node types: io.ts and conditions.ts use these checks, and the node types import them.
import { k8sName } from './k8s-name.ts';
import { isMadeByKfpTs } from './made-by-kfp-ts.ts';
import {
  describe,
  optionsObject,
  plainData,
  requireFunction,
  requireMade,
  requireOptionalBoolean,
  requireOptionalNumber,
  requireOptionalString,
  stringRecord,
  wrongValue,
} from './value-guards.ts';

const CHANNELS = ['parameterChannel', 'artifactChannel'];
/** What a task argument may be besides a constant (and what a constant list or object may hold). */
const ARGUMENT_KINDS = ['parameterChannel', 'artifactChannel', 'stringTemplate', 'placeholder'];
const argumentKind = (kind: string): boolean => ARGUMENT_KINDS.includes(kind);

/** How messages name a task: the name the compiler gives its first use (`train-model`). */
export function taskLabel(component: { readonly name: string }): string {
  return `task '${k8sName(component.name) || component.name}'`;
}

export function checkRunnable(component: unknown): void {
  requireMade(component, ['componentHandle', 'pipelineHandle'], 's.task', "s.task()'s first argument", 'a component or a pipeline');
}

/** A task's arguments, copied: channels, templates and placeholders as they are, constants as plain data. */
export function checkTaskArgs(args: unknown, label: string): Record<string, unknown> {
  const where = `${label}/arguments`;
  const fields = optionsObject(args, 'any', where, `the arguments of ${label}`);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const what = `${label}: the argument '${name}'`;
    if (isMadeByKfpTs(value) && !argumentKind((value as { kind: string }).kind))
      wrongValue(
        'wrong-value',
        where,
        `${what} is ${describe(value)}, which is not a value${(value as { kind: string }).kind === 'taskHandle' ? "; pass one of the task's outputs (task.outputs.<name>)" : ''}`,
      );
    out[name] = plainData(value, where, what, argumentKind);
  }
  return out;
}

export function checkTaskHandles(tasks: readonly unknown[], label: string, call: string): void {
  tasks.forEach((t, i) => requireMade(t, ['taskHandle'], `${label}/${call}`, `${label}: ${call}()'s argument ${i + 1}`, 'a task (what s.task returns)'));
}

const RESOURCE_KEYS = ['cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit', 'acceleratorType', 'acceleratorCount'];

export function checkResources(resources: unknown, label: string): Readonly<Record<string, unknown>> {
  const where = `${label}/withResources`;
  const fields = optionsObject(resources, RESOURCE_KEYS, where, `${label}: withResources()'s argument`, false);
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' || (key === 'acceleratorCount' && typeof value === 'number' && Number.isFinite(value))) continue;
    requireMade(value, ['parameterChannel'], where, `${label}: withResources() ${key}`, `a Kubernetes quantity (a string such as '500m' or '2Gi')${key === 'acceleratorCount' ? ' or a number' : ''}, or a parameter holding one`);
  }
  return fields;
}

export function checkEnv(env: unknown, label: string): Readonly<Record<string, string>> {
  return stringRecord(env, `${label}/withEnv`, `${label}: withEnv()'s argument`);
}

export function checkCaching(enabled: unknown, cacheKey: unknown, label: string): void {
  const where = `${label}/withCaching`;
  if (typeof enabled !== 'boolean') wrongValue('wrong-value', where, `${label}: withCaching() takes true or false first; got ${describe(enabled)}`);
  requireOptionalString(cacheKey, where, `${label}: withCaching()'s cache key`);
}

export function checkRetry(retry: unknown, label: string): Readonly<Record<string, unknown>> {
  const where = `${label}/withRetry`;
  const fields = optionsObject(retry, ['maxRetryCount', 'backoffDuration', 'backoffFactor', 'backoffMaxDuration'], where, `${label}: withRetry()'s argument`, false);
  const count = fields.maxRetryCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    wrongValue('wrong-value', where, `${label}: withRetry() maxRetryCount must be a whole number >= 0; got ${describe(count)}`);
  requireOptionalString(fields.backoffDuration, where, `${label}: withRetry() backoffDuration`);
  requireOptionalNumber(fields.backoffFactor, where, `${label}: withRetry() backoffFactor`);
  requireOptionalString(fields.backoffMaxDuration, where, `${label}: withRetry() backoffMaxDuration`);
  return fields;
}

export function checkDisplayName(name: unknown, label: string, call: string): void {
  if (typeof name !== 'string') wrongValue('wrong-value', `${label}/${call}`, `${label}: ${call}() takes a string; got ${describe(name)}`);
}

export function checkContainerImage(image: unknown, label: string): void {
  if (typeof image === 'string') return;
  requireMade(image, ['parameterChannel'], `${label}/withContainerImage`, `${label}: withContainerImage()'s argument`, 'an image name (a string) or a parameter holding one');
}

/**
 * A Kubernetes setting (what the kubernetes helpers pass to withKubernetes), copied as frozen plain
 * data; pipeline parameters and task outputs stay as they are. Its fields are checked by the compiler.
 */
export function checkKubernetesSetting(setting: unknown, label: string): unknown {
  const where = `${label}/withKubernetes`;
  const fields = optionsObject(setting, 'any', where, `${label}: withKubernetes()'s setting`, false);
  if (typeof fields.kind !== 'string' || fields.kind === '')
    wrongValue('wrong-value', where, `${label}: withKubernetes() takes a setting such as { kind: 'timeout', seconds: 60 }; its kind is ${describe(fields.kind)}`);
  return plainData(fields, where, `${label}: the Kubernetes setting`, (kind) => CHANNELS.includes(kind));
}

export function checkCondition(condition: unknown, call: string): void {
  requireMade(condition, ['condition'], call, `${call}()'s condition`, 'a condition made with eq, ne, lt, le, gt or ge');
}

export function checkBody(body: unknown, call: string): void {
  requireFunction(body, call, `${call}()'s body`);
}

/** A comparison's operands: a parameter on the left; a parameter or a string, number or boolean on the right. */
export function checkOperands(operator: string, left: unknown, right: unknown): void {
  const where = `condition ${operator}`;
  requireMade(left, ['parameterChannel'], where, `the left side of ${operator}`, 'a parameter (a pipeline input, a task output or a loop item)');
  if (typeof right === 'string' || typeof right === 'boolean' || (typeof right === 'number' && Number.isFinite(right))) return;
  requireMade(right, ['parameterChannel'], where, `the right side of ${operator}`, 'a parameter, a string, a finite number or a boolean');
}

/** parallelFor's items: a literal list (copied as data, channels allowed inside) or a list channel. */
export function checkLoopItems(items: unknown): unknown {
  if (Array.isArray(items)) return plainData(items, 'parallelFor', "parallelFor()'s items", (kind) => CHANNELS.includes(kind));
  requireMade(items, CHANNELS, 'parallelFor', "parallelFor()'s items", 'a list, or a parameter or artifact list');
  return items;
}

export function checkLoopOptions(options: unknown): { readonly parallelism?: number; readonly displayName?: string } {
  const fields = optionsObject(options, ['parallelism', 'displayName'], 'parallelFor', "parallelFor()'s options");
  requireOptionalNumber(fields.parallelism, 'parallelFor', "parallelFor()'s parallelism");
  requireOptionalString(fields.displayName, 'parallelFor', "parallelFor()'s display name");
  return fields;
}

export function checkChannels(values: readonly unknown[], call: string): void {
  values.forEach((v, i) => requireMade(v, CHANNELS, call, `${call}()'s argument ${i + 1}`, 'a task output (a parameter or an artifact)'));
}

/** An artifact type as artifactType() makes it, copied (the compiler reads its strings). */
export function checkArtifactType(t: unknown, where: string, what: string): Readonly<Record<string, unknown>> {
  const fields = optionsObject(t, ['kind', 'schemaTitle', 'schemaVersion', 'pythonClass'], where, `${what} (an artifact type such as Dataset, or artifactType(...))`, false);
  if (fields.kind !== 'artifactType' || typeof fields.schemaTitle !== 'string' || typeof fields.schemaVersion !== 'string')
    wrongValue('wrong-value', where, `${what} must be an artifact type (Dataset, Model, … or artifactType('system.X')); got an object that is not one`);
  requireOptionalString(fields.pythonClass, where, `${what}'s pythonClass`);
  return fields;
}

/** importer()'s options, copied: the metadata as plain data (Maps kept as Maps: their keys may be run-time values). */
export function checkImporterOptions(options: unknown): Readonly<Record<string, unknown>> {
  const where = 'importer';
  const fields = optionsObject(options, ['artifactUri', 'artifactType', 'reimport', 'metadata', 'downloadToWorkspace'], where, "importer()'s options", false);
  if (typeof fields.artifactUri !== 'string')
    requireMade(fields.artifactUri, ['parameterChannel', 'placeholder'], where, "importer()'s artifactUri", 'a URI (a string), a parameter holding one or a runtime placeholder');
  const artifactType = checkArtifactType(fields.artifactType, where, "importer()'s artifactType");
  requireOptionalBoolean(fields.reimport, where, "importer()'s reimport");
  requireOptionalBoolean(fields.downloadToWorkspace, where, "importer()'s downloadToWorkspace");
  const given = fields.metadata;
  const metadata = given === undefined ? undefined : plainData(given, where, "importer()'s metadata", argumentKind, true);
  return Object.freeze({ ...fields, artifactType, ...(metadata !== undefined ? { metadata } : {}) });
}

const PIPELINE_KEYS = ['name', 'displayName', 'description', 'pipelineRoot', 'inputs', 'outputs', 'pipelineConfig'];

/** pipeline()'s options and body, at the call (a module's top level, usually). */
export function checkPipelineCall(options: unknown, body: unknown): Readonly<Record<string, unknown>> {
  const fields = optionsObject(options, PIPELINE_KEYS, 'pipeline', "pipeline()'s options", false);
  const name = fields.name;
  if (typeof name !== 'string') wrongValue('wrong-value', 'pipeline', `pipeline() needs a name (a string); got ${describe(name)}`);
  const where = `pipeline/${name}`;
  for (const key of ['displayName', 'description', 'pipelineRoot']) requireOptionalString(fields[key], where, `pipeline '${name}': ${key}`);
  const inputs = fields.inputs === undefined ? undefined : checkDecls(fields.inputs, where, `pipeline '${name}': inputs`);
  const outputs = fields.outputs === undefined ? undefined : checkDecls(fields.outputs, where, `pipeline '${name}': outputs`);
  if (fields.pipelineConfig !== undefined)
    requireMade(fields.pipelineConfig, ['pipelineConfig'], where, `pipeline '${name}': pipelineConfig`, 'what kubernetes.pipelineConfig() returns');
  requireFunction(body, where, `pipeline '${name}': the body (pipeline()'s second argument)`);
  return Object.freeze({ ...fields, ...(inputs ? { inputs } : {}), ...(outputs ? { outputs } : {}) });
}

/** What a pipeline body returned: a declared output must be a channel kfp-ts made (or absent). */
export function checkReturnedOutputs<T>(returned: Record<string, T>, declared: readonly string[], pipelineName: string): Record<string, T> {
  for (const name of declared) {
    const value = returned[name];
    if (value === undefined || (typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (!isMadeByKfpTs(value) || !CHANNELS.includes((value as unknown as { kind: string }).kind))
      requireMade(value, CHANNELS, `pipeline/${pipelineName}/outputs/${name}`, `pipeline '${pipelineName}': the returned output '${name}'`, 'a task output (a parameter or an artifact)');
  }
  return returned;
}

/**
 * Input or output declarations, copied: zod schemas as they are (the interface reads them once,
 * now), artifact declarations with their artifact type checked.
 */
export function checkDecls(decls: unknown, where: string, what: string): Readonly<Record<string, unknown>> {
  const fields = optionsObject(decls, 'any', where, what, false);
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(fields)) {
    if (typeof decl !== 'object' || decl === null) wrongValue('wrong-value', where, `${what}: '${name}' must be a zod schema or input(...)/output(...); got ${describe(decl)}`);
    const kind = (decl as { kind?: unknown }).kind;
    if (kind === 'artifactInput' || kind === 'artifactOutput') {
      const d = optionsObject(decl, ['kind', 'artifactType', 'isList', 'optional', 'description'], where, `${what}: '${name}'`, false);
      checkArtifactType(d.artifactType, where, `${what}: '${name}'`);
      requireOptionalBoolean(d.isList, where, `${what}: '${name}' list`);
      requireOptionalBoolean(d.optional, where, `${what}: '${name}' optional`);
      requireOptionalString(d.description, where, `${what}: '${name}' description`);
      out[name] = d;
    } else out[name] = decl;
  }
  return Object.freeze(out);
}
