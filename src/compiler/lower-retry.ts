import type { RetryPolicy } from '../ir/index.ts';
import type { TaskEntry } from './context.ts';

const SECONDS_PER: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** kfp's `convert_duration_to_seconds` for retry backoffs (`'1h'`, `'30 s'`, `'2 minutes'`); undefined when it is not one. */
export function durationSeconds(d: string): string | undefined {
  const m = /^(\d+)([a-zA-Z]+)$/.exec(d.replace(/ /g, ''));
  const unit = m?.[2]?.[0];
  if (!m || !unit || !(unit in SECONDS_PER)) return undefined;
  return `${Number(m[1]) * SECONDS_PER[unit]!}s`;
}

/** A task's retry policy, with kfp's defaults (check-task-settings.ts reports a duration kfp does not read). */
export function lowerRetry(t: TaskEntry): RetryPolicy | undefined {
  const r = t.node.config.retry;
  if (!r) return undefined;
  const duration = (field: 'backoffDuration' | 'backoffMaxDuration', fallback: string): string => durationSeconds(String(r[field] ?? fallback)) ?? '0s';
  return {
    backoffDuration: duration('backoffDuration', '0s'),
    backoffFactor: r.backoffFactor || 2.0,
    backoffMaxDuration: duration('backoffMaxDuration', '3600s'),
    maxRetryCount: r.maxRetryCount || 0,
  };
}
