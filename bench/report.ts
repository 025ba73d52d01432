/** Renders benchmark results: the table, then the targets from issue 2 with measured values. */
import { growthExponent, median } from './stats.ts';
import type { Shape } from './generate.ts';

export type Tool = 'kfp-ts' | 'kfp';
export type Mode = 'whole' | 'inprocess';

export interface Measurement {
  readonly tool: Tool;
  readonly mode: Mode;
  readonly shape: Shape;
  readonly tasks: number;
  readonly ms: readonly number[];
}

export interface Results {
  readonly shapes: readonly Shape[];
  readonly sizes: readonly number[];
  readonly measurements: readonly Measurement[];
}

function find(r: Results, tool: Tool, mode: Mode, shape: Shape, tasks: number): Measurement | undefined {
  return r.measurements.find((m) => m.tool === tool && m.mode === mode && m.shape === shape && m.tasks === tasks);
}

function med(m: Measurement | undefined): number | undefined {
  return m ? median(m.ms) : undefined;
}

const dash = '–';
const fmt = (x: number | undefined, digits: number): string => (x === undefined || Number.isNaN(x) ? dash : x.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? dash : `${(a / b).toFixed(1)}×`);

function perTaskUs(ms: number | undefined, tasks: number): number | undefined {
  return ms === undefined ? undefined : (ms * 1000) / tasks;
}

function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** The main table, as Markdown so it pastes into the README unchanged. */
export function resultsTable(r: Results): string {
  const headers = [
    'shape',
    'tasks',
    'whole kfp-ts s',
    'whole kfp s',
    'whole kfp/kfp-ts',
    'in-proc kfp-ts ms',
    'kfp-ts µs/task',
    'in-proc kfp ms',
    'kfp µs/task',
    'in-proc kfp/kfp-ts',
    'runs ts/kfp',
  ];
  const rows: string[][] = [];
  for (const shape of r.shapes) {
    for (const tasks of r.sizes) {
      const wTs = med(find(r, 'kfp-ts', 'whole', shape, tasks));
      const wPy = med(find(r, 'kfp', 'whole', shape, tasks));
      const iTsM = find(r, 'kfp-ts', 'inprocess', shape, tasks);
      const iPyM = find(r, 'kfp', 'inprocess', shape, tasks);
      const iTs = med(iTsM);
      const iPy = med(iPyM);
      rows.push([
        shape,
        String(tasks),
        fmt(wTs === undefined ? undefined : wTs / 1000, 2),
        fmt(wPy === undefined ? undefined : wPy / 1000, 2),
        ratio(wPy, wTs),
        fmt(iTs, 1),
        fmt(perTaskUs(iTs, tasks), 0),
        fmt(iPy, 1),
        fmt(perTaskUs(iPy, tasks), 0),
        ratio(iPy, iTs),
        `${iTsM?.ms.length ?? 0}/${iPyM?.ms.length ?? 0}`,
      ]);
    }
  }
  return renderTable(headers, rows);
}

/** Growth exponents (1 = linear) from the in-process times at 100 tasks and the largest size. */
export function growthLines(r: Results): string[] {
  const big = Math.max(...r.sizes);
  const small = r.sizes.filter((n) => n >= 100).sort((a, b) => a - b)[0];
  if (small === undefined || small === big) return ['growth: needs two sizes ≥ 100'];
  const out: string[] = [];
  for (const tool of ['kfp-ts', 'kfp'] as const) {
    for (const shape of r.shapes) {
      const a = med(find(r, tool, 'inprocess', shape, small));
      const b = med(find(r, tool, 'inprocess', shape, big));
      if (a === undefined || b === undefined) continue;
      const e = growthExponent(small, a, big, b);
      const perTask = r.sizes.map((n) => `${n}: ${fmt(perTaskUs(med(find(r, tool, 'inprocess', shape, n)), n), 0)}`).join(', ');
      out.push(`${tool.padEnd(6)} ${shape.padEnd(5)} time ∝ tasks^${e.toFixed(2)} (${small}→${big}); µs/task ${perTask}`);
    }
  }
  return out;
}

/** The three targets of issue 2, each with the measured number and met / missed. */
export function targetLines(r: Results): string[] {
  const out: string[] = [];
  const big = Math.max(...r.sizes);
  const small = r.sizes.filter((n) => n >= 100).sort((a, b) => a - b)[0];
  if (small !== undefined && small !== big) {
    const exps = r.shapes.flatMap((shape) => {
      const a = med(find(r, 'kfp-ts', 'inprocess', shape, small));
      const b = med(find(r, 'kfp-ts', 'inprocess', shape, big));
      return a === undefined || b === undefined ? [] : [growthExponent(small, a, big, b)];
    });
    if (exps.length > 0) {
      const worst = Math.max(...exps);
      out.push(`linear growth (kfp-ts in-process exponent ≤ 1.15): worst ${worst.toFixed(2)} → ${worst <= 1.15 ? 'MET' : 'MISSED'}`);
    }
  }
  const iTs = med(find(r, 'kfp-ts', 'inprocess', 'chain', 3000));
  const iPy = med(find(r, 'kfp', 'inprocess', 'chain', 3000));
  if (iTs !== undefined && iPy !== undefined) {
    const x = iPy / iTs;
    out.push(`3,000-task chain in-process ≥ 100× faster than kfp: ${x.toFixed(1)}× → ${x >= 100 ? 'MET' : 'MISSED'}`);
  }
  const smallest = Math.min(...r.sizes);
  for (const shape of r.shapes.slice(0, 1)) {
    const wTs = med(find(r, 'kfp-ts', 'whole', shape, smallest));
    const wPy = med(find(r, 'kfp', 'whole', shape, smallest));
    if (wTs !== undefined && wPy !== undefined) {
      const x = wPy / wTs;
      out.push(`whole-process compile of a ${smallest}-task ${shape} ≥ 3× faster than kfp dsl compile: ${x.toFixed(2)}× → ${x >= 3 ? 'MET' : 'MISSED'}`);
    }
  }
  return out;
}
