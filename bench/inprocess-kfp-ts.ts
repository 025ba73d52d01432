/**
 * In-process timing of kfp-ts, run as its own process per case so one case's heap and JIT state
 * do not leak into the next.
 *
 *   node --import tsx bench/inprocess-kfp-ts.ts CASE.ts WARMUP.ts OUT.yaml REPS
 *
 * Each repetition times what a program that already imported kfp-ts does to produce the YAML file:
 * define the pipeline, build the node tree, compile + validate + emit (`compileToYaml`), write.
 * One untimed warm-up compile of WARMUP.ts (a one-task case) comes first. Prints one JSON line,
 * `{ "wallMs": [..], "cpuMs": [..] }` (CPU: user + system of the whole process, GC threads included).
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { compileToYaml } from '../src/project/compile-to-yaml.ts';
import type { Pipeline } from '../src/dsl/pipeline.ts';

interface CaseModule {
  definePipeline(): Pipeline;
}

async function compileOnce(mod: CaseModule, out: string): Promise<void> {
  const result = await compileToYaml(mod.definePipeline().build(), {});
  if (result.yamlText === undefined) {
    throw new Error(`kfp-ts did not compile: ${result.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`).join('; ')}`);
  }
  await writeFile(out, result.yamlText);
}

async function main(): Promise<void> {
  const [caseFile, warmupFile, out, repsArg] = process.argv.slice(2);
  if (!caseFile || !warmupFile || !out || !repsArg) throw new Error('usage: inprocess-kfp-ts.ts CASE.ts WARMUP.ts OUT.yaml REPS');
  const warmup = (await import(pathToFileURL(warmupFile).href)) as CaseModule;
  const mod = (await import(pathToFileURL(caseFile).href)) as CaseModule;
  await compileOnce(warmup, out);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < Number(repsArg); i++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await compileOnce(mod, out);
    wallMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ wallMs, cpuMs })}\n`);
}

await main();
