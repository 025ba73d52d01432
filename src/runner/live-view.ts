/**
 * What a person sees while a local run goes: on a terminal, a block of lines redrawn in place —
 * one per task with its state and duration, the iterations of a loop grouped into one line per
 * task of the loop body; elsewhere (CI logs), one plain line per state change. Pure functions of
 * the task records; the CLI does the writing.
 */
import type { TaskRecord, TaskState } from './model.ts';

export interface Row {
  /** The task path with loop indexes replaced by `*` (`for-loop-1/*\/train`). */
  readonly label: string;
  readonly depth: number;
  readonly records: readonly TaskRecord[];
}

const ITERATION = /^\d+$/;

/** Rows in tree order (a group's tasks after it), siblings first-seen first; the records of one task across a loop's iterations share a row. */
export function groupRows(records: readonly TaskRecord[]): Row[] {
  const rows = new Map<string, TaskRecord[]>();
  for (const r of records) {
    if (r.kind === 'iteration') continue;
    const label = r.path
      .split('/')
      .map((s) => (ITERATION.test(s) ? '*' : s))
      .join('/');
    let list = rows.get(label);
    if (list === undefined) rows.set(label, (list = []));
    list.push(r);
  }
  const parentOf = (label: string): string => {
    const parts = label.split('/');
    parts.pop();
    while (parts[parts.length - 1] === '*') parts.pop();
    return parts.join('/');
  };
  const children = new Map<string, string[]>();
  for (const label of rows.keys()) {
    const parent = parentOf(label);
    const list = children.get(parent) ?? [];
    list.push(label);
    children.set(parent, list);
  }
  const out: Row[] = [];
  const visit = (parent: string, depth: number): void => {
    for (const label of children.get(parent) ?? []) {
      out.push({ label, depth, records: rows.get(label)! });
      visit(label, depth + 1);
    }
  };
  visit('', 0);
  // Rows whose parent is not itself a row (cannot happen for records the runner makes) still show.
  for (const [label, list] of rows) if (!out.some((r) => r.label === label)) out.push({ label, depth: 0, records: list });
  return out;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

const ORDER: readonly TaskState[] = ['RUNNING', 'PENDING', 'SUCCEEDED', 'CACHED', 'FAILED', 'SKIPPED', 'CANCELED'];

function durationOf(r: TaskRecord, now: number): number | undefined {
  if (r.durationMs !== undefined) return r.durationMs;
  if (r.startedAt !== undefined && r.state === 'RUNNING') return now - Date.parse(r.startedAt);
  return undefined;
}

/** One row's text: a single task's state and duration, or a loop body task's counts by state. */
export function rowText(row: Row, now: number, labelWidth: number): string {
  const label = `${'  '.repeat(Math.max(0, row.depth))}${row.label.split('/').pop() ?? row.label}`;
  const name = label.length > labelWidth ? `${label.slice(0, labelWidth - 1)}…` : label.padEnd(labelWidth);
  if (row.records.length === 1 && !row.label.includes('*')) {
    const r = row.records[0]!;
    const extra = r.state === 'SKIPPED' && r.skipReason === 'condition' ? '  (condition false)' : r.state === 'PENDING' && r.message ? `  (${r.message})` : r.attempts > 1 ? `  (attempt ${r.attempts})` : '';
    return `${name}  ${r.state.padEnd(9)}  ${formatDuration(durationOf(r, now)).padStart(9)}${extra}`;
  }
  const counts = new Map<TaskState, number>();
  for (const r of row.records) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const parts = ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s.toLowerCase()}`);
  return `${name}  ×${row.records.length}: ${parts.join(', ')}`;
}

/** The live block: a header line and a line per row, cut to `maxLines` (running and failed rows kept first). */
export function renderLive(records: readonly TaskRecord[], now: number, header: string, maxLines: number, width: number): string[] {
  const rows = groupRows(records);
  const labelWidth = Math.min(48, Math.max(12, ...rows.map((r) => r.label.split('/').pop()!.length + 2 * r.depth)));
  let shown = rows;
  if (rows.length > maxLines - 1) {
    const important = rows.filter((r) => r.records.some((x) => x.state === 'RUNNING' || x.state === 'FAILED'));
    shown = important.slice(0, Math.max(1, maxLines - 2));
  }
  const lines = [header, ...shown.map((r) => rowText(r, now, labelWidth))];
  if (shown.length < rows.length) lines.push(`… ${rows.length - shown.length} more tasks`);
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}

/** One line for a log: time since the run started, the task, its new state (and why, when it failed or was skipped). */
export function plainLine(record: TaskRecord, runStartedMs: number, at: number): string {
  const clock = new Date(at).toISOString().slice(11, 19);
  const elapsed = formatDuration(at - runStartedMs);
  const why = (record.state === 'FAILED' || record.state === 'SKIPPED' || record.state === 'CANCELED') && record.message ? ` — ${record.message}` : '';
  const took = record.durationMs !== undefined && record.state !== 'RUNNING' ? ` (${formatDuration(record.durationMs)})` : '';
  const attempt = record.attempts > 1 && record.state === 'RUNNING' ? ` attempt ${record.attempts}` : '';
  return `${clock} +${elapsed}  ${record.path}  ${record.state}${attempt}${took}${why}`;
}
