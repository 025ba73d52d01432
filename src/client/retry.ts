/**
 * Bounded retries with exponential backoff and jitter. Which calls may be retried is decided by the
 * caller (`http.ts`): idempotent reads on connection errors and 502/503/504; anything whose request
 * never left this machine; never a create that may already have happened.
 */
export interface RetryOptions {
  /** Total attempts including the first. 1 disables retries. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injected for tests; defaults to Math.random. */
  readonly random?: () => number;
  /** Injected for tests; defaults to a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 5000 };

/**
 * Delay before retry number `retry` (1 for the first retry): "equal jitter" — half the exponential
 * step fixed, half random — so clients that failed together do not come back together, yet every
 * client still waits a little.
 */
export function backoffDelay(retry: number, options: RetryOptions, retryAfterMs?: number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const random = options.random ?? Math.random;
  const jittered = step / 2 + random() * (step / 2);
  // A server's Retry-After is honoured, but never beyond the cap: a CLI should not hang for minutes.
  if (retryAfterMs !== undefined && retryAfterMs > jittered) return Math.min(retryAfterMs, options.maxDelayMs);
  return Math.round(jittered);
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
