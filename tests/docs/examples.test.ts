/**
 * The guide's examples cannot rot: each pipeline example in docs/examples compiles, and where it
 * has a Python twin (`<name>.twin.py`) kfp 2.17.3 compiles that to the same IR; the program
 * examples run or type-check (the repository's tsc covers docs/examples); every example is shown
 * on a page, and every page shows the files' current text (scripts/docs-examples.ts --check).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { pages, render } from '../../scripts/docs-examples.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { ignoreSdkVersion, irDifferences, loadIr, loadKfpIr } from '../support/yaml-compare.ts';

const EXAMPLES = path.join(REPO, 'docs', 'examples');
const files = readdirSync(EXAMPLES).filter((f) => /\.(ts|py)$/.test(f)).sort();
const twins = files.filter((f) => f.endsWith('.twin.py')).map((f) => f.slice(0, -'.twin.py'.length));
/** Examples that are programs, not pipelines: run (or only type-checked, needing a server). */
const PROGRAMS = ['compile-in-code', 'upload-and-run'];
const pipelines = files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((n) => !PROGRAMS.includes(n));

let outDir = '';
const twinStatus = new Map<string, { ok: boolean; error?: string }>();
const equal: string[] = [];

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-doc-twins-'));
  const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'docs', 'compile_doc_twins.py'), outDir, ...twins], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling the Python twins failed:\n${r.stderr}`);
  for (const line of r.stdout.trim().split('\n')) {
    const j = JSON.parse(line) as { name: string; ok: boolean; error?: string };
    twinStatus.set(j.name, j);
  }
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  console.log(`docs examples: ${equal.length}/${twins.length} equal to kfp 2.17.3's compile of their twins`);
});

describe('docs/examples', () => {
  it('every pipeline example has a Python twin', () => {
    expect(pipelines.filter((n) => !twins.includes(n))).toEqual([]);
    expect(twins.filter((n) => !pipelines.includes(n))).toEqual([]);
  });

  for (const name of pipelines) {
    it(`${name}.ts compiles to the IR kfp writes for ${name}.twin.py`, async () => {
      const twin = twinStatus.get(name);
      expect(twin?.ok, `kfp failed on ${name}.twin.py: ${twin?.error}`).toBe(true);
      const mod = (await import(pathToFileURL(path.join(EXAMPLES, `${name}.ts`)).href)) as { default: Pipeline; compileOptions?: Omit<CompileOptions, 'sources' | 'embedded'> };
      const ours = await compileToYaml(mod.default, mod.compileOptions ?? {});
      expect(ours.diagnostics).toEqual([]);
      const theirs = readFileSync(path.join(outDir, `${name}.yaml`), 'utf8');
      expect(irDifferences(loadIr(ours.yamlText!), loadKfpIr(theirs), ignoreSdkVersion)).toEqual([]);
      equal.push(name);
    });
  }

  it('compile-in-code.ts writes the quickstart pipeline', async () => {
    const { compileQuickstart } = (await import(pathToFileURL(path.join(EXAMPLES, 'compile-in-code.ts')).href)) as { compileQuickstart(file: string): Promise<void> };
    const file = path.join(outDir, 'in-code.yaml');
    await compileQuickstart(file);
    const ir = loadIr(readFileSync(file, 'utf8'));
    expect((ir[0] as { pipelineInfo: { name: string } }).pipelineInfo.name).toBe('quickstart');
    expect((ir[0] as { root: { inputDefinitions: { parameters: { source: { defaultValue: string } } } } }).root.inputDefinitions.parameters.source.defaultValue).toBe('gs://my-bucket/2026-12.csv');
  });
});

describe('the pages', () => {
  it('show every example file, and only files that exist', async () => {
    const shown = new Set<string>();
    for (const page of await pages()) {
      const { included, missing } = await render(page);
      expect(missing, path.relative(REPO, page)).toEqual([]);
      for (const f of included) shown.add(f);
    }
    expect(files.filter((f) => !shown.has(f))).toEqual([]);
  });

  it('show the examples as they are (scripts/docs-examples.ts --check; UPDATE_GOLDEN=1 rewrites the pages)', () => {
    const script = path.join(REPO, 'scripts', 'docs-examples.ts');
    if (UPDATE_GOLDEN) expect(spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO, encoding: 'utf8' }).status).toBe(0);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('link only to files that exist', async () => {
    const broken: string[] = [];
    for (const page of await pages()) {
      const text = readFileSync(page, 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(path.resolve(path.dirname(page), target))) broken.push(`${path.relative(REPO, page)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
