/**
 * Creates and deletes that fail in a way that may hide success, against the real KFP API server
 * behind a proxy that breaks connections: the request applied on the server and the answer lost,
 * or the connection broken before the request got there. The workflows must look before they send
 * again, and leave exactly one object (or none) on the server, checked through its REST API.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteConfirmed } from '../../src/client/delete-confirmed.ts';
import { createExperiment } from '../../src/client/experiments.ts';
import { KfpClient } from '../../src/client/kfp-client.ts';
import { createRecurringRun } from '../../src/client/recurring-runs.ts';
import { sharedDir } from '../support/repo.ts';
import { useApiServer } from '../support/use-api-server.ts';
import { loopback, type Loopback } from './support/loopback.ts';

type Json = Record<string, any>;
type Mode = 'apply-then-drop' | 'drop-before-apply';

interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly mode: Mode;
}

const server = useApiServer();
let proxy: Loopback;
const faults: Fault[] = [];
const seen: string[] = [];

/** Forwards to the API server; the first request matching a fault gets that fault instead of its answer. */
function breakingProxy(target: string): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', target);
      seen.push(`${req.method} ${url.pathname}`);
      const i = faults.findIndex((f) => f.method === req.method && f.path.test(url.pathname));
      const fault = i >= 0 ? faults.splice(i, 1)[0] : undefined;
      if (fault?.mode === 'drop-before-apply') return void req.socket.destroy();
      const body = Buffer.concat(chunks);
      const headers = { ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}) };
      void fetch(url, { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) }).then(async (upstream) => {
        const text = await upstream.text();
        if (fault?.mode === 'apply-then-drop') return void req.socket.destroy();
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      });
    });
  };
}

beforeAll(async () => {
  proxy = await loopback(breakingProxy(server().url));
});
afterAll(async () => {
  await proxy?.stop();
});

const client = () => new KfpClient({ host: proxy.url, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
const count = (entry: string) => seen.filter((s) => s === entry).length;

async function api(method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${server().url}/apis/v2beta1${route}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}

describe('uncertain creates and deletes against the real API server', () => {
  it('GIVEN CreateExperiment applied and its answer lost WHEN creating THEN it is found by name, not created again: one experiment', async () => {
    faults.push({ method: 'POST', path: /^\/apis\/v2beta1\/experiments$/, mode: 'apply-then-drop' });

    const result = await createExperiment(client(), 'uncertain');

    expect(count('POST /apis/v2beta1/experiments')).toBe(1);
    expect(result.notes).toEqual(['CreateExperiment failed uncertainly (client/connection-failed) but the experiment exists; it was not created again.']);
    const named = (await api('GET', '/experiments')).body.experiments.filter((e: Json) => e.display_name === 'uncertain');
    expect(named.map((e: Json) => e.experiment_id)).toEqual([result.experiment.experiment_id]);
  });

  it('GIVEN CreateRecurringRun applied and its answer lost WHEN creating THEN its submission id finds it: one recurring run', async () => {
    const experiment = (await api('POST', '/experiments', { display_name: 'scheduled' })).body;
    const spec = parseYaml(readFileSync(path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid', 'hello_world.yaml'), 'utf8')) as Json;
    faults.push({ method: 'POST', path: /^\/apis\/v2beta1\/recurringruns$/, mode: 'apply-then-drop' });

    const result = await createRecurringRun(client(), {
      display_name: 'hourly',
      experiment_id: experiment['experiment_id'],
      pipeline_spec: spec,
      trigger: { periodic_schedule: { interval_second: 3600 } },
      mode: 'ENABLE',
      max_concurrency: 1,
    });

    expect(count('POST /apis/v2beta1/recurringruns')).toBe(1);
    expect(result.notes).toEqual(['CreateRecurringRun failed uncertainly (client/connection-failed) but the recurring run had been created; it was not submitted again.']);
    const listed = (await api('GET', '/recurringruns')).body.recurringRuns as Json[];
    expect(listed.map((r) => r['recurring_run_id'])).toEqual([result.recurringRun.recurring_run_id]);
    await api('DELETE', `/recurringruns/${result.recurringRun.recurring_run_id}`);
  });

  it('GIVEN a DELETE applied and its answer lost WHEN deleting THEN the 404 that follows confirms it: sent once', async () => {
    const experiment = (await api('POST', '/experiments', { display_name: 'to-delete' })).body;
    const kfp = client();
    faults.push({ method: 'DELETE', path: /^\/apis\/v2beta1\/experiments\//, mode: 'apply-then-drop' });

    const { notes } = await deleteConfirmed(kfp, () => kfp.experiments.delete(experiment['experiment_id']), () => kfp.experiments.get(experiment['experiment_id']));

    expect(count(`DELETE /apis/v2beta1/experiments/${experiment['experiment_id']}`)).toBe(1);
    expect(notes).toEqual(['The delete failed uncertainly (client/connection-failed), but the resource is gone; it was not sent again.']);
    expect((await api('GET', `/experiments/${experiment['experiment_id']}`)).status).toBe(404);
  });

  it('GIVEN a DELETE lost before it reached the server WHEN deleting THEN the run is still there, so the DELETE is sent again: gone', async () => {
    const experiment = (await api('POST', '/experiments', { display_name: 'runs' })).body;
    const spec = parseYaml(readFileSync(path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid', 'hello_world.yaml'), 'utf8')) as Json;
    const run = (await api('POST', '/runs', { display_name: 'r', experiment_id: experiment['experiment_id'], pipeline_spec: spec })).body;
    const kfp = client();
    faults.push({ method: 'DELETE', path: /^\/apis\/v2beta1\/runs\//, mode: 'drop-before-apply' });

    const { notes } = await deleteConfirmed(kfp, () => kfp.runs.delete(run['run_id']), () => kfp.runs.get(run['run_id']));

    expect(count(`DELETE /apis/v2beta1/runs/${run['run_id']}`)).toBe(2);
    expect(notes).toEqual(['The delete failed (client/connection-failed) and the resource is still there; sent again.']);
    expect((await api('GET', `/runs/${run['run_id']}`)).status).toBe(404);
  });
});
