/**
 * Every module `kfp-ts codegen` generated that the repository keeps — the seed components
 * (src/components/*.ts, from their Python files) and the test fixtures (from v1 component files)
 * — is what codegen writes today: `--check` run with the command line its own header gives, in its
 * folder, exits 0. A stale module fails the suite with the command that regenerates it;
 * UPDATE_GOLDEN=1 runs that command first.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { REPO } from '../support/repo.ts';
import { generatedModules, regenerateArgs, runCliAsync } from './support.ts';

describe('committed generated modules are fresh (kfp-ts codegen --check)', () => {
  const committed = generatedModules('src/components', 'tests/cross/fixtures/generated');

  it('finds the six seed components and the v1 fixtures among them', () => {
    const rel = committed.map((f) => path.relative(REPO, f).split(path.sep).join('/'));
    expect(rel.filter((f) => f.startsWith('src/components/'))).toHaveLength(6);
    expect(rel.filter((f) => f.startsWith('tests/cross/fixtures/generated/')).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of committed) {
    it(path.relative(REPO, file), async () => {
      if (UPDATE_GOLDEN) expect((await runCliAsync(regenerateArgs(file), { cwd: path.dirname(file) })).code).toBe(0);
      const r = await runCliAsync([...regenerateArgs(file), '--check'], { cwd: path.dirname(file) });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }
});
