/**
 * The ExecutorInput a task's process receives (`{{$}}`), built as the driver provisions it and
 * the launcher completes it: resolved input parameters with the component's defaults filled in
 * for inputs that got no value, input artifacts, and every output provisioned in the task's
 * directory — parameter output files, artifact URIs, and `executor_output.json`, which kfp's
 * executor writes and whose directory it takes as the task root (dsl.get_uri).
 */
import path from 'node:path';
import type { ComponentSpec, ExecutorInput, JsonValue, RuntimeArtifact } from '../ir/index.ts';
import type { LocalArtifact } from './model.ts';

export const EXECUTOR_OUTPUT_FILE = 'executor_output.json';

export interface ResolvedInputs {
  readonly parameters: Readonly<Record<string, JsonValue>>;
  readonly artifacts: Readonly<Record<string, readonly LocalArtifact[]>>;
}

export function toRuntimeArtifact(a: LocalArtifact): RuntimeArtifact {
  return { name: a.name, type: a.type, uri: a.uri, metadata: a.metadata, ...(a.customPath !== undefined ? { customPath: a.customPath } : {}) };
}

/** The launcher's `addDefaultParams`: a declared default for every input that has no value. */
export function withDefaults(component: ComponentSpec, parameters: Readonly<Record<string, JsonValue>>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { ...parameters };
  for (const [name, spec] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    if (!(name in out) && spec.defaultValue !== undefined) out[name] = spec.defaultValue;
  }
  return out;
}

/**
 * The driver's executor input (no defaults: the driver leaves unset optional inputs to the
 * component; the cache key is computed from this form).
 */
export function buildExecutorInput(component: ComponentSpec, inputs: ResolvedInputs, taskDir: string): ExecutorInput {
  const artifacts: Record<string, { artifacts: RuntimeArtifact[] }> = {};
  for (const [name, list] of Object.entries(inputs.artifacts)) artifacts[name] = { artifacts: list.map(toRuntimeArtifact) };
  const outputParameters: Record<string, { outputFile: string }> = {};
  for (const name of Object.keys(component.outputDefinitions?.parameters ?? {})) outputParameters[name] = { outputFile: path.join(taskDir, name) };
  const outputArtifacts: Record<string, { artifacts: RuntimeArtifact[] }> = {};
  for (const [name, spec] of Object.entries(component.outputDefinitions?.artifacts ?? {})) {
    outputArtifacts[name] = {
      artifacts: [{ name, type: spec.artifactType ?? { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' }, uri: path.join(taskDir, name), metadata: spec.metadata ?? {} }],
    };
  }
  return {
    inputs: { parameterValues: { ...inputs.parameters }, artifacts },
    outputs: { parameters: outputParameters, artifacts: outputArtifacts, outputFile: path.join(taskDir, EXECUTOR_OUTPUT_FILE) },
  };
}

/** The executor input the launcher hands the process (`{{$}}`): the driver's, with defaults filled in. */
export function launcherExecutorInput(component: ComponentSpec, driver: ExecutorInput): ExecutorInput {
  return { ...driver, inputs: { ...driver.inputs, parameterValues: withDefaults(component, driver.inputs?.parameterValues ?? {}) } };
}
