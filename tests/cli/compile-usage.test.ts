/**
 * `kfp-ts compile`: help, usage errors (exit 2) and the success path (exit 0, the file written).
 * Real processes through runCli.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';

const OK = path.join(REPO, 'tests', 'cli', 'fixtures', 'ok.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kfp-ts-cli-'));
  dirs.push(d);
  return d;
}
const STACK = /^\s+at\s.+:\d+:\d+\)?$|node:internal/m;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readSpec(file: string): any {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  expect(docs.map((d) => d.errors.length)).toEqual(docs.map(() => 0));
  return docs[0]!.toJS();
}

describe('kfp-ts compile: help and usage errors', () => {
  it('--help prints the usage of compile with every option, exit 0', () => {
    const r = runCli(['compile', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kfp-ts compile');
    for (const opt of ['-o, --output', '--function', '--pipeline-parameters', '--disable-caching']) expect(r.stdout).toContain(opt);
  });

  it('an unknown option is a usage error: exit 2, no output file', () => {
    const dir = freshDir();
    const r = runCli(['compile', OK, '-o', path.join(dir, 'out.yaml'), '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a missing FILE argument is a usage error: exit 2', () => {
    const r = runCli(['compile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'file'");
  });

  it('--pipeline-parameters that is not a JSON object is a usage error: exit 2, no output file', () => {
    for (const bad of ['not json', '{"n": 3', '[1, 2]', '"text"', 'null']) {
      const dir = freshDir();
      const r = runCli(['compile', OK, '-o', path.join(dir, 'out.yaml'), '--pipeline-parameters', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`error: --pipeline-parameters: takes a JSON object of parameter defaults, e.g. '{"n_estimators": 200}' [cli/invalid-option]`);
      expect(r.stderr).not.toMatch(STACK);
      expect(readdirSync(dir), bad).toEqual([]);
    }
  });

  it('an output path that is not .yaml/.yml is a usage error: exit 2', () => {
    const dir = freshDir();
    const r = runCli(['compile', OK, '-o', path.join(dir, 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --output: the output file must end in \.yaml or \.yml, not .*out\.json \[cli\/output-extension\]$/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a pipeline parameter value of the wrong type is a user error naming the parameter: exit 1', () => {
    const dir = freshDir();
    const r = runCli(['compile', OK, '-o', path.join(dir, 'out.yaml'), '--pipeline-parameters', '{"n": "three"}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cli-ok/inputs/n');
    expect(r.stderr).toContain('[pipeline/parameter-type]');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--function naming no exported pipeline is a user error listing the exports: exit 1', () => {
    const dir = freshDir();
    const r = runCli(['compile', OK, '-o', path.join(dir, 'out.yaml'), '--function', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[cli/no-such-pipeline]');
    expect(r.stderr).toContain('default, other');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('kfp-ts compile: success', () => {
  it('writes the validated YAML and says so: exit 0', () => {
    const dir = freshDir();
    const out = path.join(dir, 'pipeline.yaml');
    // WHEN compiling a valid pipeline
    const r = runCli(['compile', OK, '-o', out]);
    // THEN exit 0, one line on stdout, nothing on stderr, and exactly the output file
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}\n`);
    expect(r.stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['pipeline.yaml']);
    // and the file is kfp's shape: header, pipeline name, both tasks, the sdkVersion
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('# PIPELINE DEFINITION\n# Name: cli-ok\n# Inputs:\n#    n: int [Default: 3.0]\n')).toBe(true);
    const spec = readSpec(out);
    expect(spec.pipelineInfo).toEqual({ name: 'cli-ok' });
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(['consume', 'produce']);
    expect(spec.root.dag.tasks.consume.dependentTasks).toEqual(['produce']);
    expect(spec.sdkVersion).toMatch(/^kfp-ts-\d+\.\d+\.\d+/);
    expect(spec.schemaVersion).toBe('2.1.0');
  });

  it('replaces an existing output file on success', () => {
    const dir = freshDir();
    const out = path.join(dir, 'pipeline.yml');
    writeFileSync(out, 'old: content\n');
    const r = runCli(['compile', OK, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('# PIPELINE DEFINITION\n')).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipeline.yml']);
  });

  it('writes <file name>.yaml in the current folder without -o', () => {
    const dir = freshDir();
    const r = runCli(['compile', OK], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['ok.yaml']);
  });

  it('applies --pipeline-parameters, --disable-caching and --function', () => {
    const dir = freshDir();
    const out = path.join(dir, 'a.yaml');
    const r = runCli(['compile', OK, '-o', out, '--pipeline-parameters', '{"n": 7}', '--disable-caching']);
    expect(r.code, r.stderr).toBe(0);
    const spec = readSpec(out);
    expect(spec.root.inputDefinitions.parameters.n.defaultValue).toBe(7);
    expect(spec.root.dag.tasks.produce.cachingOptions).toEqual({});
    // WHEN another export is chosen  THEN that pipeline is compiled
    const out2 = path.join(dir, 'b.yaml');
    const r2 = runCli(['compile', OK, '-o', out2, '--function', 'other']);
    expect(r2.code, r2.stderr).toBe(0);
    const other = readSpec(out2);
    expect(other.pipelineInfo.name).toBe('cli-other');
    expect(other.root.dag.tasks.produce.cachingOptions).toEqual({ enableCache: true });
    expect(existsSync(out)).toBe(true);
  });
});
