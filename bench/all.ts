/**
 * `npm run bench`: the compile benchmark (bench/compile-bench.ts), then the local runner benchmark
 * (bench/run-local-bench.ts). `--only compile` or `--only local` runs one. Arguments go to the
 * compile benchmark as before (`npm run bench -- --quick`, `-- --validate-only`), which then runs
 * alone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--only');
const only = at >= 0 ? args.splice(at, 2)[1] : undefined;
const run = (script: string, rest: readonly string[]): number =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...rest], { stdio: 'inherit' }).status ?? 1;
let status = 0;
if (only !== 'local') status ||= run('compile-bench.ts', args);
if (only === 'local' || (only === undefined && args.length === 0)) status ||= run('run-local-bench.ts', []);
process.exit(status);
