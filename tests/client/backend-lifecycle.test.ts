/**
 * Every experiments / pipelines / runs / recurring-runs command, as a process, against the real KFP
 * API server (tests/backend `apiserver`: the backend's own v2beta1 handlers on its fake resource
 * manager). Each step's effect is checked on the server through its REST API, not through the
 * command under test. A bearer token and a session cookie are set on every command, and no output
 * may contain them.
 *
 * What the fake resource manager can and cannot do decides what is tested (tests/backend/README.md):
 * created Argo workflows never run, so a run stays PENDING until this test reports a workflow the
 * way the persistence agent does (ReportService); terminate marks it CANCELING; retry needs a
 * FAILED run whose workflow the server kept. Its ScheduledWorkflow client gives every recurring
 * run the same id, so one recurring run exists at a time. Each block starts a server of its own,
 * so the fake resource manager's counters start from zero.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportBackendCount, type ApiServer } from '../support/backend.ts';
import { sharedDir } from '../support/repo.ts';
import { useApiServer } from '../support/use-api-server.ts';
import { runCliAsync, type CliRun } from './support/run-cli.ts';

const TOKEN = 'lifecycle-secret-token-4b1d';
const COOKIE_VALUE = 'lifecycle-cookie-9e27c0';
const HELLO = () => path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid', 'hello_world.yaml');
const MONITORING = () => path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');
const MONITORING_PARAMS = ['--param', 'experiment_name=nightly', '--param', 'training_data_path=gs://bucket/train.csv'];

type Json = Record<string, any>;
const outputs: CliRun[] = [];

async function cli(server: ApiServer, args: readonly string[]): Promise<CliRun> {
  const run = await runCliAsync(args, { KFP_HOST: server.url, KFP_TOKEN: TOKEN, KFP_COOKIE: `oauth2_proxy_kubeflow=${COOKIE_VALUE}` });
  outputs.push(run);
  return run;
}

async function ok(server: ApiServer, args: readonly string[]): Promise<CliRun> {
  const run = await cli(server, args);
  expect(run.code, `kfp-ts ${args.join(' ')}\n${run.stderr}\n--- server log ---\n${server.logs().slice(-3000)}`).toBe(0);
  return run;
}

async function okJson(server: ApiServer, args: readonly string[]): Promise<Json> {
  return JSON.parse((await ok(server, [...args, '--format', 'json'])).stdout) as Json;
}

/** The server's own answer, read with fetch: independent of the client and the CLI under test. */
async function api(server: ApiServer, method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${server.url}/apis/v2beta1${route}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}

