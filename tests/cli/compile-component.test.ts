/**
 * `kfp-ts compile FILE --function NAME` on a component: compiled on its own, as kfp's
 * `kfp dsl compile --py f.py --function my_component` does, and equal to what kfp 2.17.3 writes for
 * the same component (its Python twin). Which export is picked follows kfp's CLI: the only
 * pipeline, else the only component. Real processes through runCli.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { ignoreSdkVersion, irDifferences, loadIr, loadKfpIr } from '../support/yaml-compare.ts';

const FIXTURES = path.join(REPO, 'tests', 'cli', 'fixtures');
const ALONE = path.join(FIXTURES, 'component-alone.ts');
const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kfp-ts-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** kfp 2.17.3's compile of each twin component, by name. */
const theirs = new Map<string, string>();
beforeAll(() => {
  const out = freshDir();
  const script = `
import sys
sys.path[:0] = ['tests/cross', 'tests/cross/fixtures']
from kfp import compiler
from twin import component
from loaded_fixtures import train_model
compiler.Compiler().compile(component('tests/cross/fixtures/work.py', 'double', base_image='python:3.11-slim'), sys.argv[1] + '/double.yaml')
compiler.Compiler().compile(train_model, sys.argv[1] + '/train_model.yaml')
compiler.Compiler().compile(component('tests/cross/fixtures/documented.py', 'score_model', base_image='python:3.12'), sys.argv[1] + '/score_model.yaml')
`;
  const r = spawnSync(venvPython(), ['-c', script, out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kfp failed on the twins:\n${r.stderr}`);
  for (const name of ['double', 'train_model', 'score_model']) theirs.set(name, readFileSync(path.join(out, `${name}.yaml`), 'utf8'));
});

function compile(file: string, fn?: string): { r: CliResult; dir: string; out: string } {
  const dir = freshDir();
  const out = path.join(dir, 'out.yaml');
  const r = runCli(['compile', path.relative(REPO, file), '-o', out, ...(fn === undefined ? [] : ['--function', fn])]);
  return { r, dir, out };
}

function expectEqualToKfp(out: string, twin: string): void {
  const ours = readFileSync(out, 'utf8');
  expect(irDifferences(loadIr(ours), loadKfpIr(theirs.get(twin)!), ignoreSdkVersion)).toEqual([]);
}

describe('kfp-ts compile: a component on its own', () => {
  it('--function with the export name compiles the component as kfp does: exit 0, equal to kfp 2.17.3', () => {
    // GIVEN a file exporting two components and no pipeline
    // WHEN compiling one by its export name
    const { r, dir, out } = compile(ALONE, 'double');
    // THEN it is written, and equal to kfp's compile of the same component
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}\n`);
    expect(readdirSync(dir)).toEqual(['out.yaml']);
    expectEqualToKfp(out, 'double');
    expect(readFileSync(out, 'utf8').startsWith('# PIPELINE DEFINITION\n# Name: double\n')).toBe(true);
  });

  it("--function with the component's own name (kfp's Python function name) picks it too", () => {
    // GIVEN trainModel, exported under another name than its component name train_model
    const { r, out } = compile(ALONE, 'train_model');
    expect(r.code, r.stderr).toBe(0);
    // THEN the pipeline is named as kfp names it (train-model) and the IR is kfp's
    expectEqualToKfp(out, 'train_model');
  });

  it("a documented Python component: the root carries its docstring's descriptions, as kfp's", () => {
    const { r, out } = compile(ALONE, 'score_model');
    expect(r.code, r.stderr).toBe(0);
    expectEqualToKfp(out, 'score_model');
  });

  it('a file whose default export is a component compiles it without --function', () => {
    const { r, out } = compile(path.join(FIXTURES, 'component-default.ts'));
    expect(r.code, r.stderr).toBe(0);
    expectEqualToKfp(out, 'double');
  });

  it('several components and no pipeline, without --function: exit 1, the components listed, nothing written', () => {
    const { r, dir, out } = compile(ALONE);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[cli/ambiguous-pipeline]');
    expect(r.stderr).toContain('several components (double, scoreModel, trainModel)');
    expect(r.stderr).toContain('--function');
    expect(r.stderr).toContain(`${out} was not written`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--function naming nothing exported: exit 1, pipelines and components listed, nothing written', () => {
    const { r, dir } = compile(ALONE, 'triple');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[cli/no-such-pipeline]');
    expect(r.stderr).toContain("no exported pipeline or component is named 'triple'");
    expect(r.stderr).toContain('pipelines: none; components: double, scoreModel, trainModel');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the only pipeline wins over exported components, as in kfp', () => {
    // GIVEN a file exporting one pipeline (not as default) and two components
    const { r, out } = compile(path.join(FIXTURES, 'pipeline-and-components.ts'));
    // THEN the pipeline is compiled
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Name: cli-small\n');
    // and a component beside it can still be chosen
    const one = compile(path.join(FIXTURES, 'pipeline-and-components.ts'), 'consume');
    expect(one.r.code, one.r.stderr).toBe(0);
    expect(readFileSync(one.out, 'utf8')).toContain('# Name: consume\n');
  });
});
