/**
 * `runLocal`: runs a compiled pipeline — the same PipelineSpec that is uploaded — on this machine,
 * with the KFP backend's semantics (see engine.ts for the DAG, executor-task.ts for a task).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diagnostic, DiagnosticError, hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { JsonObject, JsonValue, PipelineSpec, PlatformSpec } from '../ir/index.ts';
import { CacheStore } from './cache-store.ts';
import { detectContainerEngine, type ContainerEngine } from './container-engine.ts';
import { nodeRecord, type TaskNode } from './dag-state.ts';
import type { EngineContext } from './engine-context.ts';
import { newDagInstance, runDag } from './engine.ts';
import type { LocalArtifact, LocalRunResult, RunEvent, TaskOutputs, TaskRecord } from './model.ts';
import { artifactValue, parameterValue, resolveArtifactOutput, resolveParameterOutput } from './output-resolution.ts';
import { kubernetesConfigs, preflight } from './preflight.ts';
import { Semaphore } from './semaphore.ts';
import { VenvManager, type PythonEnvironment } from './venv-manager.ts';

export interface RunLocalOptions {
  /** The `platforms:` document (kfp-kubernetes settings: secrets, timeouts, …). */
  readonly platformSpec?: PlatformSpec;
  /** Where runs and artifacts go; default `./local_outputs` (kfp's local runner's default). */
  readonly pipelineRoot?: string;
  /** The run's name (`{{$.pipeline_job_name}}`); default the run directory's name. */
  readonly runName?: string;
  /** Task processes at once; default the number of CPUs. */
  readonly parallelism?: number;
  /** Run every Python task with this existing virtual environment (no installs). */
  readonly venv?: string;
  /** Run every Python task with this interpreter (no installs). */
  readonly python?: string;
  /** Where venvs per package set are kept; default `~/.cache/kfp-ts/venvs`. */
  readonly venvCacheDir?: string;
  /** Interpreter that creates those venvs; default `python3`. */
  readonly basePython?: string;
  /** The pipeline's input artifacts by name: a URI (a local path, usually) and optional metadata. */
  readonly inputArtifacts?: Readonly<Record<string, { readonly uri: string; readonly metadata?: JsonObject }>>;
  /** Neither read nor write the cache. */
  readonly disableCaching?: boolean;
  /** Secrets by name, each a map of keys to values; the only source of secret env variables. */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The environment tasks start from (default: this process's); the IR's env and secrets go on top.
   * A plain record, not `NodeJS.ProcessEnv`: this declaration is public, and a user's project need
   * not have @types/node.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Docker / Podman command to use; default: the first that answers. */
  readonly containerEngine?: string;
  /** Stops the run: running tasks are stopped, the rest not started; the result says CANCELED. */
  readonly signal?: AbortSignal;
  /** Called as the run goes: it starts, a task changes state, a step reports progress, it ends. */
  readonly onEvent?: (event: RunEvent) => void;
}

/**
 * Runs a pipeline locally and returns its state, each task's state and outputs, and the
 * pipeline's outputs. Throws a DiagnosticError, before anything runs, when the run cannot work
 * (bad arguments, a container component with no Docker or Podman, a missing secret).
 *
 * @example
 * const loaded = loadPipelinePackage(yamlText); // from 'kfp-ts/client'
 * if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
 * const { pipelineSpec, platformSpec } = loaded.pkg;
 * const result = await runLocal(pipelineSpec, { n_estimators: 10 }, { platformSpec, venv: '.venv' });
 * console.log(result.state, result.outputs.parameters);
 */
