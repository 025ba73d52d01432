/**
 * The end of a local run, for a person: the run's state and directory, each task's state (loop
 * iterations grouped), the pipeline's outputs, metrics the tasks reported, where the artifacts
 * are, and for a failed task, its message and the tail of its log.
 */
import type { JsonValue } from '../ir/index.ts';
import { formatDuration, groupRows, rowText } from './live-view.ts';
import type { LocalRunResult, TaskRecord } from './model.ts';

const METRIC_TYPES = new Set(['system.Metrics', 'system.ClassificationMetrics', 'system.SlicedClassificationMetrics']);

function short(value: JsonValue, max = 120): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `logTails` maps a failed task's path to the last lines of its log. */
export function renderSummary(result: LocalRunResult, logTails: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  out.push(`Run ${result.state} in ${formatDuration(result.durationMs)}: ${result.runName}`);
  out.push(`  run directory: ${result.runDir}`);
  const rows = groupRows(result.tasks);
  const width = Math.min(48, Math.max(12, ...rows.map((r) => r.label.split('/').pop()!.length + 2 * r.depth)));
  out.push('Tasks:');
  for (const row of rows) out.push(`  ${rowText(row, Date.parse(result.finishedAt), width)}`);
  const params = Object.entries(result.outputs.parameters);
  const arts = Object.entries(result.outputs.artifacts);
  if (params.length + arts.length > 0) {
    out.push('Outputs:');
    for (const [name, value] of params) out.push(`  ${name} = ${short(value)}`);
    for (const [name, list] of arts) for (const a of list) out.push(`  ${name}: ${a.uri}`);
  }
  const metrics: string[] = [];
  for (const task of result.tasks) {
    for (const [name, list] of Object.entries(task.outputs?.artifacts ?? {})) {
      for (const a of list) {
        if (!METRIC_TYPES.has(a.type.schemaTitle ?? '')) continue;
        const values = Object.entries(a.metadata).filter(([k]) => !k.startsWith('display_name'));
        if (values.length > 0) metrics.push(`  ${task.path} ${name}: ${values.map(([k, v]) => `${k}=${short(v ?? null, 40)}`).join(', ')}`);
      }
    }
  }
  if (metrics.length > 0) out.push('Metrics:', ...metrics);
  const failed: TaskRecord[] = result.tasks.filter((t) => t.state === 'FAILED' && t.kind !== 'iteration' && t.kind !== 'loop' && t.kind !== 'pipeline' && t.kind !== 'group' && t.kind !== 'condition');
  for (const task of failed) {
    out.push(`Failed: ${task.path} — ${task.message ?? 'failed'}`);
    if (task.logFile !== undefined) out.push(`  log: ${task.logFile}`);
    const tail = logTails.get(task.path);
    if (tail !== undefined && tail.trim() !== '') out.push(...tail.trimEnd().split('\n').map((l) => `  | ${l}`));
  }
  return out.join('\n');
}
