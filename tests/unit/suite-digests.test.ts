/**
 * The compiled bytes of every pipeline the suite compiles from TypeScript (seed pipelines, cross
 * cases, corpus ports: tests/support/suite-pipelines.ts) are pinned by their SHA-256 in
 * suite-digests.json. A change to the compiler that is meant to keep the output (a refactor) must
 * leave every digest as it is; a change meant to alter the output regenerates the file with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/suite-digests.test.ts` and shows the new bytes in
 * the same commit (the ports and cross cases say whether they are right).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { REPO } from '../support/repo.ts';
import { suitePipelineFiles } from '../support/suite-pipelines.ts';

const GOLDEN = path.join(REPO, 'tests', 'unit', 'suite-digests.json');

interface PipelineModule {
  default?: unknown;
  compileOptions?: Omit<CompileOptions, 'sources'>;
}

const isPipeline = (v: unknown): v is Pipeline => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';

async function digests(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const source of suitePipelineFiles()) {
    const mod = (await import(pathToFileURL(path.join(REPO, source)).href)) as PipelineModule;
    if (!isPipeline(mod.default)) continue;
    // A fixed sdkVersion: the digests pin the compiler's output, not the package version.
    const result = await compileToYaml(mod.default.build(), { ...mod.compileOptions, sdkVersion: 'kfp-ts-digest' });
    out[source] =
      result.yamlText === undefined
        ? `no output: ${result.diagnostics.map((d) => d.code).join(', ')}`
        : createHash('sha256').update(result.yamlText).digest('hex');
  }
  return out;
}

test('GIVEN every suite pipeline WHEN compiled to YAML THEN its bytes hash to the recorded SHA-256', async () => {
  const actual = await digests();
  expect(Object.keys(actual).length).toBeGreaterThan(150);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  expect(existsSync(GOLDEN), `${GOLDEN} is missing: record it with UPDATE_GOLDEN=1`).toBe(true);
  const recorded = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
  const changed = Object.keys({ ...recorded, ...actual })
    .sort()
    .filter((k) => recorded[k] !== actual[k])
    .map((k) => `${k}: ${recorded[k] ?? 'not recorded'} → ${actual[k] ?? 'gone'}`);
  expect(changed, 'suite pipelines whose compiled bytes changed (UPDATE_GOLDEN=1 records the new ones)').toEqual([]);
}, 120_000);
