/**
 * `npm run mutate [-- <folder>...]`: StrykerJS (stryker.config.mjs) over src/compiler, src/emit,
 * src/validate and src/dsl, or over the folders named, one run per folder, one after the other;
 * then the mutation score per folder (scripts/mutation-score.ts). Reports: test-artifacts/mutation/
 * <folder>/index.html and mutation.json. KFP_TS_MUTATE_CONCURRENCY sets the test runners (1 or 2
 * on a shared two-core machine). Long: run it in the background, never in CI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutationScores } from './mutation-score.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['compiler', 'emit', 'validate', 'dsl'];

const asked = process.argv.slice(2).map((a) => a.replace(/^src\//, '').replace(/\/+$/, ''));
const unknown = asked.filter((a) => !FOLDERS.includes(a));
if (unknown.length) {
  console.error(`npm run mutate: unknown folder ${unknown.join(', ')}; the folders are ${FOLDERS.join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const folder of asked.length ? asked : FOLDERS) {
  console.log(`\n== mutation testing src/${folder}`);
  const stryker = path.join(REPO, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const r = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs'], { cwd: REPO, stdio: 'inherit', env: { ...process.env, KFP_TS_MUTATE: folder } });
  if (r.status !== 0) {
    console.error(`StrykerJS failed on src/${folder} (exit ${r.status ?? r.signal}).`);
    failed = true;
  }
}
console.log(`\n== mutation score per folder\n${mutationScores() ?? 'no report'}`);
process.exit(failed ? 1 : 0);
