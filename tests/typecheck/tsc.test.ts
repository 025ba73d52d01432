/** The whole project (sources, pipelines, tests, bench) type-checks under the strict tsconfig. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../support/repo.ts';

it('GIVEN the repository WHEN tsc checks it THEN there are no type errors', () => {
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', REPO], {
    encoding: 'utf8',
  });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
