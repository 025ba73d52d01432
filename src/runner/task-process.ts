/**
 * One task attempt as a process: its own process group (so stopping it stops everything it
 * started), stdout and stderr appended to the task's log file as they come, a deadline (the
 * pod's activeDeadlineSeconds), and a stop that sends SIGTERM, then SIGKILL after a grace period.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface ProcessSpec {
  readonly command: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Appended to, never truncated: every attempt's output stays in one file. */
  readonly logFile: string;
  /** A line written to the log before the process starts (attempt header). */
  readonly header?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** How long a stopped process gets between SIGTERM and SIGKILL. */
  readonly graceMs?: number;
}

export interface ProcessOutcome {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** A start failure (command not found, …). */
  readonly error?: string;
}

export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const log = createWriteStream(spec.logFile, { flags: 'a' });
    if (spec.header !== undefined) log.write(spec.header);
    if (spec.signal?.aborted) {
      log.end(() => resolve({ exitCode: null, signal: null, timedOut: false, aborted: true }));
      return;
    }
    const [file, ...args] = spec.command;
    const child = spawn(file ?? 'false', args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let timedOut = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), spec.graceMs ?? 5000);
    };
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    const deadline =
      spec.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            stop();
          }, spec.timeoutMs)
        : undefined;
    let startError: string | undefined;
    child.on('error', (err) => {
      startError = err.message;
    });
    child.on('close', (exitCode, signal) => {
      if (deadline) clearTimeout(deadline);
      if (killTimer) clearTimeout(killTimer);
      spec.signal?.removeEventListener('abort', onAbort);
      // Whatever the task started in its group goes with it.
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      const outcome: ProcessOutcome = { exitCode, signal, timedOut, aborted, ...(startError !== undefined ? { error: startError } : {}) };
      if (startError !== undefined) log.write(`\n[kfp-ts] could not start ${file}: ${startError}\n`);
      log.end(() => resolve(outcome));
    });
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
