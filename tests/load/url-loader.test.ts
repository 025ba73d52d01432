/**
 * loadComponentFromUrl against servers on 127.0.0.1: the content-addressed cache (revalidation
 * with ETag, a pinned digest answered without the network, a changed file refused by its pin),
 * redirects, basic credentials kept to their origin, HTTP errors, a private CA, and proxies — the
 * KFP client's transport settings.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics.ts';
import { loadComponentFromUrl } from '../../src/index.ts';
import { fetchComponentText } from '../../src/load/fetch-component-text.ts';
import { forwardProxy, loopback, selfSignedCert, type Loopback } from '../client/support/loopback.ts';

const HASH_YAML = readFileSync(new URL('../fixtures/kfp-v1-components/calculate_hash.yaml', import.meta.url));
const DIGEST = createHash('sha256').update(HASH_YAML).digest('hex');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-url-cache-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(handler: http.RequestListener, tls?: { key: string; cert: string }): Promise<Loopback> {
  const server = await loopback(handler, tls);
  cleanups.push(() => server.stop());
  return server;
}

/** Serves the component file with an ETag and answers If-None-Match with 304; records the request headers. */
function componentServer(seen: http.IncomingHttpHeaders[], body: () => Buffer = () => HASH_YAML): http.RequestListener {
  return (req, res) => {
    seen.push(req.headers);
    const data = body();
    const etag = `"${createHash('sha256').update(data).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { etag, 'content-type': 'application/yaml' }).end(data);
  };
}

async function failure(p: Promise<unknown>): Promise<DiagnosticError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DiagnosticError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('loadComponentFromUrl', () => {
  it('GIVEN a cache directory WHEN a file is loaded again THEN it is revalidated (304) and, pinned to its digest, not requested at all', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = await serve(componentServer(seen));
    const cacheDir = tempDir();
    const url = `${server.url}/calculate_hash.yaml`;
    const first = await fetchComponentText(url, { cacheDir });
    expect(first).toMatchObject({ origin: 'network', sha256: DIGEST });
    const again = await fetchComponentText(url, { cacheDir });
    expect(again).toMatchObject({ origin: 'revalidated', sha256: DIGEST, text: first.text });
    expect(seen[1]!['if-none-match']).toMatch(/^"[0-9a-f]{12}"$/);
    const pinned = await loadComponentFromUrl(url, { cacheDir, sha256: DIGEST });
    expect(pinned.node.name).toBe('calculate-data-hash');
    expect(server.hits).toBe(2);
  });

  it('GIVEN a pinned digest WHEN the served file changed THEN the load is refused and the cache keeps the old content', async () => {
    let body = HASH_YAML;
    const server = await serve(componentServer([], () => body));
    const url = `${server.url}/calculate_hash.yaml`;
    body = Buffer.from(HASH_YAML.toString('utf8').replace('SHA256', 'MD5'));
    const err = await failure(loadComponentFromUrl(url, { sha256: DIGEST }));
    expect(err.diagnostics.map((d) => d.code)).toEqual(['load/digest-mismatch']);
    expect(err.message).toContain(`not the expected ${DIGEST}: it changed`);
  });

  it('GIVEN redirects and credentials WHEN loaded THEN redirects are followed and the credentials stay on their origin', async () => {
    const seenTarget: http.IncomingHttpHeaders[] = [];
    const target = await serve(componentServer(seenTarget));
    const seenFront: http.IncomingHttpHeaders[] = [];
    const front = await serve((req, res) => {
      seenFront.push(req.headers);
      if (req.url === '/moved') return void res.writeHead(302, { location: '/component.yaml' }).end();
      res.writeHead(301, { location: `${target.url}/calculate_hash.yaml` }).end();
    });
    const c = await loadComponentFromUrl(`${front.url}/moved`, { auth: { username: 'me', password: 's3cret' } });
    expect(c.node.name).toBe('calculate-data-hash');
    expect(seenFront.map((h) => h.authorization)).toEqual([`Basic ${Buffer.from('me:s3cret').toString('base64')}`, `Basic ${Buffer.from('me:s3cret').toString('base64')}`]);
    expect(seenTarget.map((h) => h.authorization)).toEqual([undefined]);
  });

  it('GIVEN an HTTP error, a non-URL and an unsupported scheme WHEN loaded THEN each is a diagnostic', async () => {
    const server = await serve((_req, res) => void res.writeHead(404).end('no'));
    expect((await failure(loadComponentFromUrl(`${server.url}/missing.yaml`))).diagnostics).toEqual([
      { code: 'load/download-failed', path: [`${server.url}/missing.yaml`], message: 'the server answered HTTP 404' },
    ]);
    expect((await failure(loadComponentFromUrl('component.yaml'))).diagnostics.map((d) => d.code)).toEqual(['load/invalid-url']);
    expect((await failure(loadComponentFromUrl('ftp://example.com/c.yaml'))).diagnostics.map((d) => d.message)).toEqual([
      'cannot download a ftp: URL; give an http://, https:// or gs:// address',
    ]);
  });

  it('GIVEN https with a private CA WHEN loaded THEN it is refused without the CA and loads with it', async () => {
    const tls = selfSignedCert();
    const server = await serve(componentServer([]), tls);
    const url = `${server.url}/calculate_hash.yaml`;
    expect((await failure(loadComponentFromUrl(url))).message).toMatch(/the download failed: .*(self-signed|self signed)/i);
    expect((await loadComponentFromUrl(url, { tls: { ca: tls.cert } })).node.name).toBe('calculate-data-hash');
  });

  it('GIVEN proxies WHEN loaded THEN http goes through HTTP_PROXY, https through a CONNECT tunnel, and NO_PROXY bypasses', async () => {
    const tls = selfSignedCert();
    const plain = await serve(componentServer([]));
    const secure = await serve(componentServer([]), tls);
    const proxy = await forwardProxy();
    cleanups.push(() => proxy.stop());
    const proxyUrl = `http://127.0.0.1:${proxy.port}`;
    await loadComponentFromUrl(`${plain.url}/a.yaml`, { proxy: { httpProxy: proxyUrl } });
    await loadComponentFromUrl(`${secure.url}/b.yaml`, { proxy: { httpsProxy: proxyUrl }, tls: { ca: tls.cert } });
    await loadComponentFromUrl(`${plain.url}/c.yaml`, { proxy: { httpProxy: proxyUrl, noProxy: '127.0.0.1' } });
    expect(proxy.seen).toEqual([`GET ${plain.url}/a.yaml`, `CONNECT 127.0.0.1:${secure.port}`]);
    expect(plain.hits).toBe(2);
  });
});
