import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, sharedDir } from '../support/repo.ts';
import { useApiServer } from '../support/use-api-server.ts';
import { KfpClient } from '../../src/client/kfp-client.ts';
import { KfpError } from '../../src/client/errors.ts';
import { checkRuntimeParameters } from '../../src/client/parameters.ts';
import { loadPipelinePackage, runPipelineSpec, type RootParameterSpec } from '../../src/client/pipeline-file.ts';
import { runCliAsync } from './support/run-cli.ts';

/**
 * (d) End to end against the real KFP API server: the backend's own v2beta1 handlers from the Go
 * module github.com/kubeflow/pipelines (commit 0c355f1, KFP 2.17.0) on in-memory storage, built and
 * started by tests/support/backend.ts (required: a build failure fails these tests).
 */

const MONITORING = () => path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');

describe('the real KFP API server', () => {
  const server = useApiServer();

  it('upload, upload again as a version, create an experiment, run monitoring_pipeline.yaml, list and get it', async () => {
    const file = MONITORING();
    const up1 = await runCliAsync(['upload', file, '--host', server().url, '--format', 'json']);
    expect(up1.stderr).toBe('');
    const first = JSON.parse(up1.stdout) as Record<string, unknown>;
    expect(first).toMatchObject({ outcome: 'created', pipeline_name: 'ml-experiment-monitoring', version_name: 'ml-experiment-monitoring' });

    const up2 = await runCliAsync(['upload', file, '--host', server().url, '--version-name', 'v2', '--description', 'second upload', '--format', 'json']);
    const second = JSON.parse(up2.stdout) as Record<string, unknown>;
    expect(second).toMatchObject({ outcome: 'versioned', pipeline_id: first['pipeline_id'], version_name: 'v2' });

    const up3 = await runCliAsync(['upload', file, '--host', server().url, '--format', 'json']);
    expect(JSON.parse(up3.stdout)).toMatchObject({ outcome: 'versioned', version_name: expect.stringMatching(/^sha256-[0-9a-f]{12}$/) });
    const up4 = await runCliAsync(['upload', file, '--host', server().url, '--format', 'json']);
    expect(JSON.parse(up4.stdout)).toMatchObject({ outcome: 'unchanged' });

    const client = new KfpClient({ host: server().url });
    const versions = await client.listPipelineVersions(String(first['pipeline_id']), { sortBy: 'created_at' });
    expect(versions.pipeline_versions?.map((v) => v.name)).toEqual(['ml-experiment-monitoring', 'v2', expect.stringMatching(/^sha256-/)]);
    // The server stored and parsed the very spec that was uploaded.
    const spec = (await client.getPipelineVersion(String(first['pipeline_id']), String(second['pipeline_version_id']))).pipeline_spec as Record<string, unknown>;
    expect(spec['pipelineInfo']).toEqual(parseYaml(readFileSync(file, 'utf8'))['pipelineInfo']);

    const run = await runCliAsync([
      'run', file, '--host', server().url, '--experiment', 'e2e', '--run-name', 'e2e-1', '--format', 'json',
      '--param', 'experiment_name=e2e', '--param', 'training_data_path=gs://bucket/train.csv', '--param', 'n_estimators=150',
    ]);
    expect(run.stderr).toBe('');
    const started = JSON.parse(run.stdout) as { run_id: string; experiment_id: string };
    const experiment = await client.findExperimentByName('e2e');
    expect(experiment?.experiment_id).toBe(started.experiment_id);

    const list = await runCliAsync(['runs', 'list', '--host', server().url, '--experiment', 'e2e', '--format', 'json']);
    const listed = JSON.parse(list.stdout) as { runs: Array<{ run_id: string; display_name: string }> };
    expect(listed.runs.map((r) => [r.run_id, r.display_name])).toEqual([[started.run_id, 'e2e-1']]);

    const get = await runCliAsync(['runs', 'get', started.run_id, '--host', server().url, '--format', 'json']);
    const got = JSON.parse(get.stdout) as { run_id: string; runtime_config: { parameters: unknown }; state: string; pipeline_spec: Record<string, unknown> };
    expect(got.run_id).toBe(started.run_id);
    expect(got.runtime_config.parameters).toEqual({ experiment_name: 'e2e', training_data_path: 'gs://bucket/train.csv', n_estimators: 150 });
    expect(['PENDING', 'RUNNING']).toContain(got.state);
    expect((got.pipeline_spec['pipelineInfo'] as { name: string }).name).toBe('ml-experiment-monitoring');

    const text = await runCliAsync(['runs', 'get', started.run_id, '--host', server().url]);
    expect(text.stdout).toMatch(/^Run: {8}e2e-1\n {2}id: {9}[0-9a-f-]{36}\n {2}state: {6}(PENDING|RUNNING)\n/);
    expect(text.stdout).toMatch(/Parameters:\nNAME\s+VALUE\nexperiment_name\s+"e2e"\nn_estimators\s+150\ntraining_data_path\s+"gs:\/\/bucket\/train\.csv"/);
  });

  it('the real server\'s errors are mapped: 404 with its message, 409 in the upload error shape', async () => {
    const client = new KfpClient({ host: server().url, retry: { maxAttempts: 1 } });
    const e404 = await client.getRun('00000000-0000-0000-0000-000000000000').catch((e: unknown) => e as KfpError);
    expect(e404).toBeInstanceOf(KfpError);
    expect((e404 as KfpError).code).toBe('client/not-found');
    expect((e404 as KfpError).serverMessage).toMatch(/not found/i);
    const pkg = readFileSync(path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid', 'hello_world.yaml'));
    await client.uploadPipeline({ content: pkg, filename: 'hello_world.yaml' }, { name: 'dup' });
    const e409 = await client.uploadPipeline({ content: pkg, filename: 'hello_world.yaml' }, { name: 'dup' }).catch((e: unknown) => e as KfpError);
    expect((e409 as KfpError).code).toBe('client/conflict');
    expect((e409 as KfpError).serverMessage).toBe('Failed to create a pipeline and a pipeline version');
  });

  /**
   * The local parameter check is meant to accept exactly what the server accepts. Each case is
   * sent to the real server with the local check bypassed; the server's verdict (run created or
   * 400) must equal the local verdict (errors or none).
   */
  it('parameter checking agrees with the server on every case', async () => {
    const base = parseYaml(readFileSync(path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid', 'hello_world.yaml'), 'utf8')) as Record<string, unknown>;
    const defs: Record<string, RootParameterSpec> = {
      s: { parameterType: 'STRING' },
      i: { parameterType: 'NUMBER_INTEGER' },
      d: { parameterType: 'NUMBER_DOUBLE', isOptional: true },
      b: { parameterType: 'BOOLEAN', defaultValue: false },
      l: { parameterType: 'LIST', isOptional: true, defaultValue: [] },
      st: { parameterType: 'STRUCT', isOptional: true },
      color: { parameterType: 'STRING', isOptional: true, defaultValue: 'red', literals: ['red', 'green'] },
      n: { parameterType: 'NUMBER_INTEGER', isOptional: true, defaultValue: 1, literals: [1, 2] },
    };
    const spec = { ...base, root: { ...(base['root'] as object), inputDefinitions: { parameters: defs } } };
    const loaded = loadPipelinePackage(stringify(spec), 'synthetic.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const cases: Array<Record<string, unknown>> = [
      { s: 'a', i: 1 },
      {},
      { s: 'a' },
      { s: 'a', i: '1' },
      { s: 'a', i: 1.5 },
      { s: 1, i: 1 },
      { s: 'a', i: 1, b: 'true' },
      { s: 'a', i: 1, b: true, l: [1, 'x'], d: 0.5, st: { k: [1] } },
      { s: 'a', i: 1, l: {} },
      { s: 'a', i: 1, st: [] },
      { s: 'a', i: 1, d: null },
      { s: 'a', i: 1, extra: 1 },
      { s: 'a', i: 1, color: 'blue' },
      { s: 'a', i: 1, color: 'green' },
      { s: 'a', i: 1, n: 2.0 },
      { s: 'a', i: 1, n: 3 },
      { s: '[[RunUUID]]', i: -7 },
    ];
    const client = new KfpClient({ host: server().url, retry: { maxAttempts: 1 } });
    const experiment = await client.createExperiment({ display_name: 'params' });
    const rows: string[] = [];
    const reasons: string[] = [];
    for (const values of cases) {
      const local = checkRuntimeParameters(loaded.pkg.rootParameters, values).filter((d) => d.severity !== 'warning');
      const server = await client
        .createRun({ display_name: 'p', experiment_id: experiment.experiment_id, pipeline_spec: loaded.pkg.documents.pipelineSpec, runtime_config: { parameters: values } })
        .then(
          () => 'accepted',
          (e: unknown) => {
            // Rejected for the parameters, not for something else about the request.
            if (e instanceof KfpError && e.code === 'client/bad-request' && /invalid pipeline job inputs/.test(e.serverMessage ?? '')) {
              reasons.push(`${JSON.stringify(values)} -> ${e.serverMessage}`);
              return 'rejected';
            }
            return `failed: ${(e as Error).message}`;
          },
        );
      rows.push(`${JSON.stringify(values)}: local ${local.length === 0 ? 'accepted' : 'rejected'}, server ${server}`);
    }
    mkdirSync(path.join(REPO, 'test-artifacts'), { recursive: true });
    writeFileSync(path.join(REPO, 'test-artifacts', 'client-parameter-parity.txt'), `${rows.join('\n')}\n\nserver reasons:\n${reasons.join('\n')}\n`);
    const disagreements = rows.filter((r) => {
      const m = /local (\w+), server (.*)$/.exec(r);
      return m?.[1] !== m?.[2];
    });
    expect(disagreements).toEqual([]);
    // Both verdicts occur, so the comparison is not vacuous.
    expect(rows.filter((r) => r.endsWith('server accepted')).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.endsWith('server rejected')).length).toBeGreaterThanOrEqual(8);
  });

  it('parameter checking agrees with the server across the kfp corpus (no values; every required value of its type)', async () => {
    const root = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).sort();
    const client = new KfpClient({ host: server().url, retry: { maxAttempts: 1 } });
    const experiment = await client.createExperiment({ display_name: 'corpus-params' });
    const sample: Record<string, unknown> = { STRING: 'x', NUMBER_INTEGER: 3, NUMBER_DOUBLE: 0.5, BOOLEAN: true, LIST: [1], STRUCT: { a: 1 } };
    let compared = 0;
    let rejected = 0;
    const disagreements: string[] = [];
    const notCompared: string[] = [];
    for (const rel of files) {
      const loaded = loadPipelinePackage(readFileSync(path.join(root, rel), 'utf8'), rel);
      if (!loaded.ok) continue;
      const defs = loaded.pkg.rootParameters;
      const filled: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(defs)) {
        if (spec.isOptional !== true && !Object.hasOwn(spec, 'defaultValue')) filled[name] = spec.literals?.[0] ?? sample[spec.parameterType ?? ''];
      }
      for (const values of [{}, filled]) {
        const local = checkRuntimeParameters(defs, values).filter((d) => d.severity !== 'warning').length === 0 ? 'accepted' : 'rejected';
        const server = await client.createRun({ display_name: rel, experiment_id: experiment.experiment_id, pipeline_spec: runPipelineSpec(loaded.pkg), runtime_config: { parameters: values } }).then(
          () => 'accepted',
          (e: unknown) => (e instanceof KfpError && /invalid pipeline job inputs/.test(e.serverMessage ?? '') ? 'rejected' : `other: ${e instanceof KfpError ? (e.serverMessage ?? e.code) : String(e)}`),
        );
        if (server.startsWith('other')) {
          // Refused for something other than its parameters (e.g. a feature the Argo compiler rejects): no verdict to compare.
          notCompared.push(`${rel}: ${server.slice(0, 160)}`);
          continue;
        }
        compared++;
        if (server === 'rejected') rejected++;
        if (server !== local) disagreements.push(`${rel} ${JSON.stringify(values)}: local ${local}, server ${server}`);
      }
    }
    writeFileSync(path.join(REPO, 'test-artifacts', 'client-parameter-parity-corpus.txt'), `compared ${compared}, rejected by the server ${rejected}\n\nnot compared:\n${notCompared.join('\n')}\n`);
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(80);
    expect(rejected).toBeGreaterThanOrEqual(10);
  });
});
