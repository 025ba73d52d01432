/** Renders benchmark results: the table, then the targets from issue 2 with measured values. */
import { growthExponent, median } from './stats.ts';
import type { Shape } from './generate.ts';

export type Tool = 'kfp-ts' | 'kfp';
export type Mode = 'whole' | 'inprocess';

/** Wall time is what a user waits; CPU time (user + system) is steadier on a loaded machine. */
export type Metric = 'wallMs' | 'cpuMs';

export interface Measurement {
  readonly tool: Tool;
  readonly mode: Mode;
  readonly shape: Shape;
  readonly tasks: number;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
}

export interface Results {
  readonly shapes: readonly Shape[];
  readonly sizes: readonly number[];
  readonly measurements: readonly Measurement[];
}

function find(r: Results, tool: Tool, mode: Mode, shape: Shape, tasks: number): Measurement | undefined {
  return r.measurements.find((m) => m.tool === tool && m.mode === mode && m.shape === shape && m.tasks === tasks);
}

function med(m: Measurement | undefined, metric: Metric): number | undefined {
  return m ? median(m[metric]) : undefined;
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

const METRIC_LABEL: Record<Metric, string> = { wallMs: 'wall', cpuMs: 'CPU' };

/** One table per metric, as Markdown so it pastes into the README unchanged. */
export function resultsTable(r: Results, metric: Metric): string {
  const m = METRIC_LABEL[metric];
  const headers = [
    'shape',
    'tasks',
    `whole kfp-ts s`,
    `whole kfp s`,
    'whole kfp/kfp-ts',
    `in-proc kfp-ts ms`,
    'kfp-ts µs/task',
    `in-proc kfp ms`,
    'kfp µs/task',
    'in-proc kfp/kfp-ts',
    'runs ts/kfp',
  ];
  const rows: string[][] = [];
  for (const shape of r.shapes) {
    for (const tasks of r.sizes) {
      const wTs = med(find(r, 'kfp-ts', 'whole', shape, tasks), metric);
      const wPy = med(find(r, 'kfp', 'whole', shape, tasks), metric);
      const iTsM = find(r, 'kfp-ts', 'inprocess', shape, tasks);
      const iPyM = find(r, 'kfp', 'inprocess', shape, tasks);
      const iTs = med(iTsM, metric);
      const iPy = med(iPyM, metric);
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
        `${iTsM?.wallMs.length ?? 0}/${iPyM?.wallMs.length ?? 0}`,
      ]);
    }
  }
  return `${m} time, medians:\n\n${renderTable(headers, rows)}`;
}

/**
 * The two largest sizes (both ≥ 100): the asymptote is what linear growth is about, and below a
 * few hundred tasks a fresh process is still warming its JIT, which flatters the exponent.
 */
function sizesForGrowth(r: Results): [number, number] | undefined {
  const big = [...r.sizes].filter((n) => n >= 100).sort((a, b) => b - a);
  return big.length >= 2 ? [big[1]!, big[0]!] : undefined;
}

/** Growth exponents (1 = linear) from the in-process times at the two largest sizes. */
export function growthLines(r: Results, metric: Metric): string[] {
  const sizes = sizesForGrowth(r);
  if (!sizes) return ['growth: needs two sizes ≥ 100'];
  const [small, big] = sizes;
  const out: string[] = [];
  for (const tool of ['kfp-ts', 'kfp'] as const) {
    for (const shape of r.shapes) {
      const a = med(find(r, tool, 'inprocess', shape, small), metric);
      const b = med(find(r, tool, 'inprocess', shape, big), metric);
      if (a === undefined || b === undefined) continue;
      const e = growthExponent(small, a, big, b);
      const perTask = r.sizes.map((n) => `${n}: ${fmt(perTaskUs(med(find(r, tool, 'inprocess', shape, n), metric), n), 0)}`).join(', ');
      out.push(`${tool.padEnd(6)} ${shape.padEnd(5)} time ∝ tasks^${e.toFixed(2)} (${small}→${big}); µs/task ${perTask}`);
    }
  }
  return out;
}

/** The three targets of issue 2, each with the measured number (wall and CPU) and met / missed. */
export function targetLines(r: Results): string[] {
  const out: string[] = [];
  const both = (f: (metric: Metric) => number | undefined, ok: (x: number) => boolean, digits: number): string | undefined => {
    const w = f('wallMs');
    const c = f('cpuMs');
    if (w === undefined || c === undefined) return undefined;
    const verdict = ok(w) && ok(c) ? 'MET' : !ok(w) && !ok(c) ? 'MISSED' : 'MIXED';
    return `wall ${w.toFixed(digits)}, CPU ${c.toFixed(digits)} → ${verdict}`;
  };
  const sizes = sizesForGrowth(r);
  if (sizes) {
    const [small, big] = sizes;
    const worst = (metric: Metric): number | undefined => {
      const exps = r.shapes.flatMap((shape) => {
        const a = med(find(r, 'kfp-ts', 'inprocess', shape, small), metric);
        const b = med(find(r, 'kfp-ts', 'inprocess', shape, big), metric);
        return a === undefined || b === undefined ? [] : [growthExponent(small, a, big, b)];
      });
      return exps.length > 0 ? Math.max(...exps) : undefined;
    };
    const line = both(worst, (x) => x <= 1.15, 2);
    if (line) out.push(`linear growth, kfp-ts in-process time ∝ tasks^b with b ≤ 1.15 (worst shape, ${small}→${big}): ${line}`);
  }
  const inproc = (metric: Metric): number | undefined => {
    const ts = med(find(r, 'kfp-ts', 'inprocess', 'chain', 3000), metric);
    const py = med(find(r, 'kfp', 'inprocess', 'chain', 3000), metric);
    return ts === undefined || py === undefined ? undefined : py / ts;
  };
  const l2 = both(inproc, (x) => x >= 100, 1);
  if (l2) out.push(`3,000-task chain in-process ≥ 100× faster than kfp (kfp/kfp-ts): ${l2}`);
  const smallest = Math.min(...r.sizes);
  const shape = r.shapes[0];
  if (shape) {
    const whole = (metric: Metric): number | undefined => {
      const ts = med(find(r, 'kfp-ts', 'whole', shape, smallest), metric);
      const py = med(find(r, 'kfp', 'whole', shape, smallest), metric);
      return ts === undefined || py === undefined ? undefined : py / ts;
    };
    const l3 = both(whole, (x) => x >= 3, 2);
    if (l3) out.push(`whole-process compile of a ${smallest}-task ${shape} ≥ 3× faster than kfp dsl compile (kfp/kfp-ts): ${l3}`);
  }
  return out;
}
