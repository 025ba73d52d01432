import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KfpClient } from '../../src/client/kfp-client.ts';
import { publishPipeline } from '../../src/client/publish.ts';
import { ensureExperiment } from '../../src/client/experiments.ts';
import { followRun, submitRun, type RunEvent } from '../../src/client/runs.ts';
import { loadPipelinePackage, runPipelineSpec, type PipelinePackage } from '../../src/client/pipeline-file.ts';
import { REPO, sharedDir } from '../support/repo.ts';
import { FakeKfp } from './support/fake-kfp.ts';
import { SwaggerContract, parseMultipart } from './support/swagger-contract.ts';
import { runCliAsync } from './support/run-cli.ts';

/**
 * (b) Protocol: every request the client and the CLI send is checked against the official KFP
 * v2beta1 swagger by FakeKfp (tests/fixtures/kfp-swagger), not against the client's own types.
 */

const VALID = () => path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');
const MONITORING = () => path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');

function pkgOf(file: string): PipelinePackage {
  const loaded = loadPipelinePackage(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.pkg;
}

const fast = { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, readTimeoutMs: 60_000 } as const;

describe('the swagger contract itself (negative controls: the checker can fail)', () => {
  const contract = new SwaggerContract();
  const req = (method: string, url: string, body?: unknown, contentType = 'application/json') => ({
    method,
    url: new URL(url, 'http://x'),
    contentType,
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
  });

  it('GIVEN a CreateRun body with camelCase runtimeConfig WHEN checked THEN it is a violation', () => {
    const r = contract.checkRequest(req('POST', '/apis/v2beta1/runs', { display_name: 'x', runtimeConfig: { parameters: {} } }));
    expect(r.operation?.operationId).toBe('RunService_CreateRun');
    expect(r.problems.join('\n')).toMatch(/runtimeConfig/);
  });

  it('GIVEN an undeclared query parameter WHEN checked THEN it is a violation', () => {
    const r = contract.checkRequest(req('GET', '/apis/v2beta1/pipelines?pageSize=10'));
    expect(r.problems).toEqual(['PipelineService_ListPipelines: undeclared query parameter "pageSize"']);
  });

  it('GIVEN a filter that is not double-encoded and holds a % WHEN checked THEN it is a violation', () => {
    const single = new URLSearchParams({ filter: JSON.stringify({ predicates: [{ key: 'name', operation: 'EQUALS', string_value: '100%' }] }) });
    const r = contract.checkRequest(req('GET', `/apis/v2beta1/pipelines?${single}`));
    expect(r.problems.join('\n')).toMatch(/filter is not url-encoded JSON/);
  });

  it('GIVEN a filter on a key the server cannot filter by WHEN checked THEN it is a violation', () => {
    const f = encodeURIComponent(JSON.stringify({ predicates: [{ key: 'pipelineName', operation: 'EQUALS', string_value: 'a' }] }));
    const r = contract.checkRequest(req('GET', `/apis/v2beta1/pipelines?${new URLSearchParams({ filter: f })}`));
    expect(r.problems.join('\n')).toMatch(/not filterable/);
  });

  it('GIVEN an upload without the uploadfile field WHEN checked THEN it is a violation', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="p.yaml"\r\n\r\nx\r\n--b--\r\n');
    const r = contract.checkRequest({ method: 'POST', url: new URL('http://x/apis/v2beta1/pipelines/upload?name=a'), contentType: 'multipart/form-data; boundary=b', body });
    expect(r.problems).toEqual(['UploadPipeline: undeclared form field "file"', 'UploadPipeline: missing required form field "uploadfile"']);
  });
});

