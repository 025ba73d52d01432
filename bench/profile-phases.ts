/**
 * Where the in-process time goes: times the stages `compileToYaml` runs (build, compile, validate,
 * emit) separately for one generated case, in CPU time (user + system, so other processes on the
 * machine distort it less than wall time), for profiling rather than for the benchmark table.
 *
 *   node --import tsx bench/profile-phases.ts [chain|fan] [TASKS] [REPS]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-phases.ts chain 3000 1
 *
 * The stage calls mirror src/project/compile-to-yaml.ts; the totals match the benchmark's
 * in-process column minus the file write.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compilePipeline } from '../src/compiler/compile.ts';
import type { Pipeline } from '../src/dsl/pipeline.ts';
import { emitPipelineYaml } from '../src/emit/emit-yaml.ts';
import { validateIrDocuments } from '../src/validate/index.ts';
import { version } from '../src/version.ts';
import { writeCase, writePackageJson, type Shape } from './generate.ts';
import { median } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC_INDEX = path.join(REPO, 'src', 'index.ts');

type Stage = 'build' | 'compile' | 'validate' | 'emit';

/** CPU time (user + system) so far, in ms: steadier than wall time on a shared machine. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function once(define: () => Pipeline): Record<Stage, number> {
  const t: number[] = [cpuNow()];
  const node = define().build();
  t.push(cpuNow());
  const result = compilePipeline(node, { sdkVersion: `kfp-ts-${version}`, sources: new Map() });
  t.push(cpuNow());
  if (!result.pipelineSpec) throw new Error(`did not compile: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  const docs = result.platformSpec ? [result.pipelineSpec, result.platformSpec] : [result.pipelineSpec];
  const invalid = validateIrDocuments(docs);
  t.push(cpuNow());
  if (invalid.length > 0) throw new Error(`invalid IR: ${JSON.stringify(invalid.slice(0, 3))}`);
  emitPipelineYaml(result.pipelineSpec, result.platformSpec);
  t.push(cpuNow());
  const ms = (i: number): number => t[i + 1]! - t[i]!;
  return { build: ms(0), compile: ms(1), validate: ms(2), emit: ms(3) };
}

async function main(): Promise<void> {
  const shape = (process.argv[2] ?? 'chain') as Shape;
  const tasks = Number(process.argv[3] ?? 3000);
  const reps = Number(process.argv[4] ?? 3);
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-profile-'));
  try {
    await writePackageJson(dir, path.join(REPO, 'node_modules'));
    const warm = await writeCase(dir, shape, 1, SRC_INDEX);
    const c = await writeCase(dir, shape, tasks, SRC_INDEX);
    const warmMod = (await import(pathToFileURL(warm.tsFile).href)) as { definePipeline(): Pipeline };
    const mod = (await import(pathToFileURL(c.tsFile).href)) as { definePipeline(): Pipeline };
    once(warmMod.definePipeline);
    const runs = Array.from({ length: reps }, () => once(mod.definePipeline));
    const stages: Stage[] = ['build', 'compile', 'validate', 'emit'];
    const meds = stages.map((s) => median(runs.map((r) => r[s])));
    const total = meds.reduce((a, b) => a + b, 0);
    process.stdout.write(`${c.id}, CPU time, median of ${reps}: total ${total.toFixed(1)} ms (${((1000 * total) / tasks).toFixed(0)} µs/task)\n`);
    stages.forEach((s, i) => process.stdout.write(`  ${s.padEnd(8)} ${meds[i]!.toFixed(1).padStart(9)} ms ${((100 * meds[i]!) / total).toFixed(1).padStart(5)} %\n`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
