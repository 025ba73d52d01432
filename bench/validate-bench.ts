/**
 * Validator benchmark (issue 10): time and peak memory of validating 1, 10 and 50 MB files of
 * several shapes, each in a fresh process (bench/validate-one.ts), and a 10,000-task pipeline's
 * validation against its compile.
 *
 *   npm run bench -- --validate-only                 # this benchmark alone (~3–5 min)
 *   node --import tsx bench/validate-bench.ts --sizes 1,10 --shapes valid-ir,random-bytes
 *
 * Shapes: `valid-ir` (the compile bench's chain pipeline, as many tasks as the size needs),
 * `unknown-flow-field` (a one-task IR plus an unknown top-level field holding a flow mapping of
 * small entries, the case that was quadratic), `deep-nesting` (a flow sequence nested as deep as
 * the size allows), `random-bytes` (seeded random bytes), `random-text` (seeded random printable
 * text with YAML indicators and line breaks: every reader's syntax errors). Growth: b in
 * time ∝ size^b between the two largest sizes (1 = linear).
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCase, writePackageJson } from './generate.ts';
import { timedRun } from './run-process.ts';
import { median } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC_INDEX = path.join(REPO, 'src', 'index.ts');
const KFP_TS_BIN = path.join(REPO, 'bin', 'kfp-ts.js');
const ONE = path.join(REPO, 'bench', 'validate-one.ts');
const MB = 1_000_000;

export const SHAPES = ['valid-ir', 'unknown-flow-field', 'deep-nesting', 'random-bytes', 'random-text'] as const;
type Shape = (typeof SHAPES)[number];

interface One {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  problems: number;
  codes: string[];
  reportBytes: number;
}

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Compiles the compile bench's chain of `tasks` tasks in a child process, into `out`. */
async function compileChain(dir: string, tasks: number, out: string): Promise<{ wallMs: number; cpuMs: number }> {
  const c = await writeCase(dir, 'chain', tasks, SRC_INDEX);
  const r = await timedRun(process.execPath, [KFP_TS_BIN, 'compile', c.tsFile, '-o', out], dir);
  return { wallMs: r.wallMs, cpuMs: r.cpuMs };
}

async function makeFile(dir: string, shape: Shape, bytes: number, oneTask: string): Promise<string> {
  const file = path.join(dir, `${shape}-${bytes / MB}mb.yaml`);
  const r = random(bytes);
  switch (shape) {
    case 'valid-ir': {
      // About 2,200 bytes per task of the chain pipeline.
      await compileChain(dir, Math.max(1, Math.round(bytes / 2200)), file);
      break;
    }
    case 'unknown-flow-field': {
      const head = `${oneTask}zzUnknownField: {`;
      const parts: string[] = [head];
      let size = head.length;
      for (let i = 0; size < bytes; i++) {
        const entry = `${i % 16 === 0 ? '\n  ' : ''}k${i}: ${i},`;
        parts.push(entry);
        size += entry.length;
      }
      parts.push('}\n');
      await writeFile(file, parts.join(''));
      break;
    }
    case 'deep-nesting': {
      const depth = Math.floor((bytes - 10) / 2);
      await writeFile(file, `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      break;
    }
    case 'random-bytes': {
      const b = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i++) b[i] = Math.floor(r() * 256);
      await writeFile(file, b);
      break;
    }
    case 'random-text': {
      const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789      ::--,[]{}#&*!|>\'"%@`?\n\n\n';
      const b = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i++) b[i] = alphabet.charCodeAt(Math.floor(r() * alphabet.length));
      await writeFile(file, b);
      break;
    }
  }
  return file;
}

async function validateOnce(file: string): Promise<One> {
  const r = await timedRun(process.execPath, ['--import', 'tsx', ONE, file], REPO);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as One;
}

function growth(a: { size: number; ms: number }, b: { size: number; ms: number }): string {
  return (Math.log(b.ms / a.ms) / Math.log(b.size / a.size)).toFixed(2);
}

export interface ValidateBenchOptions {
  readonly sizesMb: readonly number[];
  readonly shapes: readonly Shape[];
  readonly reps: number;
  readonly bigTasks: number;
}

