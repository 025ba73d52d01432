/**
 * Runs a command to completion and measures it from spawn to exit: wall time (what the user waits)
 * and CPU time (user + system of the child and its threads), which is the steadier number when other
 * processes compete for the cores.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessRun {
  readonly wallMs: number;
  /** NaN where /proc is unavailable (not Linux). */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * CPU time of this process's reaped children (cutime + cstime in /proc/self/stat), in ms. Linux
 * counts a child once it has been waited for, which libuv does before 'close' fires.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from 3 after the command name; clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

export function timedRun(command: string, args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpuMs = childrenCpuMs() - cpu0;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ wallMs, cpuMs, stdout, stderr });
    });
  });
}

export interface WorkerTimes {
  readonly wallMs: number[];
  readonly cpuMs: number[];
}

/** The `{ "wallMs": [...], "cpuMs": [...] }` line an in-process worker prints last. */
export function workerTimes(stdout: string): WorkerTimes {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(line) as Partial<WorkerTimes>;
  if (!Array.isArray(parsed.wallMs) || !Array.isArray(parsed.cpuMs)) throw new Error(`unexpected worker output: ${stdout.slice(-500)}`);
  return { wallMs: parsed.wallMs, cpuMs: parsed.cpuMs };
}