async function apiGet(server: ApiServer, route: string): Promise<Json> {
  const res = await api(server, 'GET', route);
  expect(res.status, `GET ${route}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

describe('experiments against the real API server', () => {
  const server = useApiServer();

  it('create → list → get → archive → unarchive → delete, the server checked after each step; 404 and 409 explained', async () => {
    const s = server();
    const created = await okJson(s, ['experiments', 'create', 'lifecycle', '--description', 'made by the test']);
    const id = created['experiment_id'] as string;
    expect(await apiGet(s, `/experiments/${id}`)).toMatchObject({ display_name: 'lifecycle', description: 'made by the test', storage_state: 'AVAILABLE' });

    const again = await cli(s, ['experiments', 'create', 'lifecycle']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`An experiment named "lifecycle" already exists (id ${id}); experiment names are unique. [client/conflict]`);
    const named = (await apiGet(s, '/experiments')).experiments.filter((e: Json) => e.display_name === 'lifecycle');
    expect(named).toHaveLength(1);

    const listed = await okJson(s, ['experiments', 'list']);
    const onServer = (await apiGet(s, '/experiments?page_size=100')).experiments as Json[];
    expect(listed['experiments'].map((e: Json) => e.experiment_id).sort()).toEqual(onServer.map((e) => e.experiment_id).sort());
    expect(listed['experiments'].map((e: Json) => e.display_name)).toContain('lifecycle');
    expect((await ok(s, ['experiments', 'list'])).stdout).toMatch(new RegExp(`^${id}\\s+lifecycle\\s+AVAILABLE\\s`, 'm'));

    expect(await okJson(s, ['experiments', 'get', id])).toEqual(await apiGet(s, `/experiments/${id}`));
    expect((await okJson(s, ['experiments', 'get', '--name', 'lifecycle']))['experiment_id']).toBe(id);
    expect((await ok(s, ['experiments', 'get', id])).stdout).toMatch(new RegExp(`^Experiment: lifecycle\\n  id: {10}${id}\\n  storage: {5}AVAILABLE\\n`));

    const archived = await ok(s, ['experiments', 'archive', id]);
    expect(archived.stdout).toMatch(/^Archived experiment "lifecycle"\n {2}id: .*\n {2}storage: {5}ARCHIVED\n/);
    expect((await apiGet(s, `/experiments/${id}`))['storage_state']).toBe('ARCHIVED');
    expect((await okJson(s, ['experiments', 'unarchive', '--name', 'lifecycle']))['storage_state']).toBe('AVAILABLE');
    expect((await apiGet(s, `/experiments/${id}`))['storage_state']).toBe('AVAILABLE');

    // Without --yes and without a terminal to ask on, nothing is deleted.
    const unconfirmed = await cli(s, ['experiments', 'delete', id]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('pass --yes to delete it without asking. [cli/needs-confirmation]');
    expect((await api(s, 'GET', `/experiments/${id}`)).status).toBe(200);

    expect((await ok(s, ['experiments', 'delete', id, '--yes'])).stdout).toBe(`Deleted experiment "lifecycle" (id ${id}).\n`);
    expect((await api(s, 'GET', `/experiments/${id}`)).status).toBe(404);

    for (const verb of ['get', 'archive', 'delete']) {
      const gone = await cli(s, ['experiments', verb, id, ...(verb === 'delete' ? ['--yes'] : [])]);
      expect(gone.code, verb).toBe(1);
      expect(gone.stderr).toContain('[client/not-found]');
      expect(gone.stderr).toContain(`hint: No experiment has the id ${id} on this server`);
    }
    const noName = await cli(s, ['experiments', 'get', '--name', 'no-such-experiment']);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toBe('error: --name: There is no experiment named "no-such-experiment". [experiments/not-found]\n');
  });
});

describe('pipelines and versions against the real API server', () => {
  const server = useApiServer();

  it('upload twice → list → get → list-versions → get-version → delete refused with versions → delete-version → delete --cascade', async () => {
    const s = server();
    const first = await okJson(s, ['upload', HELLO(), '--name', 'lifecycle-hello']);
    const second = await okJson(s, ['upload', HELLO(), '--name', 'lifecycle-hello', '--version-name', 'v2']);
    const pipelineId = first['pipeline_id'] as string;
    const v1 = first['pipeline_version_id'] as string;
    const v2 = second['pipeline_version_id'] as string;
    expect((await apiGet(s, `/pipelines/${pipelineId}/versions`)).pipeline_versions).toHaveLength(2);

    const listed = await okJson(s, ['pipelines', 'list']);
    expect(listed['pipelines'].map((p: Json) => p.pipeline_id).sort()).toEqual((await apiGet(s, '/pipelines')).pipelines.map((p: Json) => p.pipeline_id).sort());
    expect(await okJson(s, ['pipelines', 'get', pipelineId])).toEqual(await apiGet(s, `/pipelines/${pipelineId}`));
    expect((await ok(s, ['pipelines', 'get', '--name', 'lifecycle-hello'])).stdout).toMatch(new RegExp(`^Pipeline: lifecycle-hello\\n  id: {13}${pipelineId}\\n[\\s\\S]*  versions: {7}2 \\(latest: v2\\)\\n`));

    const versions = await okJson(s, ['pipelines', 'list-versions', '--name', 'lifecycle-hello']);
    expect(versions['pipeline_versions'].map((v: Json) => [v.pipeline_version_id, v.name])).toEqual([
      [v2, 'v2'],
      [v1, 'lifecycle-hello'],
    ]);
    expect(versions['total_size']).toBe((await apiGet(s, `/pipelines/${pipelineId}/versions`)).total_size);
    const version = await okJson(s, ['pipelines', 'get-version', pipelineId, v2]);
    expect(version).toEqual(await apiGet(s, `/pipelines/${pipelineId}/versions/${v2}`));
    expect((await ok(s, ['pipelines', 'get-version', pipelineId, v2])).stdout).toContain('  spec:        pipeline "echo", 1 components');

    const refused = await cli(s, ['pipelines', 'delete', pipelineId, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/has existing pipeline versions.*\[client\/bad-request\]\nhint: A pipeline with versions is deleted with --cascade/s);
    expect((await api(s, 'GET', `/pipelines/${pipelineId}`)).status).toBe(200);

    expect((await ok(s, ['pipelines', 'delete-version', pipelineId, v1, '--yes'])).stdout).toBe(`Deleted pipeline version "lifecycle-hello" (id ${v1}).\n`);
    expect((await api(s, 'GET', `/pipelines/${pipelineId}/versions/${v1}`)).status).toBe(404);
    expect((await apiGet(s, `/pipelines/${pipelineId}/versions`)).pipeline_versions.map((v: Json) => v.pipeline_version_id)).toEqual([v2]);

    expect(await okJson(s, ['pipelines', 'delete', '--name', 'lifecycle-hello', '--cascade', '--yes'])).toEqual({ pipeline_id: pipelineId, deleted: true });
    expect((await api(s, 'GET', `/pipelines/${pipelineId}`)).status).toBe(404);
    expect((await api(s, 'GET', `/pipelines/${pipelineId}/versions/${v2}`)).status).toBe(404);

    const gone = await cli(s, ['pipelines', 'get-version', pipelineId, v2]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`hint: No version ${v2} of pipeline ${pipelineId} on this server`);
  });
});

describe('runs against the real API server', () => {
  const server = useApiServer();

  /**
   * What the persistence agent does when Argo reports a workflow: ReportService.ReportWorkflow with
   * the Workflow as JSON. The fake execution client names the n-th workflow it creates
   * `<pipeline name>-<n>` (from 0), and the report must name an existing one.
   */
  async function reportFailed(s: ApiServer, runId: string, workflowName: string): Promise<void> {
    const workflow = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: workflowName, namespace: 'kubeflow', uid: runId, labels: { 'pipeline/runid': runId } },
      status: { phase: 'Failed', finishedAt: '2026-01-01T00:00:00Z', message: 'a step failed' },
    };
    const res = await api(s, 'POST', '/workflows', JSON.stringify(workflow));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it('run → list → get → terminate → archive → unarchive → retry (refused, then real) → delete, the server checked after each step', async () => {
    const s = server();
    const started = await okJson(s, ['run', HELLO(), '--experiment', 'runs', '--run-name', 'lifecycle-run']);
    const runId = started['run_id'] as string;
    expect(await apiGet(s, `/runs/${runId}`)).toMatchObject({ display_name: 'lifecycle-run', state: 'PENDING', storage_state: 'AVAILABLE' });

    const listed = await okJson(s, ['runs', 'list', '--experiment', 'runs']);
    expect(listed['runs'].map((r: Json) => r.run_id)).toEqual((await apiGet(s, `/runs?experiment_id=${started['experiment_id']}`)).runs.map((r: Json) => r.run_id));
    expect((await okJson(s, ['runs', 'get', runId]))['state']).toBe((await apiGet(s, `/runs/${runId}`))['state']);

    expect((await ok(s, ['runs', 'terminate', runId])).stdout).toBe(`Asked to stop run "lifecycle-run" (id ${runId}): state CANCELING, storage AVAILABLE\n`);
    expect((await apiGet(s, `/runs/${runId}`))['state']).toBe('CANCELING');

    expect((await okJson(s, ['runs', 'archive', runId]))['storage_state']).toBe('ARCHIVED');
    expect((await apiGet(s, `/runs/${runId}`))['storage_state']).toBe('ARCHIVED');
    expect((await ok(s, ['runs', 'get', runId])).stdout).toMatch(/^ {2}storage: {4}ARCHIVED$/m);
    await ok(s, ['runs', 'unarchive', runId]);
    expect((await apiGet(s, `/runs/${runId}`))['storage_state']).toBe('AVAILABLE');

    // No workflow reported yet: the server refuses to retry, and says why.
    const refused = await cli(s, ['runs', 'retry', runId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Failed to retry run .* due to error fetching workflow manifest.*\[client\/conflict\]\nhint: Only a FAILED or ERROR run can be retried/s);
    expect((await apiGet(s, `/runs/${runId}`))['state']).toBe('CANCELING');

    // A second run fails (reported as the persistence agent would), then is retried for real.
    const failing = await okJson(s, ['run', HELLO(), '--experiment', 'runs', '--run-name', 'lifecycle-failing']);
    const failingId = failing['run_id'] as string;
    await reportFailed(s, failingId, 'echo-1');
    expect((await apiGet(s, `/runs/${failingId}`))['state']).toBe('FAILED');
    expect((await ok(s, ['runs', 'retry', failingId])).stdout).toBe(`Retrying run "lifecycle-failing" (id ${failingId}): state RUNNING, storage AVAILABLE\n`);
    const retried = await apiGet(s, `/runs/${failingId}`);
    expect(retried['state']).toBe('RUNNING');
    expect(retried['state_history'].map((h: Json) => h.state)).toEqual(['PENDING', 'FAILED', 'RUNNING']);

    for (const id of [runId, failingId]) {
      await ok(s, ['runs', 'delete', id, '--yes']);
      expect((await api(s, 'GET', `/runs/${id}`)).status).toBe(404);
    }
    expect((await apiGet(s, `/runs?experiment_id=${started['experiment_id']}`)).runs).toBeUndefined();
    const gone = await cli(s, ['runs', 'terminate', runId]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`hint: No run has the id ${runId} on this server`);
  });
});

describe('recurring runs against the real API server', () => {
  const server = useApiServer();

  it('cron: create with every option → list → get → disable → enable → delete; the trigger and concurrency read back as set', async () => {
    const s = server();
    const created = await okJson(s, [
      'recurring-runs', 'create', MONITORING(), '--name', 'nightly', '--experiment', 'scheduled', ...MONITORING_PARAMS, '--param', 'n_estimators=150',
      '--cron', '0 30 2 * * 1-5', '--start-time', '2027-01-01T00:00:00Z', '--end-time', '2027-12-31T23:59:59Z', '--max-concurrency', '3', '--no-catchup', '--description', 'weekday nights',
    ]);
    const id = created['recurring_run_id'] as string;
    const onServer = await apiGet(s, `/recurringruns/${id}`);
    expect(onServer).toMatchObject({
      display_name: 'nightly',
      trigger: { cron_schedule: { cron: '0 30 2 * * 1-5', start_time: '2027-01-01T00:00:00Z', end_time: '2027-12-31T23:59:59Z' } },
      max_concurrency: '3',
      no_catchup: true,
      mode: 'ENABLE',
      status: 'ENABLED',
      runtime_config: { parameters: { experiment_name: 'nightly', training_data_path: 'gs://bucket/train.csv', n_estimators: 150 } },
    });
    expect(onServer['description']).toMatch(/^weekday nights\n\nkfp-ts submission [0-9a-f]{16}$/);
    expect(onServer['experiment_id']).toBe((await apiGet(s, '/experiments')).experiments.find((e: Json) => e.display_name === 'scheduled').experiment_id);

    const listed = await okJson(s, ['recurring-runs', 'list', '--experiment', 'scheduled']);
    expect(listed['recurring_runs'].map((r: Json) => r.recurring_run_id)).toEqual((await apiGet(s, `/recurringruns?experiment_id=${onServer['experiment_id']}`)).recurringRuns.map((r: Json) => r.recurring_run_id));
    expect((await ok(s, ['recurring-runs', 'list'])).stdout).toMatch(new RegExp(`^${id}\\s+nightly\\s+ENABLED\\s+cron "0 30 2 \\* \\* 1-5"\\s+3\\s`, 'm'));
    const text = (await ok(s, ['recurring-runs', 'get', id])).stdout;
    expect(text).toContain(['  status:          ENABLED', '  trigger:         cron "0 30 2 * * 1-5"', '  start:           2027-01-01 00:00:00Z', '  end:             2027-12-31 23:59:59Z', '  max concurrency: 3', '  catch-up:        no (only the latest missed run starts)'].join('\n'));
    expect(text).toMatch(/Parameters:\nNAME\s+VALUE\nexperiment_name\s+"nightly"\nn_estimators\s+150\n/);

    expect((await okJson(s, ['recurring-runs', 'disable', id]))['status']).toBe('DISABLED');
    expect(await apiGet(s, `/recurringruns/${id}`)).toMatchObject({ status: 'DISABLED', mode: 'DISABLE' });
    expect((await ok(s, ['recurring-runs', 'enable', id])).stdout).toMatch(/^Enabled recurring run "nightly"\n[\s\S]*  status: {10}ENABLED\n/);
    expect(await apiGet(s, `/recurringruns/${id}`)).toMatchObject({ status: 'ENABLED', mode: 'ENABLE' });

    expect((await ok(s, ['recurring-runs', 'delete', id, '--yes'])).stdout).toBe(`Deleted recurring run "nightly" (id ${id}).\n`);
    expect((await api(s, 'GET', `/recurringruns/${id}`)).status).toBe(404);
    const gone = await cli(s, ['recurring-runs', 'enable', id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`hint: No recurring run has the id ${id} on this server`);
  });

  it('interval, from an uploaded version, created disabled; then the checks made before sending and the server\'s own refusals', async () => {
    const s = server();
    const uploaded = await okJson(s, ['upload', MONITORING(), '--name', 'monitoring']);
    const created = await okJson(s, [
      'recurring-runs', 'create', '--pipeline-id', uploaded['pipeline_id'], '--version-id', uploaded['pipeline_version_id'], '--name', 'hourly', '--experiment', 'scheduled',
      ...MONITORING_PARAMS, '--interval', '3600', '--max-concurrency', '2', '--disabled',
    ]);
    const id = created['recurring_run_id'] as string;
    const onServer = await apiGet(s, `/recurringruns/${id}`);
    expect(onServer).toMatchObject({
      trigger: { periodic_schedule: { interval_second: '3600' } },
      max_concurrency: '2',
      mode: 'DISABLE',
      status: 'DISABLED',
      pipeline_version_reference: { pipeline_id: uploaded['pipeline_id'], pipeline_version_id: uploaded['pipeline_version_id'] },
    });
    expect(onServer['no_catchup']).toBeUndefined(); // catch-up is the default
    expect((await ok(s, ['recurring-runs', 'get', id])).stdout).toContain(`  trigger:         every 3600 s\n  start:           -\n  end:             -\n  max concurrency: 2\n  catch-up:        yes (every missed run starts)\n  experiment:      ${onServer['experiment_id']}\n  pipeline:        version ${uploaded['pipeline_version_id']} of pipeline ${uploaded['pipeline_id']}\n`);
    await ok(s, ['recurring-runs', 'delete', id, '--yes']);
    expect((await api(s, 'GET', `/recurringruns/${id}`)).status).toBe(404);

    // Refused before anything is sent: the server's limits and two triggers (a wrong command line,
    // exit 2), a missing parameter (exit 1).
    for (const [args, message] of [
      [['--cron', '0 0 * * * *', '--max-concurrency', '11'], '--max-concurrency takes a whole number from 1 to 10'],
      [['--interval', '0'], '--interval takes a whole number of seconds, at least 1'],
      [['--cron', '0 0 * * * *', '--interval', '60'], 'Give exactly one of --cron'],
      [['--cron', '0 0 * * * *', '--end-time', 'tomorrow'], '--end-time takes an RFC 3339 time'],
    ] as const) {
      const bad = await cli(s, ['recurring-runs', 'create', MONITORING(), '--name', 'bad', '--experiment', 'scheduled', ...MONITORING_PARAMS, ...args]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain(message);
    }
    const missing = await cli(s, ['recurring-runs', 'create', MONITORING(), '--name', 'bad', '--experiment', 'scheduled', '--cron', '0 0 * * * *']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/experiment_name/);
    expect((await apiGet(s, '/recurringruns')).recurringRuns).toBeUndefined();

    // The server's own verdict on a cron it cannot parse, shown as it said it.
    const badCron = await cli(s, ['recurring-runs', 'create', MONITORING(), '--name', 'bad', '--experiment', 'scheduled', ...MONITORING_PARAMS, '--cron', 'every day']);
    expect(badCron.code).toBe(1);
    expect(badCron.stderr).toContain('Schedule cron is not a supported format');
    expect((await apiGet(s, '/recurringruns')).recurringRuns).toBeUndefined();

    // A five-field cron is accepted by the server but means something else there: a warning says what.
    const fiveFields = await okJson(s, ['recurring-runs', 'create', MONITORING(), '--name', 'five', '--experiment', 'scheduled', ...MONITORING_PARAMS, '--cron', '30 2 * * 1-5']);
    const warned = outputs.at(-1)!;
    expect(warned.stderr).toContain('warning: --cron: "30 2 * * 1-5" has five fields, and Kubeflow Pipelines\' cron starts with seconds');
    expect(warned.stderr).toContain('For the usual meaning write "0 30 2 * * 1-5". [recurring-runs/five-field-cron]');
    expect((await apiGet(s, `/recurringruns/${fiveFields['recurring_run_id']}`)).trigger.cron_schedule.cron).toBe('30 2 * * 1-5');
    await ok(s, ['recurring-runs', 'delete', fiveFields['recurring_run_id'], '--yes']);
  });
});

describe('what every command printed', () => {
  it('GIVEN a bearer token and a session cookie on every command WHEN they ran THEN no output contains either', () => {
    expect(outputs.length).toBeGreaterThan(50);
    const leaks = outputs.filter((r) => [TOKEN, COOKIE_VALUE].some((secret) => r.stdout.includes(secret) || r.stderr.includes(secret)));
    expect(leaks).toEqual([]);
    reportBackendCount(`client end to end: ${outputs.length} kfp-ts experiments/pipelines/runs/recurring-runs commands against the real API server, the server checked after each step`);
  });
});
