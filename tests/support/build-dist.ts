/**
 * vitest globalSetup of the integration project: the tests run the CLI as users do, through
 * bin/kfp-ts.js, which runs the bundle in dist/. Builds dist/ once before them when src/ changed
 * since the last build (`scripts/build.ts --if-stale`), so no test runs a stale CLI and the pack
 * in tests/package finds dist/ fresh instead of rebuilding it under the other tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './repo.ts';

export default function setup(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'build.ts'), '--if-stale'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building dist/ failed (node --import tsx scripts/build.ts):\n${r.stdout}${r.stderr}`);
}
