/**
 * `kfp-ts run --local` as a process, as a user runs it: JSON output and exit codes, plain
 * progress lines when stderr is not a terminal, warnings for settings with no local meaning,
 * secrets from --secret-env, the refusal when a container component has no Docker or Podman,
 * and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerComponent, pipeline, z } from '../../src/index.ts';
import { useSecretAsEnv, addNodeSelector } from '../../src/kubernetes/index.ts';
import { runCli } from '../support/cli.ts';
import { REPO } from '../support/repo.ts';
import { add, echo, fail, readEnv, waitForever } from './fixtures/components.ts';
import { TempRoot, VENV, compileText } from './support.ts';

const root = new TempRoot();
afterAll(() => root.remove());

async function yamlFile(name: string, p: Parameters<typeof compileText>[0]): Promise<string> {
  const file = root.path(`${name}.yaml`);
  writeFileSync(file, await compileText(p));
  return file;
}

const local = (file: string, ...more: string[]) => ['run', file, '--local', '--venv', VENV, '--pipeline-root', root.path('runs'), '--disable-caching', ...more];

describe('kfp-ts run --local', () => {
  it('prints the result as JSON with --format json and exits 0 on success, 1 on failure', async () => {
    const ok = await yamlFile('ok', pipeline({ name: 'ok', inputs: { n: z.int() }, outputs: { Output: z.int() } }, (p, s) => ({ Output: s.task(add, { a: p.n, b: 2 }).outputs.Output })));
    const r = runCli(local(ok, '--param', 'n=40', '--format', 'json'));
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ state: 'SUCCEEDED', outputs: { parameters: { Output: 42 } } });
    expect(existsSync(path.join(result.runDir, 'add', 'executor_input.json'))).toBe(true);
    expect(existsSync(path.join(result.runDir, 'add', 'log.txt'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(result.runDir, 'run.json'), 'utf8')).state).toBe('SUCCEEDED');
    // Not a terminal: one plain line per state change.
    expect(r.stderr).toMatch(/\+\S+ \S*\s+add {2}RUNNING/);
    expect(r.stderr).toMatch(/add {2}SUCCEEDED/);

    const bad = await yamlFile('bad', pipeline({ name: 'bad' }, (_p, s) => void s.task(fail, { message: 'broken on purpose' })));
    const f = runCli(local(bad));
    expect(f.code).toBe(1);
    expect(f.stdout).toMatch(/^Run FAILED/);
    expect(f.stdout).toMatch(/Failed: fail — exited with code 1/);
    // The failed task's log tail is shown.
    expect(f.stdout).toMatch(/\| .*broken on purpose/);
  });

  it('checks parameters before running, as the API server does', async () => {
    const ok = await yamlFile('params', pipeline({ name: 'params', inputs: { n: z.int() } }, (p, s) => void s.task(add, { a: p.n, b: 2 })));
    const r = runCli(local(ok, '--param', 'm=1'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run\/parameter-missing/);
    expect(r.stderr).toMatch(/run\/parameter-unknown|not declared|does not declare/);
  });

  it('warns about settings with no local meaning and maps secrets only from --secret-env', async () => {
    const p = pipeline({ name: 'settings', outputs: { Output: z.string() } }, (_p, s) => {
      const t = addNodeSelector(useSecretAsEnv(s.task(readEnv, { name: 'API_KEY' }), { secretName: 'api', secretKeyToEnv: { key: 'API_KEY' } }), { labelKey: 'gpu', labelValue: 'yes' }).withResources({ cpuLimit: '2' });
      return { Output: t.outputs.Output };
    });
    const file = await yamlFile('settings', p);
    const missing = runCli(local(file));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/secret "api".*--secret-env api=FILE.*\[runner\/secret-missing\]/);
    const secretDir = root.path('api-secret');
    mkdirSync(secretDir);
    writeFileSync(path.join(secretDir, 'key'), 'k-123');
    const r = runCli(local(file, '--secret-env', `api=${secretDir}`, '--format', 'json'), { env: { API_KEY: 'from-my-shell' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs.parameters).toEqual({ Output: 'k-123' });
    expect(r.stderr).toMatch(/warning: tasks\/read-env: node selector: no local meaning, ignored\. \[runner\/no-local-meaning\]/);
    expect(r.stderr).toMatch(/warning: tasks\/read-env: CPU, memory and accelerator settings have no local meaning/);
    // The secret reaches the task as an environment variable only, never its executor input.
    const runDir = JSON.parse(r.stdout).runDir as string;
    expect(readFileSync(path.join(runDir, 'read-env', 'executor_input.json'), 'utf8')).not.toContain('k-123');
  });

  it('refuses a wrong command line before reading the file: every flag problem at once, exit 2', () => {
    const r = runCli(['run', root.path('never-read.yaml'), '--local', '--venv', VENV, '--python', 'python3', '--artifact', 'data', '--secret-env', 'api', '--parallelism', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--parallelism: .* \[run\/invalid-number\]/);
    expect(r.stderr).toMatch(/--venv: Give --venv or --python, not both\. \[run\/conflicting-options\]/);
    expect(r.stderr).toMatch(/--artifact data: Write --artifact NAME=PATH .* \[run\/artifact-syntax\]/);
    expect(r.stderr).toMatch(/--secret-env api: Write --secret-env SECRET_NAME=FILE .* \[run\/secret-env-syntax\]/);
    expect(r.stderr).not.toMatch(/never-read/);
    for (const flags of [['--parallelism', 'abc'], ['--param', 'n']]) {
      const one = runCli(['run', root.path('never-read.yaml'), '--local', ...flags]);
      expect(one.code, flags.join(' ')).toBe(2);
    }
  });

  it('an input problem is exit 1 even beside a flag that is fine: a --secret-env file that cannot be read, a missing pipeline file', () => {
    const secret = runCli(['run', root.path('never-read.yaml'), '--local', '--secret-env', `api=${root.path('no-such-secret')}`]);
    expect(secret.code).toBe(1);
    expect(secret.stderr).toMatch(/\[run\/secret-env\]/);
    const missing = runCli(['run', root.path('no-such-pipeline.yaml'), '--local']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\[input\/unreadable\]/);
  });

  it('stops before starting when a container component has no Docker or Podman, naming the tasks', async () => {
    const shout = containerComponent({ name: 'shout', implementation: () => ({ image: 'alpine:3', command: ['echo'], args: ['hi'] }) });
    const file = await yamlFile('container', pipeline({ name: 'containers' }, (_p, s) => {
      const first = s.task(echo, { message: 'python runs as a process' });
      s.task(shout, {}).after(first);
    }));
    const runs = root.path('refused');
    // An empty PATH: no docker, no podman, whatever this machine has.
    const r = runCli(['run', file, '--local', '--venv', VENV, '--pipeline-root', runs], { env: { PATH: root.path('empty-path') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Task shout runs a container image, which needs Docker or Podman, and none answered \(docker: not installed; podman: not installed\)/);
    expect(r.stderr).toMatch(/\[runner\/container-engine-missing\]/);
    // Nothing started: no run directory.
    expect(existsSync(runs) ? readdirSync(runs) : []).toEqual([]);
  });

  it('Ctrl-C stops the running task, starts nothing more, exits 130 and leaves the run directory consistent', async () => {
    const marker = root.path('waiting.pid');
    const file = await yamlFile('interrupt', pipeline({ name: 'interrupt' }, (_p, s) => {
      const waiting = s.task(waitForever, { marker });
      s.task(echo, { message: 'after' }).after(waiting);
    }));
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'kfp-ts.js'), ...local(file)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const running = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/wait-forever {2}RUNNING/.test(stderr)) resolve();
      });
    });
    await running;
    for (let i = 0; i < 200 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(marker)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toMatch(/^Run CANCELED/);
    const runDir = /run directory: (\S+)/.exec(stdout)?.[1] ?? '';
    const run = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8'));
    expect(run.state).toBe('CANCELED');
    expect(Object.fromEntries(run.tasks.map((t: { path: string; state: string }) => [t.path, t.state]))).toEqual({ 'wait-forever': 'CANCELED', echo: 'CANCELED' });
    expect(JSON.parse(readFileSync(path.join(runDir, 'wait-forever', 'task.json'), 'utf8')).state).toBe('CANCELED');
    // The task's process is gone (given a moment to be reaped; a zombie counts as gone).
    const pid = Number(readFileSync(marker, 'utf8'));
    const alive = (): boolean => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  });
});