export async function runValidateBench(opts: ValidateBenchOptions): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-validate-bench-'));
  try {
    await writePackageJson(dir, path.join(REPO, 'node_modules'));
    const oneTask = path.join(dir, 'one-task.yaml');
    await compileChain(dir, 1, oneTask);
    const { readFile } = await import('node:fs/promises');
    const oneTaskText = await readFile(oneTask, 'utf8');
    const rows: string[] = [
      '| shape | size | file MB | validate s (wall) | validate s (CPU) | MB/s (CPU) | peak RSS MB | problems listed | report bytes | codes |',
      '|:--|--:|--:|--:|--:|--:|--:|--:|--:|:--|',
    ];
    const growthLines: string[] = [];
    for (const shape of opts.shapes) {
      const points: { size: number; ms: number; rss: number }[] = [];
      for (const mb of opts.sizesMb) {
        const file = await makeFile(dir, shape, mb * MB, oneTaskText);
        const fileMb = (await stat(file)).size / MB;
        const runs: One[] = [];
        for (let i = 0; i < opts.reps; i++) runs.push(await validateOnce(file));
        const wall = median(runs.map((x) => x.wallMs));
        const cpu = median(runs.map((x) => x.cpuMs));
        const rss = Math.max(...runs.map((x) => x.peakRssMb));
        const last = runs.at(-1)!;
        points.push({ size: fileMb, ms: cpu, rss });
        rows.push(
          `| ${shape} | ${mb} MB | ${fileMb.toFixed(1)} | ${(wall / 1000).toFixed(2)} | ${(cpu / 1000).toFixed(2)} | ${(fileMb / (cpu / 1000)).toFixed(1)} | ${rss.toFixed(0)} | ${last.problems} | ${last.reportBytes} | ${last.codes.join(', ') || 'valid'} |`,
        );
        log(rows.at(-1)!);
      }
      if (points.length >= 2) {
        const [a, b] = points.slice(-2) as [(typeof points)[0], (typeof points)[0]];
        growthLines.push(`${shape}: CPU time ∝ size^${growth(a, b)}, peak RSS ${a.rss.toFixed(0)} → ${b.rss.toFixed(0)} MB (${a.size.toFixed(1)} → ${b.size.toFixed(1)} MB)`);
      }
    }

    // The 10,000-task pipeline: compile it (whole process, as `kfp-ts compile`), then validate it
    // (whole process, as `kfp-ts validate`), and in-process.
    const big = path.join(dir, `chain-${opts.bigTasks}.yaml`);
    const compiles: { wallMs: number; cpuMs: number }[] = [];
    for (let i = 0; i < opts.reps; i++) compiles.push(await compileChain(dir, opts.bigTasks, big));
    const bigMb = (await stat(big)).size / MB;
    const validates: { wallMs: number; cpuMs: number }[] = [];
    const inProcess: One[] = [];
    for (let i = 0; i < opts.reps; i++) {
      const r = await timedRun(process.execPath, [KFP_TS_BIN, 'validate', big], REPO);
      validates.push({ wallMs: r.wallMs, cpuMs: r.cpuMs });
      inProcess.push(await validateOnce(big));
    }
    const m = (xs: { wallMs: number; cpuMs: number }[], k: 'wallMs' | 'cpuMs') => (median(xs.map((x) => x[k])) / 1000).toFixed(2);
    const bigLines = [
      `${opts.bigTasks}-task chain (${bigMb.toFixed(1)} MB IR), medians of ${opts.reps}:`,
      `  kfp-ts compile (whole process): ${m(compiles, 'wallMs')} s wall, ${m(compiles, 'cpuMs')} s CPU`,
      `  kfp-ts validate (whole process): ${m(validates, 'wallMs')} s wall, ${m(validates, 'cpuMs')} s CPU`,
      `  validation alone (in process): ${(median(inProcess.map((x) => x.wallMs)) / 1000).toFixed(2)} s wall, ${(median(inProcess.map((x) => x.cpuMs)) / 1000).toFixed(2)} s CPU, peak RSS ${Math.max(...inProcess.map((x) => x.peakRssMb)).toFixed(0)} MB`,
    ];
    return ['', 'Validator benchmark', '', ...rows, '', 'Growth between the two largest sizes (CPU):', ...growthLines.map((l) => `  ${l}`), '', ...bigLines, ''].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function parseValidateOptions(argv: readonly string[]): ValidateBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { sizes: { type: 'string' }, shapes: { type: 'string' }, reps: { type: 'string' }, 'big-tasks': { type: 'string' } },
    strict: false,
  });
  const sizesMb = typeof values.sizes === 'string' ? values.sizes.split(',').map(Number) : [1, 10, 50];
  const shapes = (typeof values.shapes === 'string' ? values.shapes.split(',') : [...SHAPES]) as Shape[];
  for (const s of shapes) if (!SHAPES.includes(s)) throw new Error(`--shapes takes ${SHAPES.join(', ')} (got ${s})`);
  return { sizesMb, shapes, reps: typeof values.reps === 'string' ? Number(values.reps) : 3, bigTasks: typeof values['big-tasks'] === 'string' ? Number(values['big-tasks']) : 10_000 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(await runValidateBench(parseValidateOptions(process.argv.slice(2))));
}
