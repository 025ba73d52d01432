import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KfpClient } from '../../src/client/kfp-client.ts';
import type { ClientOptions, HttpEvent } from '../../src/client/http.ts';
import { KfpError } from '../../src/client/errors.ts';
import { publishPipeline } from '../../src/client/publish.ts';
import { ensureExperiment } from '../../src/client/experiments.ts';
import { submitRun } from '../../src/client/runs.ts';
import { loadPipelinePackage, MAX_PIPELINE_FILE_BYTES, type PipelinePackage } from '../../src/client/pipeline-file.ts';
import { REPO, sharedDir } from '../support/repo.ts';
import { FakeKfp } from './support/fake-kfp.ts';
import { closedPort, forwardProxy, loopback, selfSignedCert } from './support/loopback.ts';

/**
 * (a) Faults on loopback: dropped connections, 502/503/504, servers slower than the timeout, error
 * statuses with bodies, a rotating token file, TLS and proxies. Each create-type call is checked
 * for the one property that matters: the server ends up with exactly one of the thing.
 */

const measurements: Record<string, unknown> = {};
afterAll(() => {
  const dir = path.join(REPO, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'client-faults.json'), `${JSON.stringify(measurements, null, 2)}\n`);
});

function monitoring(): PipelinePackage {
  const file = path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');
  const loaded = loadPipelinePackage(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error('fixture');
  return loaded.pkg;
}

async function caught(p: Promise<unknown>): Promise<KfpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KfpError) return err;
    throw err;
  }
  throw new Error('expected a KfpError, but the call succeeded');
}

const RETRY = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200 } as const;

