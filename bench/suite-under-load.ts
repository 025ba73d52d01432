/**
 * `npm run bench:load [-- N]`: the whole suite (`npm test`) N times (default 3) on this machine
 * while a second full suite runs beside it the whole time, in a worktree of the same commit; then
 * one line, `suite under load: K/N runs passed (beside them M complete neighbour runs, P passed)`. It shows that no
 * test depends on wall-clock time under load (tests/README.md). A benchmark, not part of CI: each
 * run takes 10 to 30 minutes on two cores.
 *
 * `--fast` runs `npm run test:fast` instead (and the neighbour the same), a few minutes a run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const script = fast ? ['run', 'test:fast'] : ['test'];

/**
 * A detached worktree of HEAD with this repository's node_modules and venv, and ../shared beside
 * it as beside this repository, for the neighbour.
 */
function neighbourTree(): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'kfp-ts-load-'));
  symlinkSync(path.resolve(REPO, '..', 'shared'), path.join(parent, 'shared'));
  const dir = path.join(parent, 'tree');
  const r = spawnSync('git', ['worktree', 'add', '--detach', dir, 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git worktree add failed: ${r.stderr}`);
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  symlinkSync(path.join(REPO, '.venv'), path.join(dir, '.venv'));
  return dir;
}

const tree = neighbourTree();
let neighbourRuns = 0;
let neighbourPassed = 0;
let stopping = false;
let neighbour: ChildProcess | undefined;

/** The neighbour suite, started again each time it ends, until the measured runs are done. */
function startNeighbour(): void {
  if (stopping) return;
  neighbour = spawn('npm', script, { cwd: tree, stdio: 'ignore', detached: true });
  neighbour.once('exit', (status) => {
    // The run stopped at the end is not counted.
    if (stopping) return;
    neighbourRuns++;
    if (status === 0) neighbourPassed++;
    startNeighbour();
  });
}

function stopNeighbour(): void {
  stopping = true;
  if (neighbour?.pid !== undefined && neighbour.exitCode === null) {
    try {
      process.kill(-neighbour.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: REPO });
  rmSync(path.dirname(tree), { recursive: true, force: true });
}

process.once('SIGINT', () => {
  stopNeighbour();
  process.exit(130);
});

/** One measured run of the suite; the event loop stays free, so the neighbour keeps restarting. */
function measuredRun(): Promise<{ status: number | null; last: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', script, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    });
    child.stderr.resume();
    child.once('exit', (status) => resolve({ status, last: tail.trimEnd().split('\n').at(-1) ?? '' }));
  });
}

startNeighbour();
let passed = 0;
try {
  for (let i = 1; i <= n; i++) {
    const started = Date.now();
    const r = await measuredRun();
    const ok = r.status === 0;
    if (ok) passed++;
    console.log(`run ${i}/${n}: ${ok ? 'passed' : `FAILED (exit ${r.status})`} in ${Math.round((Date.now() - started) / 60_000)} min — ${r.last}`);
  }
} finally {
  stopNeighbour();
}
console.log(`suite under load: ${passed}/${n} runs passed (beside them ${neighbourRuns} complete neighbour runs, ${neighbourPassed} passed)`);
process.exit(passed === n ? 0 : 1);
