import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { recordPrintedCodes } from './produced-codes.ts';
import { REPO } from './repo.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kfp-ts` as a user would: a separate Node process through bin/kfp-ts.js. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'kfp-ts.js'), ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  recordPrintedCodes(r.stdout, r.stderr);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
