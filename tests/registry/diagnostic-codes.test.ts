/**
 * The registry check, run after every other test file (the `registry` project, last group): each
 * code in the registry (src/diagnostic-codes) was produced by some test of this run, and no test
 * produced a code outside it. Each test file's codes were recorded by tests/support/record-diagnostics.ts
 * (every Diagnostic the library made in its process, and every code a CLI process it ran printed).
 * The records are cleared when a run starts, so this needs the whole suite in one run: `npm test`
 * (or `npx vitest run`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostic-codes/index.ts';
import { PRODUCED_CODES_DIR } from '../support/produced-codes.ts';
import { REPO } from '../support/repo.ts';

interface Record {
  readonly file: string;
  readonly codes: readonly string[];
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'registry' ? [] : testFiles(full);
    return name.endsWith('.test.ts') ? [path.relative(REPO, full)] : [];
  });
}

function records(): Record[] {
  const dir = path.join(REPO, PRODUCED_CODES_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as Record);
}

test('GIVEN the whole suite has run WHEN its diagnostic codes are compared with the registry THEN each registered code was produced and none outside it', () => {
  const recorded = records();
  const missing = testFiles(path.join(REPO, 'tests')).filter((f) => !recorded.some((r) => r.file === f));
  expect(missing, 'test files without a record of their codes: this check needs the whole suite in one run (npm test)').toEqual([]);

  const produced = new Map<string, string[]>();
  for (const r of recorded) for (const code of r.codes) produced.set(code, [...(produced.get(code) ?? []), r.file]);
  const unregistered = [...produced].filter(([code]) => !Object.hasOwn(DIAGNOSTIC_CODES, code)).map(([code, files]) => `${code} (${files.join(', ')})`);
  expect(unregistered, 'codes produced by the suite that the registry (src/diagnostic-codes) does not have').toEqual([]);
  const unproduced = Object.keys(DIAGNOSTIC_CODES).filter((code) => !produced.has(code));
  expect(unproduced, 'registered codes no test produced: add a test that makes each, or remove the code').toEqual([]);
});