describe('client requests against the swagger-checked fake KFP', () => {
  let kfp: FakeKfp;
  let client: KfpClient;
  beforeEach(async () => {
    kfp = await new FakeKfp().start();
    client = new KfpClient({ host: kfp.url, ...fast });
  });
  afterEach(async () => {
    expect(kfp.violations).toEqual([]);
    await kfp.stop();
  });

  it('healthz, upload, re-upload as a version, unchanged re-upload, lists', async () => {
    const pkg = pkgOf(MONITORING());
    expect(await client.healthz()).toEqual({ multi_user: false, pipeline_store: 'database' });

    const first = await publishPipeline(client, { file: { content: pkg.bytes, filename: 'monitoring_pipeline.yaml' }, name: 'monitoring', sha256: pkg.sha256 });
    expect(first.outcome).toBe('created');
    expect(first.version.name).toBe('monitoring');
    const upload = kfp.requests.find((r) => r.operation === 'UploadPipeline');
    expect(upload?.url).toMatch(/[?&]name=monitoring(&|$)/);
    const parts = parseMultipart(upload?.body ?? Buffer.alloc(0), String(upload?.headers['content-type']));
    expect(parts.map((p) => [p.name, p.filename])).toEqual([['uploadfile', 'monitoring_pipeline.yaml']]);
    expect(parts[0]?.content.equals(Buffer.from(pkg.bytes))).toBe(true);

    // Same name, changed content: a new version named after the content.
    const changed = Buffer.from(`${pkg.text}\n# changed\n`);
    const second = await publishPipeline(client, { file: { content: changed, filename: 'monitoring_pipeline.yaml' }, name: 'monitoring', sha256: 'abcdef0123456789' });
    expect(second.outcome).toBe('versioned');
    expect(second.pipeline.pipeline_id).toBe(first.pipeline.pipeline_id);
    expect(second.version.name).toBe('sha256-abcdef012345');

    // Same content again: recognised, nothing uploaded.
    const uploadsBefore = kfp.count('UploadPipelineVersion');
    const third = await publishPipeline(client, { file: { content: changed, filename: 'monitoring_pipeline.yaml' }, name: 'monitoring', sha256: 'abcdef0123456789' });
    expect(third.outcome).toBe('unchanged');
    expect(kfp.count('UploadPipelineVersion')).toBe(uploadsBefore);
    expect(kfp.pipelines.size).toBe(1);
    expect(kfp.versions.size).toBe(2);

    const listed = await client.listPipelines({ pageSize: 10 });
    expect(listed.pipelines?.map((p) => p.name)).toEqual(['monitoring']);
  });

  it('--version on the first upload names the first version (kubeflow/pipelines#13753)', async () => {
    const pkg = pkgOf(path.join(VALID(), 'hello_world.yaml'));
    const res = await publishPipeline(client, { file: { content: pkg.bytes, filename: 'hello_world.yaml' }, name: 'hello', versionName: 'v1.0.0', sha256: pkg.sha256 });
    expect(res.outcome).toBe('created');
    expect(res.version.name).toBe('v1.0.0');
    expect(kfp.requests.map((r) => r.operation)).toEqual(['PipelineService_ListPipelines', 'PipelineService_CreatePipeline', 'PipelineService_ListPipelineVersions', 'UploadPipelineVersion']);
    // An explicit name that exists is refused before uploading.
    await expect(publishPipeline(client, { file: { content: pkg.bytes, filename: 'hello_world.yaml' }, name: 'hello', versionName: 'v1.0.0', sha256: pkg.sha256 })).rejects.toMatchObject({ code: 'client/conflict' });
    expect(kfp.count('UploadPipelineVersion')).toBe(1);
  });

  it('names with + and % survive the double-encoded filter', async () => {
    const pkg = pkgOf(path.join(VALID(), 'hello_world.yaml'));
    const name = 'a+b 100% done';
    await publishPipeline(client, { file: { content: pkg.bytes, filename: 'hello_world.yaml' }, name, sha256: pkg.sha256 });
    expect((await client.findPipelineByName(name))?.name).toBe(name);
    expect(await client.findPipelineByName('a b 100% done')).toBeUndefined();
  });

  it('experiment, run with typed parameters, follow to the end, list and get', async () => {
    const pkg = pkgOf(MONITORING());
    const { experiment, created } = await ensureExperiment(client, 'nightly');
    expect(created).toBe(true);
    expect((await ensureExperiment(client, 'nightly')).created).toBe(false);
    const params = { experiment_name: 'exp-1', training_data_path: 'gs://bucket/train.csv', n_estimators: 200 };
    const { run } = await submitRun(client, { experimentId: experiment.experiment_id, runName: 'nightly-1', pipelineSpec: runPipelineSpec(pkg), parameters: params });
    const create = kfp.requests.find((r) => r.operation === 'RunService_CreateRun');
    const body = JSON.parse(create?.body.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(body['runtime_config']).toEqual({ parameters: params });
    expect(body['experiment_id']).toBe(experiment.experiment_id);
    expect((body['pipeline_spec'] as Record<string, unknown>)['pipelineInfo']).toEqual({ description: 'Train, track, and monitor ML experiments', name: 'ml-experiment-monitoring' });

    const events: RunEvent[] = [];
    const final = await followRun(client, run.run_id, { intervalMs: 1, onEvent: (e) => events.push(e) });
    expect(final.state).toBe('SUCCEEDED');
    expect(events.filter((e) => e.kind === 'run-state').map((e) => e.state)).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expect(events.filter((e) => e.kind === 'task-state').map((e) => (e.kind === 'task-state' ? `${e.task}:${e.state}` : ''))).toEqual(['train-model:PENDING', 'train-model:RUNNING', 'train-model:SUCCEEDED']);

    const listed = await client.listRuns({ experimentId: experiment.experiment_id, pageSize: 5, sortBy: 'created_at desc' });
    expect(listed.runs?.map((r) => r.run_id)).toEqual([run.run_id]);
    expect((await client.getRun(run.run_id)).display_name).toBe('nightly-1');
  });

  it('a file with a platform document is sent as {pipeline_spec, platform_spec}', async () => {
    const file = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'kubernetes_platform_snapshot', 'config_map_as_env.yaml');
    const pkg = pkgOf(file);
    expect(pkg.platformSpec).toBeDefined();
    const { experiment } = await ensureExperiment(client, 'k8s');
    await submitRun(client, { experimentId: experiment.experiment_id, runName: 'k8s-1', pipelineSpec: runPipelineSpec(pkg), parameters: {} });
    const body = JSON.parse(kfp.requests.find((r) => r.operation === 'RunService_CreateRun')?.body.toString('utf8') ?? '{}') as { pipeline_spec: Record<string, unknown> };
    expect(Object.keys(body.pipeline_spec).sort()).toEqual(['pipeline_spec', 'platform_spec']);
    expect(Object.keys(body.pipeline_spec['platform_spec'] as object)).toEqual(['platforms']);
  });
});

