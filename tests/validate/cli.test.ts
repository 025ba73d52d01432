import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateFiles } from '../../src/cli/commands/validate.ts';
import { recordPrintedCodes } from '../support/produced-codes.ts';
import { pipelineSpec, platformSpec } from './fixtures.ts';
import { repoRoot } from './helpers.ts';

function files(): { valid: string; invalid: string; missing: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-validate-'));
  const valid = path.join(dir, 'valid.yaml');
  const invalid = path.join(dir, 'invalid.yaml');
  writeFileSync(valid, `${stringify(pipelineSpec())}---\n${stringify(platformSpec())}`);
  const broken = pipelineSpec();
  broken.deploymentSpec.executors['exec-train'].container.imagee = 'python:3.11';
  broken.root.dag.tasks.train.componentRef.name = 'comp-nope';
  writeFileSync(invalid, stringify(broken));
  return { valid, invalid, missing: path.join(dir, 'missing.yaml') };
}

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'kfp-ts.js'), 'validate', ...args], { encoding: 'utf8', cwd: repoRoot });
  recordPrintedCodes(r.stdout, r.stderr);
  return r;
}

describe('kfp-ts validate', () => {
  it('GIVEN a valid file WHEN run through bin/kfp-ts.js THEN it prints ok FILE and exits 0', () => {
    const { valid } = files();
    const result = run([valid]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`ok ${valid}\n`);
    expect(result.status).toBe(0);
  });

  it('GIVEN a valid, an invalid and a missing file WHEN run THEN each diagnostic names its file and path, and the exit code is 1 without a stack trace', () => {
    const { valid, invalid, missing } = files();
    const result = run([valid, invalid, missing]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`ok ${valid}\n`);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^error: ${invalid}: deploymentSpec/executors/exec-train/container/imagee: Unknown field "imagee" .*\\[schema/unknown-field\\]$`)),
      expect.stringMatching(new RegExp(`^error: ${invalid}: root/dag/tasks/train/componentRef/name: componentRef "comp-nope" names no component .*\\[ref/component\\]$`)),
      `invalid ${invalid} (2 errors)`,
      `error: ${missing}: cannot read it: no such file [cli/unreadable]`,
      `invalid ${missing} (1 error)`,
      '',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a directory WHEN validated in-process THEN it is an unreadable file, exit 1', () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = validateFiles([tmpdir()], { stdout, stderr });
    expect(code).toBe(1);
    expect(String(stderr.read())).toContain(`${tmpdir()}: cannot read it: it is a directory [cli/unreadable]`);
    expect(stdout.read()).toBeNull();
  });
});
