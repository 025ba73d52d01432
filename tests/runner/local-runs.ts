/**
 * The cross cases and corpus ports that the local runner runs (those made only of lightweight
 * Python components and importers), what each is run with, and a summary of outputs both runners
 * produce alike: kfp-ts's (computed here) and kfp 2.17.3's local runner's (kfp_local_run.py).
 *
 * Arguments for required pipeline parameters are chosen as the KFP backend's own end-to-end test
 * chooses them (backend/test/testutil GetPipelineRunTimeInputs: an int, a string, a one-string list,
 * a two-key struct, true, a double), deterministic here, with a few cases given what their
 * components need (a file path, a list to loop over). Secrets the tasks map to env get a value per
 * key; a pipeline input artifact gets a small file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonValue, PipelineSpec, PlatformSpec } from '../../src/ir/index.ts';
import type { LocalArtifact, TaskOutputs } from '../../src/runner/model.ts';
import { classifyExecutor, walkTasks } from '../../src/runner/preflight.ts';
import { secretNameSource } from '../../src/runner/kubernetes-settings.ts';

/** Values some cases need instead of the generated ones (`{{tmp}}` is the test's temp dir). */
export const ARGUMENTS: Readonly<Record<string, Record<string, JsonValue>>> = {
  'tests/cross/cases/loaded_python_component_alone.ts': { number: 3 },
  'tests/cross/cases/parameter_types.ts': { count: 2, enabled: true, names: ['a', 'b'], ratio: 0.5, settings: { k: 'v' }, text: 'hello' },
  'tests/ports/pipelines/env-var.ts': { env_var: 'x' },
  'tests/ports/pipelines/essential/concat_message.ts': { message1: 'a', message2: 'b' },
  'tests/ports/pipelines/local_execution/local_execution_pipeline_with_ignore_upstream_failure.ts': { marker_path: '{{tmp}}/marker' },
  'tests/ports/pipelines/local_execution/local_execution_pipeline_with_retry.ts': { counter_path: '{{tmp}}/counter' },
  'tests/ports/pipelines/pipeline_with_metadata_fields.ts': { string: 's' },
  'tests/ports/pipelines/pipeline_with_parallelfor_parallelism.ts': { loop_parameter: ['a', 'b', 'c'] },
  'tests/ports/pipelines/pipeline_with_parallelfor_pipeline_param.ts': { loop_parameter: ['a', 'b'], prefix: 'p' },
  'tests/ports/pipelines/preprocess.ts': { input_dict_parameter: { a: 1 }, input_list_parameter: ['x'], message: 'm' },
  'tests/ports/pipelines/pvc_mount.ts': { pvc_name: 'pvc' },
};

/** The seed pipelines' twins need MLflow and data: tests/e2e runs the monitoring pipeline against real services. */
export const NOT_HERE: Readonly<Record<string, string>> = {
  'tests/cross/cases/monitoring_pipeline.ts': 'run end to end against real MLflow, S3 and Slack services in tests/e2e/test_monitoring_pipeline_run_local.py',
  'tests/cross/cases/tuning_pipeline.ts': 'run end to end against a real MLflow server in tests/e2e/test_tuning_pipeline_run_local.py',
};

export function isLocalCase(spec: PipelineSpec): boolean {
  const kinds = walkTasks(spec).map((t) => classifyExecutor(spec, t.component));
  return kinds.every((k) => k === undefined || k === 'python' || k === 'importer');
}

function generated(type: string | undefined): JsonValue {
  switch (type) {
    case 'NUMBER_INTEGER':
      return 7;
    case 'NUMBER_DOUBLE':
      return 0.5;
    case 'BOOLEAN':
      return true;
    case 'LIST':
      return ['local'];
    case 'STRUCT':
      return { A: '0.5', B: '0.25' };
    default:
      return 'local';
  }
}

export function argumentsFor(source: string, spec: PipelineSpec, tmp: string): Record<string, JsonValue> {
  const given = ARGUMENTS[source] ?? {};
  const out: Record<string, JsonValue> = {};
  for (const [name, def] of Object.entries(spec.root?.inputDefinitions?.parameters ?? {})) {
    if (name in given) out[name] = JSON.parse(JSON.stringify(given[name]).split('{{tmp}}').join(tmp)) as JsonValue;
    else if (def.isOptional !== true && def.defaultValue === undefined) out[name] = generated(def.parameterType);
  }
  return out;
}

