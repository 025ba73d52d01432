/**
 * `kfp-ts compile` and `kfp-ts validate` on a pipeline the KFP backend accepts on upload but
 * refuses to run: the file is written (exit 0), and the warning names the task, the code and the
 * backend's own error. Real processes through runCli; which shapes are refused is checked against
 * the backend itself in tests/backend-check/refusal-warnings.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';

const FIXTURE = path.join(REPO, 'tests', 'backend-check', 'fixtures', 'refusal-pipelines.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-cli-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compile and validate warn about what the backend refuses to run', () => {
  it('GIVEN a loop whose only task ignores upstream failure WHEN compiled, then validated THEN both warn with the task and the backend message, write the file and exit 0', () => {
    const out = path.join(dir, 'loop.yaml');

    const compiled = runCli(['compile', FIXTURE, '--function', 'loopOnlyIgnoring', '-o', out]);

    expect(compiled.code, compiled.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(compiled.stdout).toBe(`wrote ${out}\n`);
    const warning =
      'warning: components/comp-for-loop-1/dag/tasks/notify: the KFP backend accepts the upload but refuses to create a run: its Argo compiler answers ' +
      '"compiling DAG "comp-for-loop-1": DAG comp-for-loop-1 must contain one or more non-exit tasks". ';
    expect(compiled.stderr).toContain(`${FIXTURE}: ${warning.slice('warning: '.length)}`);
    expect(compiled.stderr).toMatch(/^warning: .*\[backend\/argo-no-non-exit-task\]\n$/);

    const validated = runCli(['validate', out]);

    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toBe(`ok ${out}\n`);
    expect(validated.stderr).toContain(`warning: ${out}: ${warning.slice('warning: '.length)}`);
    expect(validated.stderr).toMatch(/\[backend\/argo-no-non-exit-task\]\n$/);
  });

  it('GIVEN a pipeline the backend runs WHEN compiled THEN no warning is printed', () => {
    const out = path.join(dir, 'control.yaml');

    const compiled = runCli(['compile', FIXTURE, '--function', 'conditionIgnoringControl', '-o', out]);

    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stderr).toBe('');
  });
});
