/**
 * Prints a SHA-256 of the YAML that compileToYaml writes for every tests/cross/cases pipeline and
 * for the bench's chain and fan at 1, 100 and 1,000 tasks. Run it in two trees and diff the output
 * to show a change kept every byte.
 *
 *   node --import tsx bench/experiments/yaml-digests.ts
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { writeCase, writePackageJson } from '../generate.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const isPipeline = (v: unknown): v is Pipeline => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';

const dir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-digests-'));
try {
  await writePackageJson(dir, path.join(REPO, 'node_modules'));
  const crossDir = path.join(REPO, 'tests', 'cross', 'cases');
  const files = (await readdir(crossDir)).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(crossDir, f));
  for (const shape of ['chain', 'fan'] as const) for (const n of [1, 100, 1000]) files.push((await writeCase(dir, shape, n, path.join(REPO, 'src', 'index.ts'))).tsFile);
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(mod)) {
      if (!isPipeline(v)) continue;
      const r = await compileToYaml(v.build(), {});
      const digest = r.yamlText === undefined ? `no yaml (${r.diagnostics.map((d) => d.code).join(',')})` : createHash('sha256').update(r.yamlText).digest('hex').slice(0, 16);
      process.stdout.write(`${path.basename(file)}:${k} ${digest}\n`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