export async function runLocal(pipelineSpec: PipelineSpec, args: Readonly<Record<string, JsonValue>>, options: RunLocalOptions = {}): Promise<LocalRunResult> {
  const secrets = options.secrets ?? {};
  const checked = preflight(pipelineSpec, options.platformSpec, args, secrets, options.inputArtifacts ?? {});
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  let engine: ContainerEngine | undefined;
  if (checked.containerTasks.length > 0) {
    const found = await detectContainerEngine(options.containerEngine !== undefined ? [options.containerEngine] : undefined);
    if ('problem' in found) {
      diagnostics.push(
        diagnostic(
          'runner/container-engine-missing',
          ['tasks'],
          `${checked.containerTasks.length === 1 ? 'Task' : 'Tasks'} ${checked.containerTasks.join(', ')} run${checked.containerTasks.length === 1 ? 's' : ''} a container image, which needs Docker or Podman, and none answered (${found.problem}). Start Docker or Podman, or run the pipeline on Kubeflow Pipelines.`,
        ),
      );
    } else engine = found;
  }
  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);

  const pipelineName = pipelineSpec.pipelineInfo?.name ?? 'pipeline';
  const pipelineRoot = path.resolve(options.pipelineRoot ?? 'local_outputs');
  const runId = randomUUID();
  const started = new Date();
  const stamp = started.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const runResourceName = `${pipelineName}-${stamp}-${runId.slice(0, 6)}`;
  const runName = options.runName ?? runResourceName;
  const runDir = path.join(pipelineRoot, runResourceName);
  const workspace = path.join(runDir, 'workspace');
  await mkdir(workspace, { recursive: true });

  const emit = (event: RunEvent): void => options.onEvent?.(event);
  const records = new Map<string, TaskNode>();
  let executionIds = 1;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  const fixed: PythonEnvironment | undefined = options.venv !== undefined ? { kind: 'venv', dir: path.resolve(options.venv) } : options.python !== undefined ? { kind: 'interpreter', python: options.python } : undefined;
  const ctx: EngineContext = {
    spec: pipelineSpec,
    kubernetes: kubernetesConfigs(options.platformSpec),
    runId,
    runName,
    pipelineName,
    runDir,
    pipelineRoot,
    placeholders: {
      constants: {
        '{{$.pipeline_job_name}}': runName,
        '{{$.pipeline_job_resource_name}}': runResourceName,
        '{{$.pipeline_job_uuid}}': runId,
        '{{$.pipeline_job_create_time_utc}}': started.toISOString(),
        '{{$.pipeline_job_schedule_time_utc}}': started.toISOString(),
        '{{$.pipeline_root}}': pipelineRoot,
      },
      workspacePath: workspace,
      runResourceName,
    },
    slots: new Semaphore(Math.max(1, options.parallelism ?? os.availableParallelism())),
    ...(fixed !== undefined ? { pythonEnvironment: fixed } : {}),
    venvs: new VenvManager({
      cacheDir: options.venvCacheDir ?? path.join(os.homedir(), '.cache', 'kfp-ts', 'venvs'),
      ...(options.basePython !== undefined ? { basePython: options.basePython } : {}),
      onProgress: (message) => emit({ kind: 'progress', message, at: new Date().toISOString() }),
      ...(options.env !== undefined ? { env: options.env } : {}),
      signal: controller.signal,
    }),
    ...(options.disableCaching === true ? {} : { cache: new CacheStore(path.join(pipelineRoot, '.cache')) }),
    secrets,
    baseEnv: options.env ?? process.env,
    signal: controller.signal,
    ...(engine !== undefined ? { containerEngine: engine } : {}),
    changed: (node) => {
      records.set(node.path, node);
      emit({ kind: 'task', task: nodeRecord(node), at: new Date().toISOString() });
    },
    warn: (d) => diagnostics.push(d),
    nextExecutionId: () => executionIds++,
  };

  emit({ kind: 'run-started', runId, runName, runDir, diagnostics: [...diagnostics], at: started.toISOString() });
  await writeRunFile(runDir, { runId, runName, pipelineName, state: 'RUNNING', startedAt: started.toISOString(), parameters: args });

  const root = pipelineSpec.root ?? {};
  const parameters = new Map<string, JsonValue>(Object.entries(args));
  for (const [name, def] of Object.entries(root.inputDefinitions?.parameters ?? {})) {
    if (parameters.has(name)) continue;
    if (def.defaultValue !== undefined) parameters.set(name, def.defaultValue);
    else if (def.isOptional === true) parameters.set(name, null);
  }
  const artifacts = new Map<string, readonly LocalArtifact[]>();
  for (const [name, given] of Object.entries(options.inputArtifacts ?? {})) {
    const type = root.inputDefinitions?.artifacts?.[name]?.artifactType ?? { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' };
    artifacts.set(name, [{ name, uri: path.resolve(given.uri), type, metadata: given.metadata ?? {} }]);
  }
  const rootDag = newDagInstance(ctx, '', root, parameters, artifacts);
  try {
    await runDag(ctx, rootDag);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  const nodes = [...rootDag.nodes.values()];
  const state = nodes.some((n) => n.state === 'FAILED') ? 'FAILED' : controller.signal.aborted ? 'CANCELED' : 'SUCCEEDED';
  const finished = new Date();
  const tasks: TaskRecord[] = [...records.values()].map(nodeRecord);
  for (const record of tasks) {
    if (record.dir !== undefined) await writeFile(path.join(record.dir, 'task.json'), JSON.stringify(record, null, 2)).catch(() => undefined);
  }
  const result: LocalRunResult = {
    runId,
    runName,
    pipelineName,
    state,
    runDir,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    outputs: state === 'SUCCEEDED' ? pipelineOutputs(rootDag) : { parameters: {}, artifacts: {} },
    tasks,
    diagnostics,
  };
  await writeRunFile(runDir, { ...result, parameters: args });
  emit({ kind: 'run-finished', result, at: finished.toISOString() });
  return result;
}

function pipelineOutputs(root: ReturnType<typeof newDagInstance>): TaskOutputs {
  const parameters: Record<string, JsonValue> = {};
  const artifacts: Record<string, readonly import('./model.ts').LocalArtifact[]> = {};
  const outputs = root.component.dag?.outputs;
  for (const [name, spec] of Object.entries(outputs?.parameters ?? {})) {
    const selectors = spec.valueFromParameter !== undefined ? [spec.valueFromParameter] : (spec.valueFromOneof?.parameterSelectors ?? []);
    for (const s of selectors) {
      const node = root.nodes.get(s.producerSubtask ?? '');
      if (node === undefined || (node.state !== 'SUCCEEDED' && node.state !== 'CACHED')) continue;
      const value = parameterValue(resolveParameterOutput(root, s.producerSubtask, s.outputParameterKey));
      if (value !== undefined) {
        parameters[name] = value;
        break;
      }
    }
  }
  for (const [name, spec] of Object.entries(outputs?.artifacts ?? {})) {
    for (const s of spec.artifactSelectors ?? []) {
      const node = root.nodes.get(s.producerSubtask ?? '');
      if (node === undefined || (node.state !== 'SUCCEEDED' && node.state !== 'CACHED')) continue;
      const value = artifactValue(resolveArtifactOutput(root, s.producerSubtask, s.outputArtifactKey));
      if (value !== undefined) {
        artifacts[name] = value;
        break;
      }
    }
  }
  return { parameters, artifacts };
}

async function writeRunFile(runDir: string, content: object): Promise<void> {
  await writeFile(path.join(runDir, 'run.json'), JSON.stringify(content, null, 2));
}
