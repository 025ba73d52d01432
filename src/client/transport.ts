import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { selectProxy, type ProxyOptions } from './proxy.ts';

/**
 * One HTTP exchange over node:http / node:https, with the controls global fetch does not expose
 * without the npm `undici` package: a connect timeout separate from the read timeout, a custom CA or
 * no verification, and HTTP(S) proxies (CONNECT tunnels for https targets). It also records whether
 * the request could have reached the server — the fact the retry logic needs to keep
 * non-idempotent calls (uploads, run creation) from being sent twice.
 */
export interface TlsOptions {
  /** PEM text of extra certificate authorities to trust (replaces the default bundle, like curl --cacert). */
  readonly ca?: string;
  /** Skip certificate verification. */
  readonly insecure?: boolean;
}

export interface TransportOptions {
  /** Time allowed to open the TCP connection (and the TLS handshake, and a proxy tunnel). */
  readonly connectTimeoutMs: number;
  /** Longest silence allowed once connected, while sending, waiting for, or reading the response. */
  readonly readTimeoutMs: number;
  readonly tls?: TlsOptions;
  readonly proxy?: ProxyOptions;
  readonly maxResponseBytes?: number;
}

export interface TransportRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export type TransportFailure = 'connect' | 'connect-timeout' | 'tls' | 'proxy' | 'read-timeout' | 'reset' | 'too-large';

export class TransportError extends Error {
  readonly failure: TransportFailure;
  /** False only when no byte of the request can have reached the server. */
  readonly sent: boolean;
  readonly causeCode: string | undefined;
  constructor(failure: TransportFailure, sent: boolean, message: string, causeCode?: string) {
    super(message);
    this.name = 'TransportError';
    this.failure = failure;
    this.sent = sent;
    this.causeCode = causeCode;
  }
}

const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

const TLS_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_ERROR_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_'));
}

export async function send(request: TransportRequest, options: TransportOptions): Promise<TransportResponse> {
  const target = request.url;
  const proxy = selectProxy(target, options.proxy);
  if (proxy !== undefined && proxy.protocol !== 'http:') {
    throw new TransportError('proxy', false, `Only http:// proxies are supported; the proxy for ${target.protocol}// targets is ${proxy.protocol}//.`);
  }
  const startedAt = Date.now();
  let tunnel: tls.TLSSocket | undefined;
  if (proxy !== undefined && target.protocol === 'https:') {
    tunnel = await openTunnel(target, proxy, options);
  }
  const remainingConnectMs = Math.max(1, options.connectTimeoutMs - (Date.now() - startedAt));
  return exchange(request, options, proxy, tunnel, remainingConnectMs);
}

