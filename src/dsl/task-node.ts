import type { ChannelNode, ParameterChannel } from './channels.ts';
import type { ComponentNode } from './component-node.ts';
import type { ConditionNode } from './conditions.ts';
import type { RuntimePlaceholder } from './placeholders.ts';
import type { StringTemplate } from './typing.ts';

/**
 * A task argument: a constant, a run-time channel, a string with channels inside it, or a runtime
 * placeholder (a string the backend fills in).
 */
export type ArgNode = ChannelNode | StringTemplate | RuntimePlaceholder | ConstantArg;
export type ConstantArg = string | number | boolean | null | readonly unknown[] | { readonly [k: string]: unknown };

/** A resource value: a Kubernetes quantity, or a pipeline parameter that holds one. */
export type ResourceValue = string | ParameterChannel<string>;

/** CPU, memory and accelerator requests and limits of a task (kfp's `set_cpu_limit`, `set_memory_request`, `set_accelerator_type`, …). */
export interface ResourcesConfig {
  readonly cpuRequest?: ResourceValue;
  readonly cpuLimit?: ResourceValue;
  readonly memoryRequest?: ResourceValue;
  readonly memoryLimit?: ResourceValue;
  readonly acceleratorType?: ResourceValue;
  readonly acceleratorCount?: string | number | ParameterChannel<string> | ParameterChannel<number>;
}

/** How a failed task is retried (kfp's `set_retry`): how many times, and the backoff. */
export interface RetryConfig {
  readonly maxRetryCount: number;
  /** e.g. `'30s'`, `'5m'`; default `'0s'`. */
  readonly backoffDuration?: string;
  /** Default 2. */
  readonly backoffFactor?: number;
  /** Default `'3600s'`. */
  readonly backoffMaxDuration?: string;
}

export interface TaskConfig {
  readonly displayName?: string;
  readonly caching?: boolean;
  readonly cacheKey?: string;
  readonly retry?: RetryConfig;
  readonly resources?: ResourcesConfig;
  readonly env?: Readonly<Record<string, string>>;
  readonly containerImage?: ResourceValue;
  readonly ignoreUpstreamFailure?: boolean;
  /** kfp-kubernetes settings, in the shape of KubernetesExecutorConfig (camelCase JSON). */
  readonly kubernetes?: Readonly<Record<string, unknown>>;
}

export interface TaskNode {
  readonly kind: 'task';
  /** Builder id (`t1`, `t2`, …) in creation order; references use it, names are assigned later. */
  readonly id: string;
  readonly seq: number;
  readonly component: ComponentNode;
  readonly args: Readonly<Record<string, ArgNode>>;
  readonly after: readonly string[];
  readonly config: TaskConfig;
}

export interface ConditionGroupNode {
  readonly kind: 'conditionGroup';
  /** kfp's group counter value: the group is named `condition-<seq>`. */
  readonly seq: number;
  readonly conditions: readonly ConditionNode[];
  readonly displayName?: string;
  /** The Else branch of an If/Elif/Else chain (kfp's `dsl.Else`). */
  readonly isElse?: boolean;
  readonly children: readonly DagNode[];
}

/** The wrapper kfp inserts around an If/Elif/Else chain (`condition-branches-<seq>`). */
export interface ConditionBranchesNode {
  readonly kind: 'conditionBranches';
  readonly seq: number;
  // kfp leaves the wrapper as the current group after an If/Elif chain with no Else, so later
  // siblings can land in it too: children are not only condition groups.
  readonly children: readonly DagNode[];
}

export type LoopItems =
  | { readonly kind: 'raw'; readonly values: readonly unknown[] }
  | { readonly kind: 'channel'; readonly channel: ChannelNode };

export interface ParallelForNode {
  readonly kind: 'parallelFor';
  readonly seq: number;
  /** For literal items: the number in the item's name, `loop-item-param-<itemCode>`. */
  readonly itemCode?: number;
  readonly items: LoopItems;
  /** The channel the body received for the current item (kfp's loop argument). */
  readonly item: ChannelNode;
  readonly parallelism: number;
  readonly displayName?: string;
  readonly children: readonly DagNode[];
}

export interface ExitHandlerNode {
  readonly kind: 'exitHandler';
  readonly seq: number;
  readonly exitTask: TaskNode;
  readonly displayName?: string;
  readonly children: readonly DagNode[];
}

export type GroupNode = ConditionGroupNode | ConditionBranchesNode | ParallelForNode | ExitHandlerNode;
export type DagNode = TaskNode | GroupNode;
