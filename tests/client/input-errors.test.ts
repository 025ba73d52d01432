/**
 * Problems with what the user hands the client and the server commands — a flag, a file, a config —
 * each a diagnostic with its own code, caught before anything is sent (or, for a 400, reported
 * with the server's words). The CLI runs as a process against the swagger-checked fake KFP.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KfpError } from '../../src/client/errors.ts';
import { KfpClient } from '../../src/client/kfp-client.ts';
import { loadPipelinePackage } from '../../src/client/pipeline-file.ts';
import { publishPipeline } from '../../src/client/publish.ts';
import { sharedDir } from '../support/repo.ts';
import { FakeKfp } from './support/fake-kfp.ts';
import { runCliAsync } from './support/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-input-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

const MONITORING = (): string => path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');

async function kfpError(p: Promise<unknown>): Promise<KfpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KfpError) return err;
    throw err;
  }
  throw new Error('expected a KfpError, but the call succeeded');
}

describe('a compiled pipeline file that is not one', () => {
  it('GIVEN broken YAML, a document without root, and a second document that is not a mapping WHEN loaded THEN each has its own code', () => {
    const codes = (text: string) => {
      const r = loadPipelinePackage(text, 'p.yaml');
      return r.ok ? [] : r.diagnostics.map((d) => d.code);
    };
    expect(codes('root: [unclosed\n')).toEqual(['pipeline-file/yaml']);
    expect(codes('pipelineInfo:\n  name: x\n')).toEqual(['pipeline-file/not-ir']);
    expect(codes(`${readFileSync(MONITORING(), 'utf8')}\n---\n- a list\n`)).toEqual(['pipeline-file/platform-spec']);
  });
});

describe('client calls refused before or by the server', { timeout: 30_000 }, () => {
  let kfp: FakeKfp;
  beforeEach(async () => {
    kfp = await new FakeKfp().start();
  });
  afterEach(async () => {
    await kfp.stop();
  });

  it('GIVEN an empty pipeline name WHEN published THEN client/invalid-input, and nothing is sent', async () => {
    const loaded = loadPipelinePackage(readFileSync(MONITORING(), 'utf8'));
    if (!loaded.ok) throw new Error('fixture');
    const e = await kfpError(publishPipeline(new KfpClient({ host: kfp.url }), { file: { content: loaded.pkg.bytes, filename: 'm.yaml' }, name: ' ', sha256: loaded.pkg.sha256 }));
    expect(e.code).toBe('client/invalid-input');
    expect(e.toDiagnostic().path).toEqual(['UploadPipeline']);
    expect(kfp.requests).toEqual([]);
  });

  it('GIVEN a server answering 400 WHEN listing THEN client/bad-request with what the server said', async () => {
    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'status', status: 400, body: '{"code":3,"message":"invalid page token","details":[]}', times: 1 });
    const e = await kfpError(new KfpClient({ host: kfp.url }).listPipelines());
    expect(e.code).toBe('client/bad-request');
    expect(e.message).toContain('invalid page token');
  });

  it('GIVEN a token file that does not exist, or is empty WHEN a call is made THEN client/credential-unreadable names the file', async () => {
    const missing = path.join(dir, 'no-token');
    const empty = file('empty-token', '\n');
    for (const tokenFile of [missing, empty]) {
      const client = new KfpClient({ host: kfp.url, credentials: { bearer: { kind: 'token-file', path: tokenFile, origin: '--token-file' } } });
      const e = await kfpError(client.listPipelines());
      expect(e.code, tokenFile).toBe('client/credential-unreadable');
      expect(e.message, tokenFile).toContain(tokenFile);
    }
  });
});

describe('server commands refusing their input', { timeout: 60_000 }, () => {
  let kfp: FakeKfp;
  beforeEach(async () => {
    kfp = await new FakeKfp().start();
  });
  afterEach(async () => {
    expect(kfp.violations).toEqual([]);
    await kfp.stop();
  });

  /**
   * The exit code (2 for a wrong command line, 1 for wrong input), each expected code on stderr.
   * Each test also checks that nothing was sent to the server where nothing should be.
   */
  async function refused(exit: 1 | 2, args: readonly string[], codes: readonly string[]): Promise<string> {
    const r = await runCliAsync([...args, '--host', kfp.url]);
    expect(r.code, r.stderr).toBe(exit);
    for (const code of codes) expect(r.stderr, code).toContain(`[${code}]`);
    return r.stderr;
  }
  const USAGE = 2;
  const INPUT = 1;

  it('GIVEN a --param without =, an unreadable and a non-object --params-file, and a bad --timeout WHEN run THEN each is reported and nothing is sent', async () => {
    await refused(USAGE, ['run', MONITORING(), '--experiment', 'ci', '--param', 'n_estimators'], ['run/param-syntax']);
    await refused(INPUT, ['run', MONITORING(), '--experiment', 'ci', '--params-file', path.join(dir, 'absent.json')], ['run/params-file']);
    await refused(INPUT, ['run', MONITORING(), '--experiment', 'ci', '--params-file', file('list.json', '[1, 2]')], ['run/params-file']);
    const params = ['--param', 'experiment_name=e', '--param', 'training_data_path=gs://b/t.csv'];
    await refused(USAGE, ['run', MONITORING(), '--experiment', 'ci', ...params, '--wait', '--timeout', 'soon'], ['run/invalid-number']);
    const interval = await refused(USAGE, ['run', MONITORING(), '--experiment', 'ci', ...params, '--wait', '--poll-interval', 'x'], ['run/invalid-number']);
    expect(interval).toContain('error: --poll-interval: --poll-interval takes a positive number of seconds, not "x". [run/invalid-number]');
    expect(kfp.requests).toEqual([]);
  });

  it('GIVEN a wrong flag value beside an input problem WHEN run THEN both are reported and the exit code is the command line\'s', async () => {
    const stderr = await refused(USAGE, ['run', path.join(dir, 'absent.yaml'), '--experiment', 'ci', '--timeout', 'soon'], ['run/invalid-number']);
    // The flags are checked first: the pipeline file is not read while the command line is wrong.
    expect(stderr).not.toContain('absent.yaml');
    const both = await refused(USAGE, ['run', MONITORING(), '--experiment', 'ci', '--param', 'n_estimators', '--params-file', path.join(dir, 'absent.json')], ['run/param-syntax']);
    expect(both).not.toContain('[run/params-file]');
    expect(kfp.requests).toEqual([]);
  });

  it('GIVEN a missing file, a file of another kind, and a pipeline without a name WHEN uploaded THEN each has its own code and nothing is sent', async () => {
    await refused(INPUT, ['upload', path.join(dir, 'absent.yaml')], ['input/unreadable']);
    await refused(USAGE, ['upload', file('notes.txt', 'hello')], ['input/extension']);
    const spec = readFileSync(MONITORING(), 'utf8').replace(/^pipelineInfo:\n(  .*\n)+/m, '');
    await refused(INPUT, ['upload', file('nameless.yaml', spec)], ['upload/no-name']);
    expect(kfp.requests).toEqual([]);
  });

  it('GIVEN a config file that is not YAML WHEN any server command runs THEN config/parse names the file', async () => {
    const stderr = await refused(INPUT, ['pipelines', 'list', '--config', file('config.yaml', 'host: [unclosed\n')], ['config/parse']);
    expect(stderr).toContain('config.yaml');
  });

  it('GIVEN --limit out of range or a timeout that is no number WHEN pipelines, experiments or recurring runs are listed THEN a command-line error', async () => {
    await refused(USAGE, ['pipelines', 'list', '--limit', '5000'], ['pipelines/invalid-limit']);
    await refused(USAGE, ['experiments', 'list', '--limit', '0'], ['experiments/invalid-limit']);
    await refused(USAGE, ['recurring-runs', 'list', '--limit', '1e2'], ['recurring-runs/invalid-limit']);
    await refused(USAGE, ['runs', 'list', '--limit', 'all'], ['runs/invalid-limit']);
    await refused(USAGE, ['pipelines', 'list', '--connect-timeout', 'abc', '--retries', '99'], ['connection/invalid-number']);
    expect(kfp.requests).toEqual([]);
  });

  it('GIVEN neither or both of an id and --name, no pipeline for a schedule, or a delete without --yes off a terminal WHEN run THEN a command-line error, nothing changed', async () => {
    await refused(USAGE, ['experiments', 'get'], ['cli/id-or-name']);
    await refused(USAGE, ['pipelines', 'get', 'some-id', '--name', 'also-a-name'], ['cli/id-or-name']);
    await refused(USAGE, ['recurring-runs', 'create', '--name', 'n', '--experiment', 'e', '--cron', '0 0 9 * * *'], ['recurring-runs/pipeline-source']);
    await refused(USAGE, ['recurring-runs', 'create', MONITORING(), '--name', 'n', '--experiment', 'e'], ['recurring-runs/invalid-schedule']);
    expect(kfp.requests).toEqual([]);
    // Deleting asks first; with stdin not a terminal it refuses without sending a DELETE.
    const uploaded = await runCliAsync(['upload', MONITORING(), '--host', kfp.url, '--format', 'json']);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    const id = (JSON.parse(uploaded.stdout) as { pipeline_id: string }).pipeline_id;
    await refused(USAGE, ['pipelines', 'delete', id], ['cli/needs-confirmation']);
    expect(kfp.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('GIVEN --name or --experiment naming nothing on the server WHEN looked up THEN pipelines/not-found, recurring-runs/no-experiment', async () => {
    await refused(INPUT, ['pipelines', 'get', '--name', 'nowhere'], ['pipelines/not-found']);
    await refused(INPUT, ['recurring-runs', 'list', '--experiment', 'nowhere'], ['recurring-runs/no-experiment']);
  });

  it('GIVEN an experiment that does not exist WHEN its runs are listed THEN runs/no-experiment', async () => {
    await refused(INPUT, ['runs', 'list', '--experiment', 'nowhere'], ['runs/no-experiment']);
  });
});
