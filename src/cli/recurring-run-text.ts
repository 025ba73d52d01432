import type { RecurringRun, Trigger } from '../client/schemas.ts';
import type { CommandIo, KfpCommandFlags } from './connection.ts';

/** `cron "0 0 9 * * 1-5"` or `every 3600 s`; `-` for no trigger. */
export function triggerText(trigger: Trigger | undefined): string {
  if (trigger?.cron_schedule !== undefined) return `cron "${trigger.cron_schedule.cron ?? ''}"`;
  if (trigger?.periodic_schedule !== undefined) return `every ${trigger.periodic_schedule.interval_second ?? '?'} s`;
  return '-';
}

/** The recurring run as JSON, or as lines under `headline` (default `Recurring run: <name>`). */
export async function printRecurringRun(io: CommandIo, flags: KfpCommandFlags, r: RecurringRun, headline?: string): Promise<void> {
  if (flags.format === 'json') {
    io.out(JSON.stringify(r, null, 2));
    return;
  }
  const { formatTime, renderTable } = await import('../client/render.ts');
  const schedule = r.trigger?.cron_schedule ?? r.trigger?.periodic_schedule;
  const ref = r.pipeline_version_reference;
  const pipeline =
    ref?.pipeline_id !== undefined
      ? `version ${ref.pipeline_version_id ?? '(latest)'} of pipeline ${ref.pipeline_id}`
      : `inline spec "${(r.pipeline_spec?.['pipelineInfo'] as { name?: string } | undefined)?.name ?? (r.pipeline_spec?.['pipeline_spec'] as { pipelineInfo?: { name?: string } } | undefined)?.pipelineInfo?.name ?? '-'}"`;
  io.out(
    [
      headline === undefined ? `Recurring run: ${r.display_name ?? '-'}` : `${headline} "${r.display_name ?? r.recurring_run_id}"`,
      `  id:              ${r.recurring_run_id}`,
      `  status:          ${r.status ?? '-'}`,
      `  trigger:         ${triggerText(r.trigger)}`,
      `  start:           ${formatTime(schedule?.start_time)}`,
      `  end:             ${formatTime(schedule?.end_time)}`,
      `  max concurrency: ${r.max_concurrency ?? '-'}`,
      `  catch-up:        ${r.no_catchup === true ? 'no (only the latest missed run starts)' : 'yes (every missed run starts)'}`,
      `  experiment:      ${r.experiment_id ?? '-'}`,
      `  pipeline:        ${pipeline}`,
      `  created:         ${formatTime(r.created_at)}`,
    ].join('\n'),
  );
  const params = r.runtime_config?.parameters ?? {};
  const names = Object.keys(params).sort();
  if (names.length > 0) {
    io.out('Parameters:');
    io.out(renderTable(names, [{ header: 'NAME', value: (n) => n }, { header: 'VALUE', value: (n) => JSON.stringify(params[n]), max: 80 }]));
  }
}