describe('CLI commands against the swagger-checked fake KFP', () => {
  let kfp: FakeKfp;
  beforeEach(async () => {
    kfp = await new FakeKfp().start();
  });
  afterEach(async () => {
    expect(kfp.violations).toEqual([]);
    await kfp.stop();
  });

  it('upload, upload again, run --wait, runs list, runs get, pipelines list', async () => {
    const file = MONITORING();
    const up1 = await runCliAsync(['upload', file, '--host', kfp.url]);
    expect(up1.stderr).toBe('');
    expect(up1.code).toBe(0);
    expect(up1.stdout).toMatch(/^Created pipeline "ml-experiment-monitoring"\n {2}pipeline id: [0-9a-f-]{36}\n {2}version: {5}ml-experiment-monitoring \(id [0-9a-f-]{36}\)\n {2}link: {8}http:\/\/127\.0\.0\.1:\d+\/#\/pipelines\/details\/[0-9a-f-]{36}\/version\/[0-9a-f-]{36}\n$/);

    const up2 = await runCliAsync(['upload', file, '--host', kfp.url, '--version-name', 'v2', '--format', 'json']);
    expect(up2.code).toBe(0);
    expect(JSON.parse(up2.stdout)).toMatchObject({ outcome: 'versioned', pipeline_name: 'ml-experiment-monitoring', version_name: 'v2' });

    const run = await runCliAsync(['run', file, '--host', kfp.url, '--experiment', 'ci', '--param', 'experiment_name=e1', '--param', 'training_data_path=gs://b/t.csv', '--param', 'n_estimators=50', '--run-name', 'ci-1', '--wait', '--poll-interval', '0.01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Started run "ci-1"/);
    expect(run.stdout).toMatch(/Run SUCCEEDED in 1m23s/);
    expect(run.stdout).toMatch(/train-model\s+SUCCEEDED/);
    expect(run.stdout).toMatch(/Metrics: metric values are kept in ML Metadata, which did not answer/);
    expect(run.stderr).toMatch(/Created experiment "ci"/);
    expect(run.stderr).toMatch(/train-model {2}NEW → PENDING/);
    expect(run.stderr).toMatch(/train-model {2}RUNNING → SUCCEEDED/);
    const body = JSON.parse(kfp.requests.find((r) => r.operation === 'RunService_CreateRun')?.body.toString('utf8') ?? '{}') as { runtime_config: unknown };
    expect(body.runtime_config).toEqual({ parameters: { experiment_name: 'e1', training_data_path: 'gs://b/t.csv', n_estimators: 50 } });

    const list = await runCliAsync(['runs', 'list', '--host', kfp.url, '--experiment', 'ci']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^RUN ID\s+NAME\s+STATE\s+CREATED\s+DURATION\n[0-9a-f-]{36}\s+ci-1\s+SUCCEEDED\s+2026-01-01 \d\d:\d\d:\d\dZ\s+1m23s\n$/);

    const runId = [...kfp.runs.keys()][0] ?? '';
    const get = await runCliAsync(['runs', 'get', runId, '--host', kfp.url, '--format', 'json']);
    expect(get.code).toBe(0);
    expect(JSON.parse(get.stdout)).toMatchObject({ run_id: runId, state: 'SUCCEEDED', display_name: 'ci-1' });

    const pl = await runCliAsync(['pipelines', 'list', '--host', kfp.url]);
    expect(pl.code).toBe(0);
    expect(pl.stdout).toMatch(/^PIPELINE ID\s+NAME\s+CREATED\s+NAMESPACE\s+DESCRIPTION\n[0-9a-f-]{36}\s+ml-experiment-monitoring\s+2026-01-01 \d\d:\d\d:\d\dZ\s+\(shared\)\n$/);
  });

  it('a .ts pipeline is compiled, then uploaded as <stem>.yaml', async () => {
    const up = await runCliAsync(['upload', path.join(REPO, 'pipelines', 'monitoring_pipeline.ts'), '--host', kfp.url, '--format', 'json']);
    expect(up.stderr).toBe('');
    expect(JSON.parse(up.stdout)).toMatchObject({ outcome: 'created', pipeline_name: 'ml-experiment-monitoring' });
    const upload = kfp.requests.find((r) => r.operation === 'UploadPipeline');
    const [part] = parseMultipart(upload?.body ?? Buffer.alloc(0), String(upload?.headers['content-type']));
    expect(part?.filename).toBe('monitoring_pipeline.yaml');
    expect(part?.content.toString('utf8')).toMatch(/^# PIPELINE DEFINITION\n# Name: ml-experiment-monitoring\n/);
  });

  it('run refuses bad parameters with one message per problem and sends nothing', async () => {
    const r = await runCliAsync(['run', MONITORING(), '--host', kfp.url, '--experiment', 'ci', '--param', 'n_estimators=many', '--param', 'model_typ=svm']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/parameters\/experiment_name: .* is required.*\[run\/parameter-missing\]$/),
      expect.stringMatching(/parameters\/n_estimators: Parameter "n_estimators" must be a number \(NUMBER_INTEGER\), but the value is a string: "many"\. \[run\/parameter-type\]$/),
      expect.stringMatching(/parameters\/training_data_path: .* is required.*\[run\/parameter-missing\]$/),
      expect.stringMatching(/parameters\/model_typ: The pipeline has no parameter "model_typ"\. Did you mean "model_type"\?.*\[run\/parameter-unknown\]$/),
    ]);
    expect(kfp.requests).toEqual([]);
  });
});
