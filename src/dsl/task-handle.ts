import type { ChannelNode } from './channels.ts';
import { artifactChannel, parameterChannel } from './channels.ts';
import type { OutputDecls } from './io.ts';
import type { KubernetesSetting } from './kubernetes-settings.ts';
import type { ComponentNode, TaskNode } from './nodes.ts';
import type { ResourcesConfig, RetryConfig, TaskConfig } from './task-config.ts';
import type { OutputsOf } from './typing.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { checkCaching, checkContainerImage, checkDisplayName, checkEnv, checkKubernetesSetting, checkResources, checkRetry, checkTaskHandles, taskLabel } from './call-guards.ts';

/**
 * Where the tasks of the pipeline being built are kept: one latest node per task, whichever
 * handle configured it (owned by the pipeline's build).
 */
export interface TaskRegistry {
  /** The task's node with every setting made so far. */
  current(id: string): TaskNode;
  update(node: TaskNode): void;
}

// Names that tools (test matchers, inspectors, promise checks) probe on any object.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'inspect']);

/**
 * TypeScript rejects `task.outputs.typo`; plain JavaScript would get `undefined` and a confusing
 * "missing input" later (or, for an optional input, silently nothing). Reading an unknown output
 * yields a reference to it instead, which the compiler reports as `task/unknown-output` at the
 * input it was passed to.
 */
function guardOutputs(outs: Record<string, ChannelNode>, id: string): Record<string, ChannelNode> {
  return new Proxy(outs, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && !PROBED.has(prop) && !prop.startsWith('__'))
        return parameterChannel({ kind: 'taskOutput', taskId: id, output: prop }, 'STRING');
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * A task in a pipeline body. A configuring call records its setting on the task and returns
 * the task's handle, so both styles keep every setting: chaining
 * (`s.task(c, {}).withRetry(r).withEnv(e)`) and kfp's one call per statement
 * (`t.withRetry(r); t.withEnv(e);`). A later call of the same setting replaces it (retry,
 * display name, caching, image) or adds to it (after, resources, env, kubernetes settings).
 */
export interface TaskHandle<O extends OutputDecls = OutputDecls> {
  readonly kind: 'taskHandle';
  readonly id: string;
  /** The task as configured so far. */
  readonly node: TaskNode;
  /** The task's outputs, typed from the component's declarations. */
  readonly outputs: OutputsOf<O>;
  /** Runs this task after the given ones, in addition to data dependencies. */
  after(...tasks: readonly TaskHandle<OutputDecls>[]): TaskHandle<O>;
  /** CPU and memory requests/limits (Kubernetes quantities) and accelerator type/count; merged into earlier ones. */
  withResources(resources: ResourcesConfig): TaskHandle<O>;
  /** Environment variables of the task's container (kfp's `set_env_variable`); merged into earlier ones. */
  withEnv(env: Readonly<Record<string, string>>): TaskHandle<O>;
  /** Turns the cache on or off for this task, optionally with a cache key (kfp's `set_caching_options`). */
  withCaching(enabled: boolean, cacheKey?: string): TaskHandle<O>;
  /** Retries the task when it fails (kfp's `set_retry`). */
  withRetry(retry: RetryConfig): TaskHandle<O>;
  /** The name the KFP UI shows for the task (kfp's `set_display_name`). */
  withDisplayName(name: string): TaskHandle<O>;
  /** Runs the task in another image, a constant or a parameter (kfp's `set_container_image`). */
  withContainerImage(image: TaskConfig['containerImage'] & {}): TaskHandle<O>;
  /** Runs even when upstream tasks fail (kfp's `ignore_upstream_failure`). */
  ignoreUpstreamFailure(): TaskHandle<O>;
  /** Adds a kfp-kubernetes setting; the helpers in `kubernetes` make them (`kubernetes.useSecretAsEnv(task, …)`). */
  withKubernetes(setting: KubernetesSetting): TaskHandle<O>;
}

function outputsOf(node: TaskNode): Record<string, ChannelNode> {
  const outs: Record<string, ChannelNode> = {};
  for (const [name, spec] of Object.entries(node.component.interface.outputs)) {
    const source = { kind: 'taskOutput', taskId: node.id, output: name } as const;
    if (spec.kind === 'artifact') outs[name] = artifactChannel(source, spec.artifactType, spec.isList);
    else if (spec.kind === 'parameter') outs[name] = parameterChannel(source, spec.parameterType, spec.typeName);
  }
  return Object.freeze(outs);
}

/** The handle of the task `node` (already in `registry`); every configuring call updates the registry's node. */
export function taskHandle<O extends OutputDecls>(node: TaskNode, registry: TaskRegistry): TaskHandle<O> {
  const id = node.id;
  const outputs = guardOutputs(outputsOf(node), id) as OutputsOf<O>;
  const configure = (change: (current: TaskNode) => Partial<Pick<TaskNode, 'config' | 'after'>>): TaskHandle<O> => {
    const current = registry.current(id);
    const next = change(current);
    registry.update(
      Object.freeze({
        ...current,
        ...(next.config ? { config: Object.freeze(next.config) } : {}),
        ...(next.after ? { after: Object.freeze([...next.after]) } : {}),
      }),
    );
    return handle;
  };
  const config = (change: (c: TaskConfig) => TaskConfig) => configure((t) => ({ config: change(t.config) }));
  // Plain JavaScript may pass anything: each call checks (and copies) its arguments first.
  const label = taskLabel(node.component);
  const handle: TaskHandle<O> = madeByKfpTs(
    Object.freeze({
      kind: 'taskHandle',
      id,
      get node(): TaskNode {
        return registry.current(id);
      },
      outputs,
      after: (...tasks: readonly TaskHandle<OutputDecls>[]) => {
        checkTaskHandles(tasks, label, 'after');
        return configure((t) => ({ after: [...t.after, ...tasks.map((u) => u.id).filter((u, i, all) => !t.after.includes(u) && all.indexOf(u) === i)] }));
      },
      withResources: (resources: ResourcesConfig) => {
        const checked = checkResources(resources, label) as ResourcesConfig;
        return config((c) => ({ ...c, resources: { ...c.resources, ...checked } }));
      },
      withEnv: (env: Readonly<Record<string, string>>) => {
        const checked = checkEnv(env, label);
        return config((c) => ({ ...c, env: { ...c.env, ...checked } }));
      },
      withCaching: (enabled: boolean, cacheKey?: string) => {
        checkCaching(enabled, cacheKey, label);
        return config((c) => ({ ...c, caching: enabled, ...(cacheKey !== undefined ? { cacheKey } : {}) }));
      },
      withRetry: (retry: RetryConfig) => {
        const checked = checkRetry(retry, label) as unknown as RetryConfig;
        return config((c) => ({ ...c, retry: checked }));
      },
      withDisplayName: (displayName: string) => {
        checkDisplayName(displayName, label, 'withDisplayName');
        return config((c) => ({ ...c, displayName }));
      },
      withContainerImage: (containerImage: TaskConfig['containerImage'] & {}) => {
        checkContainerImage(containerImage, label);
        return config((c) => ({ ...c, containerImage }));
      },
      ignoreUpstreamFailure: () => config((c) => ({ ...c, ignoreUpstreamFailure: true })),
      withKubernetes: (setting: KubernetesSetting) => {
        const checked = checkKubernetesSetting(setting, label) as KubernetesSetting;
        return config((c) => ({ ...c, kubernetes: [...(c.kubernetes ?? []), checked] }));
      },
    }),
  );
  return handle;
}

