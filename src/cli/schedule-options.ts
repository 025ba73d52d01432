import { diagnostic, warning, type Diagnostic } from '../diagnostics.ts';
import type { TriggerRequest } from '../client/kfp-client.ts';

/** The scheduling flags of `kfp-ts recurring-runs create`. */
export interface ScheduleFlags {
  readonly cron?: string;
  readonly interval?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly maxConcurrency?: string;
  /** commander's `--no-catchup`: false when given. */
  readonly catchup?: boolean;
  readonly disabled?: boolean;
}

export interface Schedule {
  readonly trigger: TriggerRequest;
  readonly maxConcurrency: number;
  readonly noCatchup: boolean;
  readonly mode: 'ENABLE' | 'DISABLE';
}

/** RFC 3339, as google.protobuf.Timestamp's JSON form takes it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks the scheduling flags before anything is sent, with the API server's own limits (max
 * concurrency 1 to 10, an interval of at least a second) and a warning for a five-field cron: the
 * backend's cron (robfig/cron v1) starts with seconds, so `0 9 * * 1-5` means second 0 of minute 9
 * of every hour in January to May, not 09:00 on weekdays.
 *
 * @example
 * parseSchedule({ cron: '0 0 9 * * 1-5', maxConcurrency: '2' });
 * // { ok: true, value: { trigger: { cron_schedule: { cron: '0 0 9 * * 1-5' } }, maxConcurrency: 2, noCatchup: false, mode: 'ENABLE' }, diagnostics: [] }
 */
export function parseSchedule(flags: ScheduleFlags): { ok: true; value: Schedule; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const problem = (path: string, message: string) => errors.push(diagnostic('recurring-runs/invalid-schedule', [path], message));
  if ((flags.cron === undefined) === (flags.interval === undefined)) problem('--cron/--interval', 'Give exactly one of --cron "<sec> <min> <hour> <day> <month> <weekday>" and --interval <seconds>.');
  const cron = flags.cron?.trim();
  if (cron !== undefined) {
    const fields = cron.split(/\s+/);
    if (cron === '') problem('--cron', '--cron is empty.');
    else if (fields.length === 5 && !cron.startsWith('@')) {
      warnings.push(
        warning(
          'recurring-runs/five-field-cron',
          ['--cron'],
          `"${cron}" has five fields, and Kubeflow Pipelines' cron starts with seconds: it reads them as second, minute, hour, day of month, month. For the usual meaning write "0 ${cron}".`,
        ),
      );
    }
  }
  let interval: number | undefined;
  if (flags.interval !== undefined) {
    interval = /^\d+$/.test(flags.interval) ? Number(flags.interval) : Number.NaN;
    if (!Number.isSafeInteger(interval) || interval < 1) problem('--interval', `--interval takes a whole number of seconds, at least 1, not "${flags.interval}".`);
  }
  const maxConcurrency = flags.maxConcurrency === undefined ? 1 : /^\d+$/.test(flags.maxConcurrency) ? Number(flags.maxConcurrency) : Number.NaN;
  if (!(Number.isInteger(maxConcurrency) && maxConcurrency >= 1 && maxConcurrency <= 10)) {
    problem('--max-concurrency', `--max-concurrency takes a whole number from 1 to 10 (the server's limits), not "${flags.maxConcurrency}".`);
  }
  const times: { start_time?: string; end_time?: string } = {};
  for (const [flag, key, value] of [
    ['--start-time', 'start_time', flags.startTime],
    ['--end-time', 'end_time', flags.endTime],
  ] as const) {
    if (value === undefined) continue;
    if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) problem(flag, `${flag} takes an RFC 3339 time such as 2027-01-31T09:00:00Z, not "${value}".`);
    else times[key] = value;
  }
  if (times.start_time !== undefined && times.end_time !== undefined && Date.parse(times.end_time) <= Date.parse(times.start_time)) problem('--end-time', '--end-time must be after --start-time.');
  if (errors.length > 0) return { ok: false, diagnostics: [...errors, ...warnings] };
  const trigger: TriggerRequest = cron !== undefined ? { cron_schedule: { cron, ...times } } : { periodic_schedule: { interval_second: interval!, ...times } };
  return { ok: true, value: { trigger, maxConcurrency, noCatchup: flags.catchup === false, mode: flags.disabled === true ? 'DISABLE' : 'ENABLE' }, diagnostics: warnings };
}
