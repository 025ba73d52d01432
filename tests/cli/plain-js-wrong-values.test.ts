/**
 * Issue 10, scope 4, end to end: wrong values from plain JavaScript compiled by real `kfp-ts`
 * processes — the built CLI (bin/kfp-ts.js → dist/cli.mjs) and the CLI from its TypeScript
 * sources through tsx. Each ends with exit code 1 and one diagnostic naming the user's file and
 * line (or task), never a stack trace, bundle source or an internal error; nothing is written. The
 * fuzz over every call site runs in-process: tests/unit/plain-js-fuzz.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';

const FIXTURE = 'tests/cli/fixtures/plain-js-wrong-values.js';
const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-wrong-values-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stack frame, Node's internals, the bundle (dist/, .mjs positions) or a minified source dump. */
const STACK = /^\s+at\s|node:internal|dist\/|\.mjs:\d|^\s*\^+\s*$/m;

/** The same command line through the CLI's TypeScript sources (tsx), as in development. */
function runFromSources(args: readonly string[]): CliResult {
  const main = pathToFileURL(path.join(REPO, 'src', 'cli', 'main.ts')).href;
  const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['node', 'kfp-ts', ...${JSON.stringify(args)}]);`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Case {
  readonly fn?: string;
  readonly file?: string;
  readonly code: string;
  /** The start of the one error line: the file and where in it. */
  readonly at: RegExp;
  readonly says: string;
}

const CASES: readonly Case[] = [
  { fn: 'fakeChannel', code: 'dsl/fake-kfp-ts-value', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 8:5: /, says: "task 'consume': the argument 'count' looks like a kfp-ts parameter" },
  { fn: 'taskAsComponent', code: 'dsl/wrong-value', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 13:5: /, says: "s.task()'s first argument must be a component or a pipeline; got a kfp-ts task" },
  { fn: 'throwingGetter', code: 'dsl/body-threw', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 19:13: /, says: 'the pipeline body threw: the token is not set' },
  { fn: 'throwingProxy', code: 'dsl/body-threw', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 26:11: /, says: 'the pipeline body threw: the proxy refuses' },
  { fn: 'wrongRetry', code: 'dsl/wrong-value', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 32:29: /, says: "task 'produce': withRetry() maxRetryCount must be a whole number >= 0; got the string \"three\"" },
  { fn: 'fakeCondition', code: 'dsl/fake-kfp-ts-value', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 36:5: /, says: "if()'s condition looks like a kfp-ts condition" },
  { fn: 'kubernetesOption', code: 'kubernetes/invalid-argument', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-values\.js: line 42:3: /, says: 'addNodeSelector(): labelKey must be a string; got the number 42' },
  { file: 'tests/cli/fixtures/plain-js-wrong-options.js', code: 'dsl/wrong-value', at: /^error: tests\/cli\/fixtures\/plain-js-wrong-options\.js: line 5:16: /, says: 'pipeline() needs a name (a string); got the number 42' },
];

describe.each([
  ['the built CLI (dist)', runCli],
  ['the CLI from its sources (tsx)', runFromSources],
] as const)('plain-JavaScript wrong values through %s', (_how, run) => {
  it.each(CASES.map((c) => [c.fn ?? path.basename(c.file!), c] as const))('%s: exit code 1, one diagnostic at the user line, no stack', (_name, c) => {
    const out = path.join(dir, `${c.fn ?? 'options'}-${run === runCli ? 'dist' : 'tsx'}.yaml`);
    const r = run(['compile', c.file ?? FIXTURE, ...(c.fn ? ['--function', c.fn] : []), '-o', out]);
    const lines = r.stderr.split('\n');
    expect(r.code, r.stderr).toBe(1);
    expect(lines[0], r.stderr).toMatch(c.at);
    expect(lines[0], r.stderr).toContain(c.says);
    expect(lines[0], r.stderr).toContain(`[${c.code}]`);
    expect(r.stderr, r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('internal error');
    // One short report: the error, the count, and that nothing was written.
    expect(r.stderr.length).toBeLessThan(1000);
    expect(existsSync(out)).toBe(false);
  });
});
