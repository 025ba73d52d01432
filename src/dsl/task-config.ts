import type { ChannelNode, ParameterChannel } from './channels.ts';
import type { KubernetesSetting } from './kubernetes-settings.ts';
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

/** A task's settings, as its handle's configuring calls made them. */
export interface TaskConfig {
  readonly displayName?: string;
  readonly caching?: boolean;
  readonly cacheKey?: string;
  readonly retry?: RetryConfig;
  readonly resources?: ResourcesConfig;
  readonly env?: Readonly<Record<string, string>>;
  readonly containerImage?: ResourceValue;
  readonly ignoreUpstreamFailure?: boolean;
  /** kfp-kubernetes settings, in call order (src/kubernetes helpers). */
  readonly kubernetes?: readonly KubernetesSetting[];
}
