/**
 * Issue 2, "Bad input": each mistake gives a short message naming the file and the task/input,
 * exit code 1, no stack trace, no output file, and an existing output file left untouched.
 * Real processes: `node bin/kfp-ts.js compile …` through runCli.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';

const FIXTURES = path.join(REPO, 'tests', 'cli', 'fixtures');
const rel = (f: string) => path.relative(REPO, path.join(FIXTURES, f));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kfp-ts-cli-'));
  dirs.push(d);
  return d;
}

/** A stack trace line as Node prints it (`    at fn (file:line:col)`), or Node's internals. */
const STACK = /^\s+at\s.+(:\d+:\d+\)?|<anonymous>\)?)$|node:internal/m;

interface Case {
  readonly what: string;
  readonly file: string;
  /** The diagnostic code in the message. */
  readonly code: string;
  /** Text that must appear: the file named, and the task / input path. */
  readonly mentions: readonly string[];
}

const CASES: readonly Case[] = [
  {
    what: 'a pipeline file that throws while it is imported',
    file: 'throws-on-import.ts',
    code: 'cli/module-threw',
    mentions: ['throws-on-import.ts', 'line 6:', 'cannot reach the settings service'],
  },
  {
    what: 'a pipeline body that throws when it is built',
    file: 'body-throws.ts',
    code: 'dsl/body-threw',
    mentions: ['tests/cli/fixtures/body-throws.ts: line 7:9: ', 'the body gave up'],
  },
  {
    what: 'a cycle through .after()',
    file: 'cycle.ts',
    code: 'graph/cycle',
    mentions: ['cycle.ts', 'cli-cycle/produce', 'produce → consume → produce'],
  },
  {
    what: 'a wrong-typed argument passed from plain JavaScript',
    file: 'wrong-type.js',
    code: 'task/type-mismatch',
    mentions: ['wrong-type.js', 'cli-wrong-type/consume/inputs/count'],
  },
  {
    what: 'an invalid pipeline name',
    file: 'bad-name.ts',
    code: 'pipeline/invalid-name',
    mentions: ['bad-name.ts', 'My Pipeline/name', "'My Pipeline'"],
  },
  {
    what: 'a Python signature that disagrees with its declaration',
    file: 'signature-mismatch.ts',
    code: 'python/signature-mismatch',
    mentions: ['scale.py', 'cli-signature/scale/component/scale/factor'],
  },
  {
    what: 'a pipeline file that does not exist',
    file: 'no-such-pipeline.ts',
    code: 'cli/file-missing',
    mentions: ['no-such-pipeline.ts'],
  },
  {
    what: 'a directory given as the pipeline file',
    file: '.',
    code: 'cli/not-a-file',
    mentions: ['tests/cli/fixtures: not a file'],
  },
  {
    what: 'a compiled pipeline given instead of its source',
    file: 'compiled.yaml',
    code: 'cli/not-a-pipeline-source',
    mentions: ['compiled.yaml', 'compile takes the .ts file'],
  },
  {
    what: 'a pipeline file that exports no pipeline or component',
    file: 'no-pipeline.ts',
    code: 'cli/no-pipeline',
    mentions: ['no-pipeline.ts', 'exports no pipeline or component'],
  },
  {
    what: "a component whose Python source file does not exist (naming the task that needs it)",
    file: 'missing-source.ts',
    code: 'python/source-unreadable',
    mentions: ['ghost.py', 'cli-missing-source/ghost'],
  },
  {
    what: 'a pipeline file with a syntax error',
    file: 'syntax-error.js',
    code: 'cli/module-unreadable',
    mentions: ['syntax-error.js', 'line 5:10', 'could not be bundled'],
  },
  {
    what: 'a pipeline file importing a package that is not installed',
    file: 'missing-package.js',
    code: 'cli/module-unreadable',
    mentions: ['missing-package.js', 'line 2:', 'Could not resolve "kfp-ts-fixture-no-such-package"', 'installed'],
  },
  {
    what: 'an unknown output name read in plain JavaScript',
    file: 'unknown-output.js',
    code: 'task/unknown-output',
    mentions: ['unknown-output.js', 'cli-unknown-output/consume/inputs/data', 'dataset'],
  },
];

/** The common promises of a user error: exit 1, a short message, no stack, nothing on stdout about writing. */
function expectUserError(r: CliResult, out: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(4);
  expect(r.stdout).not.toContain('wrote');
  expect(r.stderr).toContain(`${out} was not written`);
}

describe('kfp-ts compile: bad input', () => {
  for (const c of CASES) {
    it(`${c.what}: exit 1, ${c.code}, the file and task named, no output written or touched`, () => {
      const dir = freshDir();
      // GIVEN no output file yet
      const out = path.join(dir, 'out.yaml');
      // WHEN compiling
      const r1 = runCli(['compile', rel(c.file), '-o', out]);
      // THEN it is a user error and no file appears (not even a temporary one)
      expectUserError(r1, out);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);

      // GIVEN an existing output file with known bytes and an old mtime
      const existing = path.join(dir, 'existing.yaml');
      const before = Buffer.from('# an earlier compile\nkeep: me\n\u00e9\r\n', 'utf8');
      writeFileSync(existing, before);
      const old = new Date('2020-01-02T03:04:05Z');
      utimesSync(existing, old, old);
      // WHEN compiling onto it
      const r2 = runCli(['compile', rel(c.file), '-o', existing]);
      // THEN it is left byte-for-byte as it was, untouched, with nothing beside it
      expectUserError(r2, existing);
      expect(readFileSync(existing).equals(before)).toBe(true);
      expect(statSync(existing).mtime.getTime()).toBe(old.getTime());
      expect(readdirSync(dir)).toEqual(['existing.yaml']);

      // and the message carries the code, the file and the task/input
      expect(r1.stderr).toContain(`[${c.code}]`);
      for (const m of c.mentions) expect(r1.stderr).toContain(m);
    });
  }
});

describe('kfp-ts compile: an output that cannot be written', () => {
  it('GIVEN an output path in a directory that does not exist WHEN compiling THEN cli/write-failed names it, exit 1, and nothing is written', () => {
    const dir = freshDir();
    const out = path.join(dir, 'missing-dir', 'out.yaml');
    const r = runCli(['compile', rel('ok.ts'), '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toContain(`${out}: cannot write it`);
    expect(r.stderr).toContain('[cli/write-failed]');
    expect(readdirSync(dir)).toEqual([]);
  });
});