function exchange(
  request: TransportRequest,
  options: TransportOptions,
  proxy: URL | undefined,
  tunnel: tls.TLSSocket | undefined,
  connectTimeoutMs: number,
): Promise<TransportResponse> {
  const target = request.url;
  const isHttps = target.protocol === 'https:';
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const headers: Record<string, string> = { ...request.headers, host: target.host };
  if (request.body !== undefined) headers['content-length'] = String(request.body.byteLength);

  let reqOptions: https.RequestOptions;
  let lib: typeof http | typeof https = http;
  if (tunnel !== undefined) {
    const socket = tunnel;
    reqOptions = { method: request.method, path: target.pathname + target.search, headers, createConnection: () => socket };
  } else if (proxy !== undefined) {
    // Plain-HTTP proxying: the absolute URL goes in the request line.
    const proxyHeaders = { ...headers, ...proxyAuthHeader(proxy) };
    reqOptions = { method: request.method, host: proxy.hostname, port: proxy.port || 80, path: target.href, headers: proxyHeaders, agent: false };
  } else {
    lib = isHttps ? https : http;
    reqOptions = {
      method: request.method,
      host: target.hostname,
      port: target.port || (isHttps ? 443 : 80),
      path: target.pathname + target.search,
      headers,
      agent: false,
      ...(isHttps ? tlsOptionsFor(target, options.tls) : {}),
    };
  }

  return new Promise<TransportResponse>((resolve, reject) => {
    let connected = tunnel !== undefined;
    let settled = false;
    const fail = (err: TransportError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      reject(err);
    };
    const req = lib.request(reqOptions);
    const connectTimer = setTimeout(() => {
      if (!connected) req.destroy(new TransportError('connect-timeout', false, `No connection within ${options.connectTimeoutMs} ms.`));
    }, connectTimeoutMs);

    const onConnected = (socket: Socket): void => {
      connected = true;
      clearTimeout(connectTimer);
      // Idle timer: restarts on every byte sent or received.
      socket.setTimeout(options.readTimeoutMs, () => {
        req.destroy(new TransportError('read-timeout', true, `No data for ${options.readTimeoutMs} ms after connecting.`));
      });
    };
    req.on('socket', (socket: Socket) => {
      if (connected) {
        onConnected(socket);
        return;
      }
      const direct = tunnel === undefined && proxy === undefined;
      const event = direct && isHttps ? 'secureConnect' : 'connect';
      socket.once(event, () => onConnected(socket));
    });

    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof TransportError) return fail(err);
      const code = err.code;
      if (!connected && isTlsErrorCode(code)) return fail(new TransportError('tls', false, err.message, code));
      if (!connected) return fail(new TransportError('connect', false, err.message, code));
      return fail(new TransportError('reset', true, err.message, code));
    });

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy(new TransportError('too-large', true, `The response is larger than ${maxBytes} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => {
        fail(err instanceof TransportError ? err : new TransportError('reset', true, err.message, err.code));
      });
      res.on('aborted', () => fail(new TransportError('reset', true, 'The connection closed before the response was complete.')));
      res.on('end', () => {
        if (settled) return;
        if (!res.complete) return fail(new TransportError('reset', true, 'The connection closed before the response was complete.'));
        settled = true;
        clearTimeout(connectTimer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });

    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

function tlsOptionsFor(target: URL, opts: TlsOptions | undefined): https.RequestOptions {
  const out: https.RequestOptions = { rejectUnauthorized: !(opts?.insecure ?? false) };
  if (opts?.ca !== undefined) out.ca = opts.ca;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) out.servername = host;
  return out;
}

function proxyAuthHeader(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return { 'proxy-authorization': `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

/** CONNECT through an http:// proxy, then TLS to the target over the tunnel. */
function openTunnel(target: URL, proxy: URL, options: TransportOptions): Promise<tls.TLSSocket> {
  const authority = `${target.hostname}:${target.port || 443}`;
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    let done = false;
    const finish = (err: TransportError | undefined, socket?: tls.TLSSocket): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(socket as tls.TLSSocket);
    };
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuthHeader(proxy) },
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(new TransportError('connect-timeout', false, `No tunnel through the proxy within ${options.connectTimeoutMs} ms.`));
    }, options.connectTimeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      finish(new TransportError('proxy', false, `The proxy ${proxy.host} could not be reached: ${err.message}`, err.code));
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        finish(new TransportError('proxy', false, `The proxy ${proxy.host} answered ${res.statusCode} to CONNECT ${authority}.`));
        return;
      }
      const tlsOpts = tlsOptionsFor(target, options.tls);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const secure = tls.connect({
        socket,
        // Over a tunnel there is no host to connect to, and without a servername (IP targets) Node
        // would check the certificate against "localhost"; check it against the target instead.
        host,
        checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
        rejectUnauthorized: tlsOpts.rejectUnauthorized ?? true,
        ...(tlsOpts.ca !== undefined ? { ca: tlsOpts.ca } : {}),
        ...(tlsOpts.servername !== undefined ? { servername: tlsOpts.servername } : {}),
      });
      secure.once('secureConnect', () => finish(undefined, secure));
      secure.once('error', (err: NodeJS.ErrnoException) => {
        const failure = isTlsErrorCode(err.code) ? 'tls' : 'connect';
        finish(new TransportError(failure, false, err.message, err.code));
      });
    });
    req.end();
  });
}
