/**
 * Virtual environments for lightweight Python tasks: one per distinct set of `pip install`s (the
 * component's packages_to_install, its pip index options, and kfp itself, exactly as the
 * component's prelude would install them in its container), created once under the cache
 * directory and reused by every task and run that needs the same set.
 *
 * Creation is safe across processes: the venv is built in place under a lock directory and
 * marked ready last, so a crashed or interrupted build is rebuilt, never used half-made.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipInstall } from './python-command.ts';

/** Where a task's `python3` comes from. */
export type PythonEnvironment =
  /** `bin/python3` of an existing venv, put first on PATH (`--venv`). */
  | { readonly kind: 'venv'; readonly dir: string }
  /** A given interpreter (`--python`), reached through a `python3` shim. */
  | { readonly kind: 'interpreter'; readonly python: string };

const READY = '.kfp-ts-ready';

export interface VenvManagerOptions {
  /** Directory that holds the cached venvs. */
  readonly cacheDir: string;
  /** Interpreter that creates them (default `python3` on PATH). */
  readonly basePython?: string;
  readonly onProgress?: (message: string) => void;
  /** Environment for pip (PATH, proxies, PIP_* settings). */
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
}

/** The cache key of a package set: the pip installs in order, and the base interpreter. */
export function venvKey(installs: readonly PipInstall[], basePython: string): string {
  const text = JSON.stringify({ basePython, installs: installs.map((i) => i.args) });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export class VenvManager {
  private readonly building = new Map<string, Promise<PythonEnvironment>>();

  constructor(private readonly options: VenvManagerOptions) {}

  /** The venv for a package set, created on first use. */
  environmentFor(installs: readonly PipInstall[]): Promise<PythonEnvironment> {
    const base = this.options.basePython ?? 'python3';
    const key = venvKey(installs, base);
    let pending = this.building.get(key);
    if (pending === undefined) {
      pending = this.ensure(key, installs, base);
      this.building.set(key, pending);
      // A failed build may be retried by a later task.
      pending.catch(() => this.building.delete(key));
    }
    return pending;
  }

  private async ensure(key: string, installs: readonly PipInstall[], base: string): Promise<PythonEnvironment> {
    const dir = path.join(this.options.cacheDir, key);
    if (existsSync(path.join(dir, READY))) return { kind: 'venv', dir };
    await mkdir(this.options.cacheDir, { recursive: true });
    const release = await acquireLock(`${dir}.lock`, this.options.signal);
    try {
      if (existsSync(path.join(dir, READY))) return { kind: 'venv', dir };
      const packages = installs.flatMap((i) => i.args.filter((a) => !a.startsWith('-')));
      this.options.onProgress?.(`creating a Python environment for ${packages.join(', ') || 'no packages'} in ${dir} (once; later runs reuse it)`);
      await rm(dir, { recursive: true, force: true });
      await this.exec(base, ['-m', 'venv', dir]);
      const python = path.join(dir, 'bin', 'python3');
      for (const install of installs) await this.exec(python, ['-m', 'pip', 'install', '--disable-pip-version-check', ...install.args]);
      await writeFile(path.join(dir, 'packages.json'), JSON.stringify({ basePython: base, installs: installs.map((i) => i.args) }, null, 2));
      await writeFile(path.join(dir, READY), new Date().toISOString());
      this.options.onProgress?.(`Python environment ready: ${dir}`);
      return { kind: 'venv', dir };
    } finally {
      await release();
    }
  }

  private exec(command: string, args: readonly string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: this.options.env ?? process.env, signal: this.options.signal });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', (err) => reject(new Error(`${command} ${args.join(' ')}: ${err.message}`)));
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.trim().split('\n').slice(-15).join('\n')}`));
      });
    });
  }
}

/** A lock directory holding the owner's pid; a lock whose owner is gone is taken over. */
async function acquireLock(lockDir: string, signal?: AbortSignal): Promise<() => Promise<void>> {
  for (;;) {
    signal?.throwIfAborted();
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, 'pid'), String(process.pid));
      return () => rm(lockDir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(await readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
