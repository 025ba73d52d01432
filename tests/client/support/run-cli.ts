import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordPrintedCodes } from '../../support/produced-codes.ts';
import { REPO } from '../../support/repo.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `kfp-ts` in a child process without blocking this one — the fake servers these tests start
 * live in this process and must keep answering. The environment is scrubbed of KFP_* settings and
 * proxies, and HOME points at an empty directory, so nothing on the machine leaks into a test.
 */
export function runCliAsync(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(KFP_|KF_PIPELINES_)/.test(k) || /^(https?|no|all)_proxy$/i.test(k) || k === 'XDG_CONFIG_HOME') continue;
    clean[k] = v;
  }
  const home = mkdtempSync(path.join(tmpdir(), 'kfp-ts-home-'));
  clean['HOME'] = home;
  const removeHome = () => rmSync(home, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'kfp-ts.js'), ...args], { cwd: REPO, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (err) => {
      removeHome();
      reject(err);
    });
    child.on('close', (code) => {
      removeHome();
      recordPrintedCodes(stdout, stderr);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