describe('faults against the fake KFP', () => {
  let kfp: FakeKfp;
  let events: HttpEvent[];
  const client = (extra: Partial<ClientOptions> = {}): KfpClient => new KfpClient({ host: kfp.url, retry: RETRY, readTimeoutMs: 2000, onEvent: (e) => events.push(e), ...extra });
  const upload = (c: KfpClient, pkg: PipelinePackage, extra: { versionName?: string } = {}) =>
    publishPipeline(c, { file: { content: pkg.bytes, filename: 'monitoring_pipeline.yaml' }, name: 'monitoring', sha256: pkg.sha256, ...extra });

  beforeEach(async () => {
    kfp = await new FakeKfp().start();
    events = [];
  });
  afterEach(async () => {
    expect(kfp.violations).toEqual([]);
    await kfp.stop();
  });

  it('a dropped connection on a read is retried; one that keeps dropping fails after the retry budget', async () => {
    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'drop', times: 2 });
    await client().listPipelines();
    expect(kfp.count('PipelineService_ListPipelines')).toBe(3);

    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'drop', times: 99 });
    const before = kfp.count('PipelineService_ListPipelines');
    const err = await caught(client().listPipelines());
    expect(err.code).toBe('client/connection-failed');
    expect(err.message).toMatch(/^PipelineService_ListPipelines: the connection to http:\/\/127\.0\.0\.1:\d+ broke during \/apis\/v2beta1\/pipelines \(3 attempts\): ECONNRESET\.$/);
    expect(kfp.count('PipelineService_ListPipelines') - before).toBe(3);
  });

  it('503 twice then 200: the read succeeds on the third attempt, after backoff with jitter', async () => {
    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'status', status: 503, times: 2 });
    const t0 = performance.now();
    const res = await client().listPipelines();
    const ms = performance.now() - t0;
    expect(res.total_size).toBe(0);
    expect(kfp.count('PipelineService_ListPipelines')).toBe(3);
    const delays = events.flatMap((e) => (e.kind === 'retry' ? [e.delayMs] : []));
    // Equal jitter: retry n waits between half and all of base * 2^(n-1).
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(10);
    expect(delays[0]).toBeLessThanOrEqual(20);
    expect(delays[1]).toBeGreaterThanOrEqual(20);
    expect(delays[1]).toBeLessThanOrEqual(40);
    measurements['503x2-then-200'] = { attempts: 3, retryDelaysMs: delays, totalMs: Math.round(ms) };
  });

  it('a server slower than the read timeout: the read is retried, then fails with client/timeout', async () => {
    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'delay', delayMs: 1500, times: 99 });
    const t0 = performance.now();
    const err = await caught(client({ readTimeoutMs: 250 }).listPipelines());
    const ms = performance.now() - t0;
    expect(err.code).toBe('client/timeout');
    expect(err.message).toMatch(/stopped answering \(3 attempts\): No data for 250 ms after connecting\./);
    expect(kfp.count('PipelineService_ListPipelines')).toBe(3);
    // The read timeout, not the server's 1.5 s answer, ended each attempt: the message names it and
    // three requests were made. The time taken is recorded, never asserted (a loaded machine).
    measurements['slow-read-timeout'] = { readTimeoutMs: 250, attempts: 3, totalMs: Math.round(ms) };
  });

  it('connection refused: nothing was sent, so even a create is retried; then a clear error', async () => {
    const port = await closedPort();
    const c = new KfpClient({ host: `http://127.0.0.1:${port}`, retry: RETRY, onEvent: (e) => events.push(e) });
    const err = await caught(c.createExperiment({ display_name: 'x' }));
    expect(err.code).toBe('client/connection-failed');
    expect(err.uncertain).toBe(false);
    expect(err.message).toBe(`ExperimentService_CreateExperiment: cannot connect to http://127.0.0.1:${port} (3 attempts): ECONNREFUSED. Check the host and port, and that the server is reachable.`);
    expect(events.filter((e) => e.kind === 'retry')).toHaveLength(2);
  });

  it('upload answered 503 without applying: looked up, not found, uploaded again — one pipeline', async () => {
    kfp.faults.push({ operation: 'UploadPipeline', mode: 'status', status: 503, times: 1 });
    const res = await upload(client(), monitoring());
    expect(res.outcome).toBe('created');
    expect(kfp.count('UploadPipeline')).toBe(2);
    expect(kfp.pipelines.size).toBe(1);
    expect(kfp.versions.size).toBe(1);
    expect(res.notes).toEqual(['The pipeline upload request failed (client/unavailable) and nothing was created; sent it again.']);
  });

  it.each([
    ['apply-then-drop', undefined],
    ['apply-then-status', 504],
    ['apply-then-status', 502],
  ] as const)('upload applied, then %s %s: found by name, never sent twice — one pipeline', async (mode, status) => {
    kfp.faults.push({ operation: 'UploadPipeline', mode, ...(status ? { status } : {}), times: 1 });
    const res = await upload(client(), monitoring());
    expect(res.outcome).toBe('created');
    expect(kfp.count('UploadPipeline')).toBe(1);
    expect(kfp.pipelines.size).toBe(1);
    expect(kfp.versions.size).toBe(1);
    expect(res.version.name).toBe('monitoring');
    expect(res.notes[0]).toMatch(/^The pipeline upload request failed uncertainly \(client\/(connection-failed|unavailable)\); it had in fact been applied, so it was not sent again\.$/);
  });

  it('upload slower than the timeout after applying: found by name — one pipeline', async () => {
    kfp.faults.push({ operation: 'UploadPipeline', mode: 'apply-then-delay', delayMs: 1500, times: 1 });
    const res = await upload(client({ readTimeoutMs: 250 }), monitoring());
    expect(kfp.count('UploadPipeline')).toBe(1);
    expect(kfp.pipelines.size).toBe(1);
    expect(res.notes[0]).toMatch(/failed uncertainly \(client\/timeout\)/);
  });

  it('version upload applied then dropped: found by name — one new version', async () => {
    const pkg = monitoring();
    await upload(client(), pkg);
    kfp.faults.push({ operation: 'UploadPipelineVersion', mode: 'apply-then-drop', times: 1 });
    const res = await upload(client(), pkg, { versionName: 'v2' });
    expect(res.outcome).toBe('versioned');
    expect(kfp.count('UploadPipelineVersion')).toBe(1);
    expect(kfp.versions.size).toBe(2);
  });

  it('experiment creation applied then dropped, and run creation applied then slow: one of each', async () => {
    kfp.faults.push({ operation: 'ExperimentService_CreateExperiment', mode: 'apply-then-drop', times: 1 });
    const c = client({ readTimeoutMs: 250 });
    const { experiment } = await ensureExperiment(c, 'ci');
    expect(kfp.experiments.size).toBe(1);
    kfp.faults.push({ operation: 'RunService_CreateRun', mode: 'apply-then-delay', delayMs: 1500, times: 1 });
    const res = await submitRun(c, { experimentId: experiment.experiment_id, runName: 'r', pipelineSpec: monitoring().pipelineSpec, parameters: { experiment_name: 'a', training_data_path: 'b' } });
    expect(kfp.count('RunService_CreateRun')).toBe(1);
    expect(kfp.runs.size).toBe(1);
    expect(res.notes).toEqual(['CreateRun failed uncertainly (client/timeout) but the run had been created; it was not submitted again.']);
  });

  it('run creation refused with 503 before applying: submitted again — one run', async () => {
    const c = client();
    const { experiment } = await ensureExperiment(c, 'ci');
    kfp.faults.push({ operation: 'RunService_CreateRun', mode: 'status', status: 503, times: 1 });
    await submitRun(c, { experimentId: experiment.experiment_id, runName: 'r', pipelineSpec: monitoring().pipelineSpec, parameters: { experiment_name: 'a', training_data_path: 'b' } });
    expect(kfp.count('RunService_CreateRun')).toBe(2);
    expect(kfp.runs.size).toBe(1);
  });

  it('error statuses carry the server body, a stable code, and are not retried', async () => {
    const c = client();
    const e404 = await caught(c.getRun('no-such-run'));
    expect(e404.code).toBe('client/not-found');
    expect(e404.message).toBe('RunService_GetRun: not found (404) at /apis/v2beta1/runs/no-such-run. The server said: Run no-such-run not found If every call fails this way, check that the host includes the API\'s path prefix (e.g. https://<kubeflow>/pipeline).');
    expect(kfp.count('RunService_GetRun')).toBe(1);

    await c.createExperiment({ display_name: 'dup' });
    const e409 = await caught(c.createExperiment({ display_name: 'dup' }));
    expect(e409.code).toBe('client/conflict');
    expect(e409.message).toBe('ExperimentService_CreateExperiment: it already exists (409). The server said: Failed to create an experiment: already exists');

    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'status', status: 500, body: '{"code":13,"message":"database is locked","details":[]}', times: 1 });
    const e500 = await caught(c.listPipelines());
    expect(e500.code).toBe('client/server-error');
    expect(e500.message).toBe('PipelineService_ListPipelines: the server failed (500). The server said: database is locked');
    expect(kfp.count('PipelineService_ListPipelines')).toBe(1);

    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'status', status: 403, body: '{"code":7,"message":"User \'a@b.c\' is not authorized with reason: (request: ...) in namespace team-a","details":[]}', times: 1 });
    const e403 = await caught(c.listPipelines({ namespace: 'team-a' }));
    expect(e403.code).toBe('client/forbidden');
    expect(e403.message).toMatch(/^PipelineService_ListPipelines: authenticated, but not allowed \(403\); the request carried no credentials\. .* The server said: User 'a@b\.c' is not authorized/);

    // The upload server's own error shape: {error_message, error_details}.
    await upload(c, monitoring());
    const e409up = await caught(c.uploadPipeline({ content: monitoring().bytes, filename: 'm.yaml' }, { name: 'monitoring' }));
    expect(e409up.code).toBe('client/conflict');
    expect(e409up.serverMessage).toBe('Failed to create a pipeline and a pipeline version');
  });

  it('401 without credentials says none were sent; a refused token file names the file, not the token', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-tok-'));
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, 'tok-WRONG-123\n');
    await kfp.stop();
    kfp = await new FakeKfp({ requiredToken: () => 'tok-RIGHT-456' }).start();
    const anon = await caught(client().listPipelines());
    expect(anon.code).toBe('client/unauthorized');
    expect(anon.message).toMatch(/requires authentication \(401\) and no credentials were sent/);
    const withFile = await caught(client({ credentials: { bearer: { kind: 'token-file', path: tokenFile, origin: '--token-file' } } }).listPipelines());
    expect(withFile.code).toBe('client/unauthorized');
    expect(withFile.message).toBe(
      `PipelineService_ListPipelines: http://127.0.0.1:${new URL(kfp.url).port} did not accept the credentials (401): the request carried a bearer token read from ${tokenFile} (--token-file). The token or session may have expired; get a new one. The server said: Unauthenticated: invalid or missing token`,
    );
    expect(withFile.message).not.toContain('tok-WRONG-123');
    // Unchanged file: one request, no loop.
    expect(kfp.count('PipelineService_ListPipelines')).toBe(2);
  });

  it('a token file that changes between calls and mid-call (rotation): the new token is used; no duplicate upload', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-tok-'));
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, 'tok-A-0001');
    let required = 'tok-A-0001';
    let rotateOnNextRequest = false;
    await kfp.stop();
    kfp = await new FakeKfp({
      requiredToken: () => {
        if (rotateOnNextRequest) {
          // The kubelet rotates the projected token while the request is in flight.
          rotateOnNextRequest = false;
          required = 'tok-C-0003';
          writeFileSync(tokenFile, 'tok-C-0003\n');
        }
        return required;
      },
    }).start();
    const c = client({ credentials: { bearer: { kind: 'token-file', path: tokenFile, origin: 'KF_PIPELINES_SA_TOKEN_PATH' } } });
    await c.listPipelines();
    writeFileSync(tokenFile, 'tok-B-0002');
    required = 'tok-B-0002';
    await c.listPipelines();
    const auths = kfp.requests.map((r) => r.headers.authorization);
    expect(auths).toEqual(['Bearer tok-A-0001', 'Bearer tok-B-0002']);

    rotateOnNextRequest = true;
    kfp.requests.length = 0;
    const res = await upload(c, monitoring());
    expect(res.outcome).toBe('created');
    expect(kfp.requests.map((r) => `${r.operation} ${r.headers.authorization}`)).toEqual([
      'PipelineService_ListPipelines Bearer tok-B-0002',
      'PipelineService_ListPipelines Bearer tok-C-0003',
      'UploadPipeline Bearer tok-C-0003',
      'PipelineService_ListPipelineVersions Bearer tok-C-0003',
    ]);
    expect(events.filter((e) => e.kind === 'token-reread')).toHaveLength(1);
    expect(kfp.pipelines.size).toBe(1);
  });

  it('a file over 32 MiB is refused before anything is sent', async () => {
    const big = Buffer.alloc(MAX_PIPELINE_FILE_BYTES + 1, 0x61);
    const err = await caught(publishPipeline(client(), { file: { content: big, filename: 'big.yaml' }, name: 'big', sha256: '00' }));
    expect(err.code).toBe('client/file-too-large');
    expect(err.message).toBe('The pipeline file is 33554433 bytes; Kubeflow Pipelines accepts at most 33554432 (32 MiB). Nothing was sent.');
    expect(kfp.requests).toEqual([]);
    const loaded = loadPipelinePackage(big.toString('latin1'), 'big.yaml');
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => d.code)).toEqual(['client/file-too-large']);
  });
});

