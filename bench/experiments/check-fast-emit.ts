/**
 * Checks the fast-emit prototype against src/emit/emit-yaml.ts byte for byte (every
 * tests/cross/cases pipeline, plus the bench's chain and fan), and times both on the bench cases.
 *
 *   node --import tsx bench/experiments/check-fast-emit.ts
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compilePipeline } from '../../src/compiler/compile.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { readPythonSources } from '../../src/project/python-sources.ts';
import { writeCase, writePackageJson } from '../generate.ts';
import { median } from '../stats.ts';
import { fastEmitPipelineYaml } from './fast-emit.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function isPipeline(v: unknown): v is Pipeline {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';
}

async function specsOf(file: string): Promise<{ name: string; spec: Record<string, unknown>; platform?: Record<string, unknown> }[]> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const out = [];
  for (const [k, v] of Object.entries(mod)) {
    if (!isPipeline(v)) continue;
    const node = v.build();
    const { sources } = await readPythonSources(node);
    const r = compilePipeline(node, { sources });
    if (r.pipelineSpec) out.push({ name: `${path.basename(file)}:${k}`, spec: r.pipelineSpec, ...(r.platformSpec ? { platform: r.platformSpec } : {}) });
  }
  return out;
}

function cpuMs(f: () => void): number {
  const u0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 1000;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-fast-emit-'));
  try {
    await writePackageJson(dir);
    const crossDir = path.join(REPO, 'tests', 'cross', 'cases');
    const files = (await readdir(crossDir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(crossDir, f));
    const bench = [];
    for (const shape of ['chain', 'fan'] as const) for (const n of [1, 100, 3000]) bench.push((await writeCase(dir, shape, n, path.join(REPO, 'src', 'index.ts'))).tsFile);
    let same = 0;
    const differing: string[] = [];
    for (const file of [...files, ...bench]) {
      for (const { name, spec, platform } of await specsOf(file)) {
        const a = emitPipelineYaml(spec, platform);
        const b = fastEmitPipelineYaml(spec, platform);
        if (a === b) same++;
        else {
          const i = [...a].findIndex((ch, j) => ch !== b[j]);
          differing.push(`${name}: first difference at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`);
        }
        if (bench.includes(file) && file.includes('3000')) {
          const today = median([0, 1, 2].map(() => cpuMs(() => emitPipelineYaml(spec, platform))));
          const fast = median([0, 1, 2].map(() => cpuMs(() => fastEmitPipelineYaml(spec, platform))));
          process.stdout.write(`${name}: emitPipelineYaml ${today.toFixed(0)} ms CPU, prototype ${fast.toFixed(0)} ms CPU (${(today / fast).toFixed(0)}×), ${a.length} chars\n`);
        }
      }
    }
    process.stdout.write(`byte-identical: ${same}; different: ${differing.length}\n${differing.join('\n')}\n`);
    if (differing.length > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
