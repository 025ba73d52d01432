import { isChannel } from '../dsl/channels.ts';
import type { StringTemplate } from '../dsl/typing.ts';
import type { ArgNode } from '../dsl/task-config.ts';
import type { TaskNode } from '../dsl/nodes.ts';
import type { ComponentSpec, EnvVar, ExecutorSpec, KubernetesExecutorConfig, PipelineContainerSpec, PipelineTaskSpec } from '../ir/index.ts';
import { channelPlaceholder } from './channel-names.ts';
import type { DagView, LowerContext, TaskEntry } from './context.ts';
import { containerOf, pythonContainer } from './lower-executor.ts';
import { importerSpec } from './lower-importer.ts';
import { lowerInterface } from './lower-interface.ts';
import { lowerKubernetes } from './lower-kubernetes.ts';
import { lowerResources } from './lower-resources.ts';
import { lowerRetry } from './lower-retry.ts';
import { lowerTaskInputs } from './lower-task-inputs.ts';
import { lowerTrigger } from './lower-trigger.ts';
import { DEFAULT_KFP_VERSION } from './options.ts';

const RESOURCE_INPUT_KEYS = {
  cpuRequest: 'cpu_request',
  cpuLimit: 'cpu_limit',
  memoryRequest: 'memory_request',
  memoryLimit: 'memory_limit',
  acceleratorType: 'accelerator_type',
  acceleratorCount: 'accelerator_count',
} as const;

/** kfp passes parameter-valued resources and images to the task as extra inputs holding a placeholder string. */
function settingInputs(task: TaskNode): Record<string, ArgNode> {
  const extra: Record<string, ArgNode> = {};
  for (const [key, value] of Object.entries(task.config.resources ?? {}))
    if (isChannel(value) && value.kind === 'parameterChannel' && key in RESOURCE_INPUT_KEYS)
      extra[RESOURCE_INPUT_KEYS[key as keyof typeof RESOURCE_INPUT_KEYS]] = { kind: 'stringTemplate', parts: [value] } satisfies StringTemplate;
  const image = task.config.containerImage;
  if (image !== undefined && isChannel(image)) extra.base_image = { kind: 'stringTemplate', parts: [image] };
  return extra;
}

/**
 * A task's spec in its DAG: name, component, caching, inputs, dependencies, trigger and retry.
 * `exitHandlerName` is the exit handler an exit task runs after.
 */
export function lowerTaskSpec(ctx: LowerContext, t: TaskEntry, dag: DagView, componentName: string, exitHandlerName: string | undefined): PipelineTaskSpec {
  const node = t.node;
  const config = node.config;
  const inputs = lowerTaskInputs(t, ctx.naming, dag, settingInputs(node));
  const analysed = ctx.analysis.dependencies.get(t.name);
  const deps = [...(analysed && analysed.size ? [...analysed].sort() : []), ...(exitHandlerName ? [exitHandlerName] : [])];
  // kfp compiles a component on its own with is_compiled_component: a PipelineTaskFinalStatus input
  // is then a plain pipeline input, passed through like the others.
  const trigger = ctx.pipeline.ofComponent ? {} : lowerTrigger(ctx, t, deps, exitHandlerName);
  const parameters = { ...inputs?.parameters, ...trigger.finalStatusInputs };
  const retryPolicy = lowerRetry(t);
  return {
    taskInfo: { name: config.displayName ?? t.name },
    componentRef: { name: componentName },
    cachingOptions: {
      ...((config.caching ?? !ctx.options.disableCachingByDefault) ? { enableCache: true } : {}),
      ...(config.cacheKey ? { cacheKey: config.cacheKey } : {}),
    },
    ...(inputs?.artifacts || Object.keys(parameters).length ? { inputs: { ...(inputs?.artifacts ? { artifacts: inputs.artifacts } : {}), ...(Object.keys(parameters).length ? { parameters } : {}) } } : {}),
    ...(deps.length ? { dependentTasks: deps } : {}),
    ...(trigger.triggerPolicy ? { triggerPolicy: trigger.triggerPolicy } : {}),
    ...(retryPolicy ? { retryPolicy } : {}),
  };
}

/**
 * A loaded component's container may carry env already; the task's comes after it and, as in
 * kfp's env dict, replaces a variable of the same name in place.
 */
function withTaskEnv(base: readonly EnvVar[], env: readonly (readonly [string, string])[]): EnvVar[] {
  const merged = [...base];
  for (const [name, value] of env) {
    const at = merged.findIndex((e) => e.name === name);
    if (at >= 0) merged[at] = { name, value };
    else merged.push({ name, value });
  }
  return merged;
}

/** The container a task runs: its component's, with the task's image, env and resources. */
function taskContainer(ctx: LowerContext, t: TaskEntry, base: PipelineContainerSpec): PipelineContainerSpec {
  const { containerImage: image, env } = t.node.config;
  const resources = t.node.config.resources ? lowerResources(ctx, t) : undefined;
  const envVars = Object.entries(env ?? {});
  return {
    ...base,
    ...(image !== undefined ? { image: isChannel(image) ? channelPlaceholder(image, ctx.naming) : image } : {}),
    ...(envVars.length ? { env: withTaskEnv(base.env ?? [], envVars) } : {}),
    ...(resources ? { resources } : {}),
  };
}

/** The executor of a task that runs a component: its container (Python, container, or loaded from IR) or importer. */
export function lowerExecutor(ctx: LowerContext, t: TaskEntry): ExecutorSpec {
  const impl = t.node.component.implementation;
  switch (impl.kind) {
    case 'importer':
      return { importer: importerSpec(impl) };
    case 'container':
      return { container: taskContainer(ctx, t, containerOf(impl)) };
    case 'python': {
      const program = ctx.python.programs.get(t.node.id) ?? { text: '', imports: [] };
      const kfpVersion = impl.kfpVersion ?? ctx.options.kfpVersion ?? DEFAULT_KFP_VERSION;
      return { container: taskContainer(ctx, t, pythonContainer(impl, program.text, kfpVersion, program.imports, ctx.python.embeddedHelpers.get(t.node.id))) };
    }
    case 'ir':
      return { container: taskContainer(ctx, t, impl.container ?? {}) };
    case 'graph':
      throw new Error(`unreachable: task ${t.name} runs a pipeline, which has no executor`);
  }
}

/** What a task that runs a component adds to the documents. */
export interface PrimitiveTaskFragment {
  readonly component: ComponentSpec;
  readonly executor: ExecutorSpec;
  /** Its kfp-kubernetes settings, when it has any. */
  readonly platformExecutor?: KubernetesExecutorConfig;
}

/** A task that runs a component: its ComponentSpec (naming the executor `executorLabel`), executor and platform settings. */
export function lowerPrimitiveTask(ctx: LowerContext, t: TaskEntry, dag: DagView, executorLabel: string): PrimitiveTaskFragment {
  const component: ComponentSpec = { ...lowerInterface(t.node.component.interface, {}, ctx.python.docs.get(t.node.id)), executorLabel };
  const executor = lowerExecutor(ctx, t);
  const platform = t.node.config.kubernetes?.length ? lowerKubernetes(ctx, t, dag) : undefined;
  return { component, executor, ...(platform && Object.keys(platform).length ? { platformExecutor: platform } : {}) };
}