describe('transport: TLS, proxies, login redirects', () => {
  const healthz = (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"multi_user":true,"pipeline_store":"database"}');
  };

  it('a private CA: refused by default with a hint; trusted with ca; accepted with insecure', async () => {
    const tls = selfSignedCert();
    const server = await loopback(healthz, tls);
    try {
      const err = await caught(new KfpClient({ host: server.url, retry: RETRY }).healthz());
      expect(err.code).toBe('client/tls');
      expect(err.message).toMatch(/TLS to https:\/\/127\.0\.0\.1:\d+ failed: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\. If the server uses a private CA, pass its certificate \(--ca-cert\)/);
      expect(server.hits).toBe(0); // no HTTP request: the handshake failed, and TLS errors are not retried
      expect(await new KfpClient({ host: server.url, tls: { ca: tls.cert } }).healthz()).toEqual({ multi_user: true, pipeline_store: 'database' });
      expect((await new KfpClient({ host: server.url, tls: { insecure: true } }).healthz()).multi_user).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('HTTP_PROXY for http targets, CONNECT through HTTPS_PROXY for https targets, NO_PROXY bypasses', async () => {
    const tls = selfSignedCert();
    const plain = await loopback(healthz);
    const secure = await loopback(healthz, tls);
    const proxy = await forwardProxy();
    try {
      const proxyUrl = `http://user:s3cret-proxy-pw@127.0.0.1:${proxy.port}`;
      await new KfpClient({ host: plain.url, proxy: { httpProxy: proxyUrl } }).healthz();
      await new KfpClient({ host: secure.url, proxy: { httpsProxy: proxyUrl }, tls: { ca: tls.cert } }).healthz();
      expect(proxy.seen).toEqual([`GET ${plain.url}/apis/v2beta1/healthz`, `CONNECT 127.0.0.1:${secure.port}`]);
      await new KfpClient({ host: plain.url, proxy: { httpProxy: proxyUrl, noProxy: 'example.com, 127.0.0.1' } }).healthz();
      expect(proxy.seen).toHaveLength(2);
      expect(plain.hits).toBe(2);
    } finally {
      await Promise.all([plain.stop(), secure.stop(), proxy.stop()]);
    }
  });

  it('connect timeout: a peer that accepts TCP but never completes the TLS handshake; nothing was sent, so a create is retried too', async () => {
    const sockets: Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const events: HttpEvent[] = [];
    try {
      const t0 = performance.now();
      const err = await caught(new KfpClient({ host: `https://127.0.0.1:${port}`, connectTimeoutMs: 200, retry: RETRY, onEvent: (e) => events.push(e) }).createExperiment({ display_name: 'x' }));
      const ms = performance.now() - t0;
      expect(err.code).toBe('client/timeout');
      expect(err.uncertain).toBe(false);
      expect(err.message).toBe(`ExperimentService_CreateExperiment: could not connect to https://127.0.0.1:${port} (3 attempts): No connection within 200 ms. Check the host and port, and that the server is reachable (port-forward running?).`);
      expect(sockets).toHaveLength(3);
      expect(events.filter((e) => e.kind === 'retry')).toHaveLength(2);
      measurements['connect-timeout'] = { connectTimeoutMs: 200, attempts: 3, totalMs: Math.round(ms) };
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('a credential with a line break is refused with the setting named, not the value, and nothing is sent', async () => {
    const server = await loopback(healthz);
    try {
      const err = await caught(new KfpClient({ host: server.url, credentials: { cookie: { value: 'session=abc-secret-123\n', origin: 'KFP_COOKIE' } } }).healthz());
      expect(err.code).toBe('client/invalid-option');
      expect(err.message).toBe('The cookie from KFP_COOKIE contains a line break, control or non-Latin-1 character, so it cannot be sent as an HTTP header. Check for a stray newline or quote.');
      expect(server.hits).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('a redirect to a Dex login page is an authentication error; an HTML page is not taken for JSON', async () => {
    const dex = await loopback((_req, res) => {
      res.writeHead(302, { location: '/dex/auth?client_id=kubeflow-oidc-authservice&redirect_uri=/oauth2/callback' });
      res.end();
    });
    const html = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><head><title>Kubeflow Central Dashboard</title></head></html>');
    });
    try {
      const e1 = await caught(new KfpClient({ host: dex.url, credentials: { cookie: { value: 'oauth2_proxy_kubeflow=expired-cookie-value', origin: 'KFP_COOKIE' } } }).listPipelines());
      expect(e1.code).toBe('client/unauthorized');
      expect(e1.message).toMatch(/redirected to a login page instead of answering; it sent the cookie oauth2_proxy_kubeflow from KFP_COOKIE\./);
      const e2 = await caught(new KfpClient({ host: html.url }).listPipelines());
      expect(e2.code).toBe('client/unexpected-response');
      expect(e2.message).toMatch(/answered with an HTML page \(Kubeflow Central Dashboard\), not the KFP API's JSON/);
    } finally {
      await Promise.all([dex.stop(), html.stop()]);
    }
  });
});
