/**
 * Local runner benchmark (issue 12): kfp-ts's runner against kfp 2.17.3's SubprocessRunner.
 *
 *   npm run bench -- --only local            # this benchmark alone (~3 minutes on an idle machine)
 *   node --import tsx bench/run-local-bench.ts --reps 3 --no-kfp
 *
 * Two pipelines, compiled by kfp-ts and run from the same YAML by both runners:
 * - fan-16x1s: 16 independent tasks that each sleep one second. kfp-ts runs it with
 *   `parallelism` 1 and 4 (the ratio should be about 4); kfp's runner runs tasks one at a time.
 * - fan-16x0s: the same 16 tasks sleeping zero seconds: wall time ÷ 16 is what running one task
 *   costs beyond its own work — the runner's scheduling, the process, Python and kfp's executor
 *   starting — "per-task overhead". kfp's runner also runs each task's pip prelude (here
 *   satisfied from the venv: PIP_NO_INDEX=1), as it does for any user.
 * Both runners use the test venv's interpreter (kfp-ts: `venv`, kfp: `use_venv=False`). Medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPipelinePackage } from '../src/client/pipeline-file.ts';
import { pipeline, pythonComponent, z } from '../src/index.ts';
import { compileToYaml } from '../src/project/compile-to-yaml.ts';
import { runLocal } from '../src/runner/index.ts';
import { median } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VENV = path.join(REPO, '.venv');

const nap = pythonComponent({
  name: 'nap',
  source: { code: 'def nap(seconds: float, index: int) -> int:\n    import time\n    time.sleep(seconds)\n    return index\n' },
  inputs: { seconds: z.number(), index: z.int() },
  outputs: { Output: z.int() },
});

function fan(name: string, seconds: number) {
  return pipeline({ name }, (_p, s) => {
    for (let i = 0; i < 16; i++) s.task(nap, { seconds, index: i });
  });
}

async function yamlOf(p: ReturnType<typeof fan>, dir: string): Promise<string> {
  const r = await compileToYaml(p.build(), {});
  if (r.yamlText === undefined) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  const file = path.join(dir, `${p.build().name}.yaml`);
  writeFileSync(file, r.yamlText);
  return file;
}

async function kfpTsRun(file: string, parallelism: number, root: string): Promise<number> {
  const loaded = loadPipelinePackage(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error('load');
  const started = performance.now();
  const result = await runLocal(loaded.pkg.pipelineSpec, {}, { venv: VENV, parallelism, pipelineRoot: root, disableCaching: true });
  const ms = performance.now() - started;
  if (result.state !== 'SUCCEEDED') throw new Error(`kfp-ts run ${result.state}`);
  return ms;
}

const KFP_SCRIPT = `
import os, sys, time
os.environ["PIP_NO_INDEX"] = "1"
os.environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
import kfp.components, kfp.local
kfp.local.init(runner=kfp.local.SubprocessRunner(use_venv=False), pipeline_root=sys.argv[2])
p = kfp.components.load_component_from_file(sys.argv[1])
started = time.perf_counter()
p()
print(f"WALL_MS {(time.perf_counter() - started) * 1000:.1f}")
`;

function kfpRun(file: string, root: string, dir: string): number {
  const script = path.join(dir, 'kfp_local_bench.py');
  writeFileSync(script, KFP_SCRIPT);
  const r = spawnSync(path.join(VENV, 'bin', 'python'), [script, file, root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const match = /WALL_MS ([\d.]+)/.exec(r.stdout);
  if (r.status !== 0 || match === null) throw new Error(`kfp's local runner failed: ${r.stderr.slice(-2000)}`);
  return Number(match[1]);
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reps: { type: 'string', default: '2' }, 'no-kfp': { type: 'boolean', default: false } } });
  const reps = Math.max(1, Number(values.reps));
  const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-run-bench-'));
  try {
    console.log(`# local runner benchmark — ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${reps} repetitions (medians)`);
    const slow = await yamlOf(fan('fan-16x1s', 1), dir);
    const fast = await yamlOf(fan('fan-16x0s', 0), dir);
    const root = path.join(dir, 'root');
    await kfpTsRun(fast, 4, root); // warm: page cache, tsx, Python bytecode
    const measure = async (f: () => Promise<number> | number): Promise<number> => {
      const xs: number[] = [];
      for (let i = 0; i < reps; i++) xs.push(await f());
      return median(xs);
    };
    const seq = await measure(() => kfpTsRun(slow, 1, root));
    const par = await measure(() => kfpTsRun(slow, 4, root));
    const zeroSeq = await measure(() => kfpTsRun(fast, 1, root));
    console.log('');
    console.log('| run | kfp-ts | kfp 2.17.3 local runner |');
    console.log('| --- | --- | --- |');
    let kfpSlow = Number.NaN;
    let kfpZero = Number.NaN;
    if (!values['no-kfp']) {
      kfpRun(fast, path.join(dir, 'kfp-root'), dir);
      kfpSlow = await measure(() => kfpRun(slow, path.join(dir, 'kfp-root'), dir));
      kfpZero = await measure(() => kfpRun(fast, path.join(dir, 'kfp-root'), dir));
    }
    console.log(`| 16 × 1 s tasks, one at a time | ${fmt(seq)} | ${Number.isNaN(kfpSlow) ? '–' : fmt(kfpSlow)} |`);
    console.log(`| 16 × 1 s tasks, parallelism 4 | ${fmt(par)} (${(seq / par).toFixed(2)}× faster than one at a time; 4× is the ideal) | – (runs tasks one at a time) |`);
    console.log(`| 16 × 0 s tasks, one at a time | ${fmt(zeroSeq)} | ${Number.isNaN(kfpZero) ? '–' : fmt(kfpZero)} |`);
    console.log(`| per-task overhead (0 s tasks ÷ 16) | ${(zeroSeq / 16).toFixed(0)} ms | ${Number.isNaN(kfpZero) ? '–' : `${(kfpZero / 16).toFixed(0)} ms`} |`);
    console.log(`| per-task overhead ((16 × 1 s one at a time − 16 s) ÷ 16) | ${((seq - 16000) / 16).toFixed(0)} ms | ${Number.isNaN(kfpSlow) ? '–' : `${((kfpSlow - 16000) / 16).toFixed(0)} ms`} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
