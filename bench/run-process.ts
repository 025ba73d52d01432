/** Runs a command to completion and times it from spawn to exit (the user's wall-clock wait). */
import { spawn } from 'node:child_process';

export interface ProcessRun {
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function timedRun(command: string, args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ ms, stdout, stderr });
    });
  });
}

/** The `{ "ms": [...] }` line an in-process worker prints last. */
export function workerTimes(stdout: string): number[] {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(line) as { ms?: unknown };
  if (!Array.isArray(parsed.ms)) throw new Error(`unexpected worker output: ${stdout.slice(-500)}`);
  return parsed.ms as number[];
}
