/**
 * Everything checked before a local run starts, so a run that cannot work stops before the first
 * task: the arguments (the API server's rules), executors that cannot run here (resolver, custom
 * job), container components with no Docker or Podman to run them (named, task by task), secrets
 * the tasks need that were not passed; and warnings for every setting with no local meaning.
 */
import { diagnostic, warning, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import { checkRuntimeParameters } from '../client/parameters.ts';
import type { ComponentSpec, JsonValue, KubernetesExecutorConfig, PipelineSpec, PipelineTaskSpec, PlatformSpec } from '../ir/index.ts';
import { ignoredKubernetesSettings, secretNameSource } from './kubernetes-settings.ts';
import { parsePythonCommand } from './python-command.ts';

export type ExecutorClass = 'python' | 'container' | 'importer' | 'unsupported';

export interface TaskUse {
  /** The task's path without iteration indexes (`for-loop-1/train`). */
  readonly path: string;
  readonly spec: PipelineTaskSpec;
  readonly component: ComponentSpec;
}

export interface Preflight {
  readonly diagnostics: Diagnostic[];
  /** Tasks whose component is a container that is not a lightweight Python component. */
  readonly containerTasks: readonly string[];
}

export function kubernetesConfigs(platform: PlatformSpec | undefined): (label: string) => KubernetesExecutorConfig | undefined {
  const executors = platform?.platforms?.kubernetes?.deploymentSpec?.executors ?? {};
  return (label) => executors[label];
}

/** Every task of the pipeline, depth first, with its path (no iteration indexes). */
export function walkTasks(spec: PipelineSpec): TaskUse[] {
  const out: TaskUse[] = [];
  const visit = (component: ComponentSpec | undefined, prefix: string, seen: ReadonlySet<ComponentSpec>): void => {
    for (const [name, task] of Object.entries(component?.dag?.tasks ?? {})) {
      const inner = spec.components?.[task.componentRef?.name ?? ''];
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (inner === undefined) continue;
      out.push({ path, spec: task, component: inner });
      if (!seen.has(inner)) visit(inner, path, new Set([...seen, inner]));
    }
  };
  visit(spec.root, '', new Set());
  return out;
}

export function classifyExecutor(spec: PipelineSpec, component: ComponentSpec): ExecutorClass | undefined {
  if (component.executorLabel === undefined) return undefined;
  const executor = spec.deploymentSpec?.executors?.[component.executorLabel];
  if (executor?.importer !== undefined) return 'importer';
  if (executor?.container !== undefined) return parsePythonCommand([...(executor.container.command ?? []), ...(executor.container.args ?? [])]) ? 'python' : 'container';
  return 'unsupported';
}

export function preflight(
  spec: PipelineSpec,
  platform: PlatformSpec | undefined,
  args: Readonly<Record<string, JsonValue>>,
  secrets: Readonly<Record<string, unknown>>,
  artifacts: Readonly<Record<string, unknown>>,
): Preflight {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: DiagnosticCode, path: string, message: string): void => void diagnostics.push(warning(code, path, message));
  const error = (code: DiagnosticCode, path: string, message: string): void => void diagnostics.push(diagnostic(code, path, message));
  if (spec.root?.dag === undefined) error('runner/not-a-pipeline', 'root', 'The document has no root DAG: it is not a compiled pipeline.');
  diagnostics.push(...checkRuntimeParameters(spec.root?.inputDefinitions?.parameters ?? {}, args));
  const declared = spec.root?.inputDefinitions?.artifacts ?? {};
  for (const [name, def] of Object.entries(declared)) {
    if (def.isOptional !== true && !(name in artifacts)) error('runner/artifact-missing', `artifacts/${name}`, `The pipeline takes an input artifact "${name}": pass it with --artifact ${name}=PATH.`);
  }
  for (const name of Object.keys(artifacts)) {
    if (!(name in declared)) error('runner/artifact-unknown', `artifacts/${name}`, `The pipeline has no input artifact "${name}"${Object.keys(declared).length > 0 ? ` (it has ${Object.keys(declared).join(', ')})` : ''}.`);
  }
  const k8s = kubernetesConfigs(platform);
  const containerTasks: string[] = [];
  const warnedLabels = new Set<string>();
  for (const use of walkTasks(spec)) {
    const where = `tasks/${use.path}`;
    if (use.spec.artifactIterator !== undefined) {
      warn('runner/artifact-iterator', where, 'A loop over a list of artifacts runs locally, one iteration per artifact; the KFP backend 2.17 refuses it ("artifact iterator not implemented yet").');
    }
    if (use.component.dag !== undefined && use.spec.retryPolicy !== undefined) {
      warn('runner/retry-on-pipeline', where, 'A retry policy on a pipeline task has no effect (the backend retries only container tasks).');
    }
    const kind = classifyExecutor(spec, use.component);
    if (kind === undefined) continue;
    const label = use.component.executorLabel ?? '';
    if (kind === 'unsupported') error('runner/unsupported-executor', where, `Executor "${label}" is neither a container nor an importer (a resolver or custom job); it cannot run locally.`);
    if (kind === 'container') containerTasks.push(use.path);
    const container = spec.deploymentSpec?.executors?.[label]?.container;
    const resources = container?.resources;
    if (resources !== undefined && Object.keys(resources).length > 0) {
      warn('runner/no-local-meaning', where, 'CPU, memory and accelerator settings have no local meaning: the task runs with what this machine has.');
    }
    const config = k8s(label);
    if (config === undefined) continue;
    const ignored = ignoredKubernetesSettings(config);
    if (ignored.length > 0 && !warnedLabels.has(label)) {
      warnedLabels.add(label);
      warn('runner/no-local-meaning', where, `${ignored.join(', ')}: no local meaning, ignored.`);
    }
    for (const secret of config.secretAsEnv ?? []) {
      const source = secretNameSource(secret);
      if (source !== undefined && 'constant' in source && secret.optional !== true && !(source.constant in secrets)) {
        error('runner/secret-missing', where, `The task maps secret "${source.constant}" to environment variables (${(secret.keyToEnv ?? []).map((k) => k.envVar).join(', ')}). Pass it with --secret-env ${source.constant}=FILE (KEY=VALUE lines, a JSON object, or a directory of key files).`);
      }
    }
  }
  const pipelineConfig = platform?.platforms?.kubernetes?.pipelineConfig;
  if (pipelineConfig !== undefined) {
    const ttl = ['resourceTtlOnCompletion', 'resourceTtlOnSuccess', 'resourceTtlOnFailure', 'activeDeadlineSeconds'].filter((k) => (pipelineConfig as Record<string, unknown>)[k] !== undefined);
    if (ttl.length > 0) warn('runner/no-local-meaning', 'platforms/kubernetes/pipelineConfig', `${ttl.join(', ')}: no local meaning, ignored.`);
    if (pipelineConfig.workspace !== undefined) warn('runner/workspace', 'platforms/kubernetes/pipelineConfig/workspace', 'The workspace is a directory in the run directory (workspace/); its size and PVC settings are ignored.');
  }
  return { diagnostics, containerTasks };
}
