/**
 * The KFP API server's own v2beta1 handlers (in-memory storage, fake Kubernetes/Argo clients):
 * upload a kfp 2.17.0 pipeline the way the KFP client does and read it back; create runs, which
 * makes the backend compile the pipeline to an Argo workflow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sharedDir } from '../support/repo.ts';
import { useApiServer } from '../support/use-api-server.ts';

const PIPELINES = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines');

const server = useApiServer();

function api(): string {
  return `${server().url}/apis/v2beta1`;
}

async function json(res: Response): Promise<Record<string, any>> {
  const text = await res.text();
  try {
    return JSON.parse(text) as Record<string, any>;
  } catch {
    throw new Error(`HTTP ${res.status}, not JSON: ${text}\n--- server log ---\n${server().logs()}`);
  }
}

/** Multipart upload with the `uploadfile` field, as kfp.Client.upload_pipeline sends it. */
async function upload(file: string, name: string): Promise<Response> {
  const form = new FormData();
  form.append('uploadfile', new Blob([readFileSync(file)], { type: 'application/x-yaml' }), path.basename(file));
  return fetch(`${api()}/pipelines/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body: form });
}

async function uploadAndFirstVersion(file: string, name: string): Promise<{ pipelineId: string; versionId: string }> {
  const res = await upload(file, name);
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(200);
  const versions = await json(await fetch(`${api()}/pipelines/${body.pipeline_id}/versions`));
  return { pipelineId: body.pipeline_id as string, versionId: versions.pipeline_versions[0].pipeline_version_id as string };
}

async function createRun(pipelineId: string, versionId: string, displayName: string): Promise<Response> {
  return fetch(`${api()}/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: displayName, pipeline_version_reference: { pipeline_id: pipelineId, pipeline_version_id: versionId } }),
  });
}

describe('apiserver: the KFP v2beta1 REST API on in-memory storage', () => {
  test('GIVEN a started server WHEN healthz is requested THEN it answers in single-user database mode', async () => {
    const res = await fetch(`${api()}/healthz`);

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ multi_user: false, pipeline_store: 'database' });
  });

  test('GIVEN a corpus pipeline WHEN uploaded as multipart uploadfile THEN it is listed and its version holds the spec', async () => {
    const res = await upload(path.join(PIPELINES, 'valid', 'critical', 'flip_coin.yaml'), 'kfp-ts-flip-coin');
    const created = await json(res);

    expect(res.status, JSON.stringify(created)).toBe(200);
    expect(created).toMatchObject({ display_name: 'kfp-ts-flip-coin', name: 'kfp-ts-flip-coin' });
    const list = await json(await fetch(`${api()}/pipelines`));
    expect(list.pipelines.map((p: { name: string }) => p.name)).toContain('kfp-ts-flip-coin');
    const got = await json(await fetch(`${api()}/pipelines/${created.pipeline_id}`));
    expect(got.pipeline_id).toBe(created.pipeline_id);
    const versions = await json(await fetch(`${api()}/pipelines/${created.pipeline_id}/versions`));
    expect(versions.pipeline_versions).toHaveLength(1);
    // The stored spec keeps the document's own pipelineInfo.name; the upload's ?name= names the pipeline.
    expect(versions.pipeline_versions[0].pipeline_spec.pipelineInfo.name).toBe('conditional-execution-pipeline');
  });

  test('GIVEN an uploaded pipeline WHEN a run is created THEN the backend compiles it and the run is pending', async () => {
    const { pipelineId, versionId } = await uploadAndFirstVersion(path.join(PIPELINES, 'valid', 'hello_world.yaml'), 'kfp-ts-hello');

    const res = await createRun(pipelineId, versionId, 'kfp-ts-hello-run');
    const run = await json(res);

    expect(res.status, JSON.stringify(run)).toBe(200);
    expect(run).toMatchObject({ display_name: 'kfp-ts-hello-run', state: 'PENDING' });
    const runs = await json(await fetch(`${api()}/runs`));
    expect(runs.runs.map((r: { run_id: string }) => r.run_id)).toContain(run.run_id);
    const experiments = await json(await fetch(`${api()}/experiments`));
    expect(experiments.experiments.map((e: { display_name: string }) => e.display_name)).toContain('Default');
  });

  test('GIVEN a pipeline the Argo compiler cannot compile WHEN a run is created THEN upload succeeds but the run is refused', async () => {
    // Proves run creation goes through argocompiler.Compile: the same document ir-check rejects.
    const file = path.join(PIPELINES, 'valid', 'pipeline_with_parallelfor_list_artifacts_GH-12033.yaml');
    const { pipelineId, versionId } = await uploadAndFirstVersion(file, 'kfp-ts-gh-12033');

    const res = await createRun(pipelineId, versionId, 'kfp-ts-gh-12033-run');
    const body = await json(res);

    expect(res.status).toBe(500);
    expect(body.message).toContain('artifact iterator not implemented yet');
  });

  test('GIVEN an invalid document WHEN uploaded THEN the upload is refused with 400', async () => {
    const res = await upload(path.join(PIPELINES, 'invalid', 'no_name.yaml'), 'kfp-ts-invalid');
    const body = await json(res);

    expect(res.status).toBe(400);
    expect(body.error_message).toBe('unknown template format');
  });
});
