/**
 * A task's retry policy as the backend applies it: the Argo compiler turns it into the executor
 * template's retryStrategy (limit = maxRetryCount; backoff duration, factor and max duration, the
 * durations passed as whole seconds), and Argo waits `duration × factor^n` before retry n+1 and
 * gives up instead of waiting past `maxDuration` after the first attempt started.
 */
import type { RetryPolicy } from '../ir/index.ts';

export interface RetryPlan {
  readonly maxRetries: number;
  readonly backoffSeconds: number;
  readonly factor: number;
  /** Undefined: no limit. */
  readonly maxDurationSeconds?: number;
}

/** `"5s"` / `"1.5s"` → whole seconds, as the backend's `Duration.Seconds`. */
function wholeSeconds(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const match = /^(-?\d+)(?:\.\d+)?s$/.exec(duration);
  return match ? Number(match[1]) : undefined;
}

export function retryPlan(policy: RetryPolicy | undefined): RetryPlan | undefined {
  if (policy === undefined) return undefined;
  const maxDuration = wholeSeconds(policy.backoffMaxDuration);
  return {
    maxRetries: Math.max(0, policy.maxRetryCount ?? 0),
    backoffSeconds: Math.max(0, wholeSeconds(policy.backoffDuration) ?? 0),
    // The backend passes the factor as written; an unset factor is proto's 0, which Argo treats as 1.
    factor: policy.backoffFactor !== undefined && policy.backoffFactor > 0 ? policy.backoffFactor : 1,
    ...(maxDuration !== undefined && maxDuration > 0 ? { maxDurationSeconds: maxDuration } : {}),
  };
}

/**
 * The wait before retry number `retry` (1 for the first retry), or undefined when no retry is
 * left: the limit is reached, or waiting would end past the max duration since `firstStartMs`.
 */
export function nextRetryDelayMs(plan: RetryPlan | undefined, retry: number, firstStartMs: number, nowMs: number): number | undefined {
  if (plan === undefined || retry > plan.maxRetries) return undefined;
  const delayMs = plan.backoffSeconds * 1000 * plan.factor ** (retry - 1);
  if (plan.maxDurationSeconds !== undefined && nowMs + delayMs > firstStartMs + plan.maxDurationSeconds * 1000) return undefined;
  return delayMs;
}
