/**
 * Cross-compile: each case is written twice, in TypeScript (cases/<name>.ts) and in Python
 * (cases/<name>.py, compiled by kfp 2.17.3). Both documents must be deep-equal after parsing,
 * sdkVersion aside; and the text a user reads must be kfp's: the header comment block line for
 * line (a dict default's entry order aside, which kfp draws at random) and every number's text
 * (`backoffFactor: 2.0`, not `2`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { headerLines, numberTextDifferences, withSortedDicts } from '../support/text-compare.ts';
import { ignoreSdkVersion, irDifferences, loadIr, loadKfpIr } from '../support/yaml-compare.ts';

const CASES_DIR = path.join(REPO, 'tests', 'cross', 'cases');
const cases = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

let outDir = '';
const twinStatus = new Map<string, { ok: boolean; error?: string }>();
const results: { name: string; equal: boolean }[] = [];

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-twins-'));
  const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'cross', 'compile_twins.py'), outDir, ...cases], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling the Python twins failed:\n${r.stderr}`);
  for (const line of r.stdout.trim().split('\n')) {
    const j = JSON.parse(line) as { case: string; ok: boolean; error?: string };
    twinStatus.set(j.case, j);
  }
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  const equal = results.filter((r) => r.equal).length;
  console.log(`cross-compile: ${equal}/${results.length} equal to kfp 2.17.3${equal < results.length ? ` (differ: ${results.filter((r) => !r.equal).map((r) => r.name).join(', ')})` : ''}`);
});

describe('TypeScript and kfp compile the same pipeline to the same IR', () => {
  it('has at least 12 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of cases) {
    it(name, async () => {
      // Counted as differing unless it gets to the end: the printed count covers every case.
      const result = { name, equal: false };
      results.push(result);
      const twin = twinStatus.get(name);
      expect(twin, `no Python twin result for ${name} (is cases/${name}.py there?)`).toBeDefined();
      expect(twin!.ok, `kfp failed on the Python twin: ${twin!.error}`).toBe(true);
      const mod = (await import(pathToFileURL(path.join(CASES_DIR, `${name}.ts`)).href)) as {
        default: Pipeline;
        compileOptions?: Omit<CompileOptions, 'sources'>;
      };
      const ours = await compileToYaml(mod.default.build(), mod.compileOptions ?? {});
      expect(ours.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
      const theirs = readFileSync(path.join(outDir, `${name}.yaml`), 'utf8');
      const diffs = irDifferences(loadIr(ours.yamlText!), loadKfpIr(theirs), ignoreSdkVersion);
      const header = headerLines(ours.yamlText!).map(withSortedDicts);
      const kfpHeader = headerLines(theirs).map(withSortedDicts);
      const numbers = numberTextDifferences(ours.yamlText!, theirs);
      result.equal = diffs.length === 0 && numbers.length === 0 && header.join('\n') === kfpHeader.join('\n');
      expect(diffs).toEqual([]);
      expect(header, "the header comment block (kfp's text)").toEqual(kfpHeader);
      expect(numbers, "numbers written otherwise than kfp writes them (path: ours | kfp's)").toEqual([]);
    });
  }
});
