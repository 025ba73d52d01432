/**
 * Setup file of the unit and integration projects: records the code of every Diagnostic made
 * while a test file runs (the library makes each through `diagnostic()` or `warning()`, wrapped
 * here) and writes the file's codes to test-artifacts/diagnostic-codes, where the registry test
 * (tests/registry) compares them with the registry.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, vi } from 'vitest';
import { PRODUCED_CODES_DIR, producedCodes } from './produced-codes.ts';
import { REPO } from './repo.ts';

vi.mock('../../src/diagnostics.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/diagnostics.ts')>();
  const { producedCodes: codes } = await import('./produced-codes.ts');
  return {
    ...original,
    diagnostic: (...args: Parameters<typeof original.diagnostic>) => {
      codes.add(args[0]);
      return original.diagnostic(...args);
    },
    warning: (...args: Parameters<typeof original.warning>) => {
      codes.add(args[0]);
      return original.warning(...args);
    },
  };
});

/** Writes this file's record: once now (a file whose tests are all skipped still has one), again after its tests. */
function writeRecord(): void {
  const testPath = expect.getState().testPath;
  if (!testPath) return;
  const file = path.relative(REPO, testPath);
  const dir = path.join(REPO, PRODUCED_CODES_DIR);
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(file).digest('hex').slice(0, 16);
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ file, codes: [...producedCodes].sort() })}\n`);
}

writeRecord();
afterAll(writeRecord);
