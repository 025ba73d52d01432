import { diagnostic, DiagnosticError, type DiagnosticCode } from '../diagnostics.ts';
import type { ProxyOptions } from '../client/proxy.ts';
import { readBlob, readRecord, sha256Hex, writeBlob, writeRecord } from './url-cache.ts';

/** How a component file is downloaded: the client's transport settings, credentials and cache. */
export interface UrlFetchOptions {
  /**
   * A private CA (PEM text) or no verification, as for the KFP client. (Spelled out rather than
   * imported from the transport, whose types need Node's: a project's types stay free of them.)
   */
  readonly tls?: { readonly ca?: string; readonly insecure?: boolean };
  /** http(s) proxies; the library reads no environment, the CLI maps HTTPS_PROXY / NO_PROXY here. */
  readonly proxy?: ProxyOptions;
  readonly connectTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  /** HTTP basic credentials (kfp's `auth=(user, password)`); never sent on to another origin. */
  readonly auth?: { readonly username: string; readonly password: string };
  /** A directory for the content-addressed cache; without it every load downloads. */
  readonly cacheDir?: string;
  /** The expected SHA-256 (hex) of the file: verified, and with a cache hit no request is made. */
  readonly sha256?: string;
}

export interface FetchedText {
  readonly text: string;
  readonly sha256: string;
  /** Where the content came from: `network`, `revalidated` (304 Not Modified) or `cache` (pinned digest). */
  readonly origin: 'network' | 'revalidated' | 'cache';
}

const MAX_REDIRECTS = 5;

function fail(url: string, message: string, code: DiagnosticCode = 'load/download-failed'): never {
  // The address is one segment: its slashes are no path.
  throw new DiagnosticError([diagnostic(code, [url], message)]);
}

/** kfp maps `gs://bucket/path` to the public HTTPS address of the object. */
export function componentUrl(url: string): URL {
  const mapped = url.startsWith('gs://') ? `https://storage.googleapis.com/${url.slice('gs://'.length)}` : url;
  let parsed: URL;
  try {
    parsed = new URL(mapped);
  } catch {
    return fail(url, 'not a URL; give an http://, https:// or gs:// address', 'load/invalid-url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(url, `cannot download a ${parsed.protocol} URL; give an http://, https:// or gs:// address`, 'load/invalid-url');
  return parsed;
}

function decode(data: Buffer, url: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return fail(url, 'the file is not UTF-8 text');
  }
}

/**
 * The text of a component file at an http(s) URL, through the KFP client's transport (its proxy,
 * CA and timeout settings), following redirects, and cached by content when `cacheDir` is set.
 */
export async function fetchComponentText(address: string, options: UrlFetchOptions = {}): Promise<FetchedText> {
  const url = componentUrl(address);
  const pin = options.sha256?.toLowerCase();
  if (pin !== undefined && !/^[0-9a-f]{64}$/.test(pin)) fail(address, 'sha256 must be 64 hexadecimal digits', 'load/invalid-url');
  const dir = options.cacheDir;
  if (dir !== undefined && pin !== undefined) {
    const hit = readBlob(dir, pin);
    if (hit) return { text: decode(hit, address), sha256: pin, origin: 'cache' };
  }
  const record = dir !== undefined ? readRecord(dir, url.href) : undefined;
  const cached = record && dir !== undefined ? readBlob(dir, record.sha256) : undefined;
  const { send, TransportError } = await import('../client/transport.ts');

  let target = url;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { accept: 'application/yaml, text/yaml, text/plain, */*', 'user-agent': 'kfp-ts' };
    if (options.auth && target.origin === url.origin)
      headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
    if (cached && record && target.href === url.href) {
      if (record.etag) headers['if-none-match'] = record.etag;
      if (record.lastModified) headers['if-modified-since'] = record.lastModified;
    }
    let res;
    try {
      res = await send(
        { method: 'GET', url: target, headers },
        {
          connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
          readTimeoutMs: options.readTimeoutMs ?? 60_000,
          ...(options.tls ? { tls: options.tls } : {}),
          ...(options.proxy ? { proxy: options.proxy } : {}),
          maxResponseBytes: 32 * 1024 * 1024,
        },
      );
    } catch (err) {
      if (err instanceof TransportError) return fail(address, `the download failed: ${err.message}`);
      throw err;
    }
    if (res.status === 304 && cached && record) return { text: decode(cached, address), sha256: record.sha256, origin: 'revalidated' };
    if (res.status >= 300 && res.status < 400 && typeof res.headers.location === 'string') {
      if (hop >= MAX_REDIRECTS) fail(address, `more than ${MAX_REDIRECTS} redirects`);
      target = new URL(res.headers.location, target);
      continue;
    }
    if (res.status !== 200) fail(address, `the server answered HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (pass credentials with auth)' : ''}`);
    const digest = sha256Hex(res.body);
    if (pin !== undefined && digest !== pin) fail(address, `the file's SHA-256 is ${digest}, not the expected ${pin}: it changed; check it and update the digest`, 'load/digest-mismatch');
    const text = decode(res.body, address);
    if (dir !== undefined) {
      writeBlob(dir, res.body);
      const etag = res.headers.etag;
      const lastModified = res.headers['last-modified'];
      writeRecord(dir, { url: url.href, sha256: digest, ...(typeof etag === 'string' ? { etag } : {}), ...(typeof lastModified === 'string' ? { lastModified } : {}) });
    }
    return { text, sha256: digest, origin: 'network' };
  }
}
