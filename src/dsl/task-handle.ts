import type { ChannelNode } from './channels.ts';
import { artifactChannel, parameterChannel } from './channels.ts';
import type { ComponentNode } from './component-node.ts';
import type { OutputDecls } from './io.ts';
import type { ResourcesConfig, RetryConfig, TaskConfig, TaskNode } from './task-node.ts';
import type { OutputsOf } from './typing.ts';
import type { BuildProblem } from './pipeline-node.ts';

/** Where handles record their latest configuration (owned by the pipeline being built). */
export interface TaskRegistry {
  update(node: TaskNode): void;
  problem(p: BuildProblem): void;
}

// Names that tools (test matchers, inspectors, promise checks) probe on any object.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'inspect']);

/**
 * TypeScript rejects `task.outputs.typo`; plain JavaScript would get `undefined` and a confusing
 * "missing input" later (or, for an optional input, silently nothing). Reading an unknown output
 * yields a reference to it instead, which the compiler reports as `task/unknown-output` at the
 * input it was passed to.
 */
function guardOutputs(outs: Record<string, ChannelNode>, node: TaskNode): Record<string, ChannelNode> {
  return new Proxy(outs, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && !PROBED.has(prop) && !prop.startsWith('__'))
        return parameterChannel({ kind: 'taskOutput', taskId: node.id, output: prop }, 'STRING');
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * A task in a pipeline body. Configuring calls return a new handle (the task itself is the same:
 * outputs taken from either handle refer to it); the pipeline keeps the latest configuration.
 */
export interface TaskHandle<O extends OutputDecls = OutputDecls> {
  readonly kind: 'taskHandle';
  readonly id: string;
  readonly node: TaskNode;
  /** The task's outputs, typed from the component's declarations. */
  readonly outputs: OutputsOf<O>;
  /** Runs this task after the given ones, in addition to data dependencies. */
  after(...tasks: readonly TaskHandle<OutputDecls>[]): TaskHandle<O>;
  /** CPU and memory requests/limits (Kubernetes quantities) and accelerator type/count. */
  withResources(resources: ResourcesConfig): TaskHandle<O>;
  withEnv(env: Readonly<Record<string, string>>): TaskHandle<O>;
  withCaching(enabled: boolean, cacheKey?: string): TaskHandle<O>;
  withRetry(retry: RetryConfig): TaskHandle<O>;
  withDisplayName(name: string): TaskHandle<O>;
  withContainerImage(image: TaskConfig['containerImage'] & {}): TaskHandle<O>;
  /** Runs even when upstream tasks fail (kfp's `ignore_upstream_failure`). */
  ignoreUpstreamFailure(): TaskHandle<O>;
  /** Merges kfp-kubernetes settings (KubernetesExecutorConfig fields). Prefer the helpers in `kubernetes`. */
  withKubernetes(patch: (current: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>): TaskHandle<O>;
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

export function taskHandle<O extends OutputDecls>(node: TaskNode, registry: TaskRegistry, outputs?: OutputsOf<O>): TaskHandle<O> {
  const outs = outputs ?? (guardOutputs(outputsOf(node), node) as OutputsOf<O>);
  const next = (config: TaskConfig, after = node.after): TaskHandle<O> => {
    const updated: TaskNode = Object.freeze({ ...node, config: Object.freeze(config), after: Object.freeze([...after]) });
    registry.update(updated);
    return taskHandle<O>(updated, registry, outs);
  };
  const handle: TaskHandle<O> = {
    kind: 'taskHandle',
    id: node.id,
    node,
    outputs: outs,
    after: (...tasks) => next(node.config, [...node.after, ...tasks.map((t) => t.id).filter((id) => !node.after.includes(id))]),
    withResources: (resources) => next({ ...node.config, resources: { ...node.config.resources, ...resources } }),
    withEnv: (env) => next({ ...node.config, env: { ...node.config.env, ...env } }),
    withCaching: (enabled, cacheKey) =>
      next({ ...node.config, caching: enabled, ...(cacheKey !== undefined ? { cacheKey } : {}) }),
    withRetry: (retry) => next({ ...node.config, retry }),
    withDisplayName: (displayName) => next({ ...node.config, displayName }),
    withContainerImage: (containerImage) => next({ ...node.config, containerImage }),
    ignoreUpstreamFailure: () => next({ ...node.config, ignoreUpstreamFailure: true }),
    withKubernetes: (patch) => next({ ...node.config, kubernetes: patch(node.config.kubernetes ?? {}) }),
  };
  return Object.freeze(handle);
}

export type { ComponentNode };