/** Secrets a task names by a task output, so no default tells the name. */
const SECRET_NAMES: Readonly<Record<string, readonly string[]>> = {
  'tests/ports/pipelines/parallel_and_nested/nested_parallel_for_secret.ts': ['test-secret-1'],
  'tests/ports/pipelines/critical/pipeline_with_secret_as_env.ts': ['stand-in'],
};

/**
 * A value for every key of every secret the tasks map to env: named by a constant, by a pipeline
 * parameter (its argument or default), or listed above.
 */
export function secretsFor(source: string, spec: PipelineSpec, platform: PlatformSpec | undefined, args: Readonly<Record<string, JsonValue>>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const rootValue = (name: string): JsonValue | undefined => {
    const bare = name.replace(/^pipelinechannel--/, '');
    return args[bare] ?? spec.root?.inputDefinitions?.parameters?.[bare]?.defaultValue;
  };
  for (const config of Object.values(platform?.platforms?.kubernetes?.deploymentSpec?.executors ?? {})) {
    for (const secret of config.secretAsEnv ?? []) {
      const named = secretNameSource(secret);
      let names: readonly string[] = [];
      if (named !== undefined && 'constant' in named) names = [named.constant];
      else if (named !== undefined && named.parameter.componentInputParameter !== undefined) {
        const value = rootValue(named.parameter.componentInputParameter);
        names = typeof value === 'string' ? [value] : (SECRET_NAMES[source] ?? []);
      } else names = SECRET_NAMES[source] ?? [];
      for (const name of names) {
        const keys = (out[name] ??= {});
        for (const k of secret.keyToEnv ?? []) if (k.secretKey) keys[k.secretKey] = `local-${k.secretKey}`;
      }
    }
  }
  return out;
}

/**
 * Cases whose components need packages the test venv does not have: run as a user runs them,
 * without `venv`, so the runner makes a venv per package set (kept in ~/.cache/kfp-ts/venvs).
 */
export const WITH_INSTALLS: ReadonlySet<string> = new Set([
  'tests/ports/pipelines/essential/component_with_pip_install.ts',
  'tests/ports/pipelines/essential/component_with_pip_install_in_venv.ts',
  'tests/ports/pipelines/critical/notebook_component_simple.ts',
  'tests/ports/pipelines/notebook_component_mixed.ts',
  'tests/cross/cases/notebook_components.ts',
]);

export function inputArtifactsFor(spec: PipelineSpec, dir: string): Record<string, { uri: string }> {
  const out: Record<string, { uri: string }> = {};
  for (const name of Object.keys(spec.root?.inputDefinitions?.artifacts ?? {})) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, `local input artifact ${name}\n`);
    out[name] = { uri: file };
  }
  return out;
}

/** The same content hash kfp_local_run.py computes: a file's sha256, or a directory's over its sorted files. */
export function contentHash(p: string): string | null {
  if (!existsSync(p)) return null;
  const st = statSync(p);
  if (st.isFile()) return createHash('sha256').update(readFileSync(p)).digest('hex');
  if (!st.isDirectory()) return null;
  const files: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile()) files.push(r);
    }
  };
  walk(p, '');
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\0${createHash('sha256').update(readFileSync(path.join(p, f))).digest('hex')}\n`);
  return h.digest('hex');
}

export type OutputSummary = Record<string, JsonValue>;

function artifactSummary(a: LocalArtifact): JsonValue {
  return { artifact: a.type.schemaTitle ?? null, metadata: a.metadata, content: contentHash(a.customPath ?? a.uri) };
}

/** A pipeline's outputs as kfp_local_run.py summarises kfp's: `{value}` per parameter, artifact summaries (a list for a list output). */
export function summarise(outputs: TaskOutputs, spec: PipelineSpec): OutputSummary {
  const out: OutputSummary = {};
  for (const [name, value] of Object.entries(outputs.parameters)) out[name] = { value };
  for (const [name, list] of Object.entries(outputs.artifacts)) {
    const isList = spec.root?.outputDefinitions?.artifacts?.[name]?.isArtifactList === true;
    out[name] = isList ? list.map(artifactSummary) : list[0] !== undefined ? artifactSummary(list[0]) : null;
  }
  return out;
}

export interface KfpResult {
  readonly yamlSha256: string;
  readonly args: Record<string, JsonValue>;
  readonly state: 'SUCCEEDED' | 'FAILED';
  readonly outputs?: OutputSummary;
  readonly error?: string;
}
