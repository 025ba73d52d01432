import type { ZodType } from 'zod';
import { CredentialProvider, type Credentials } from './credentials.ts';
import { KfpError, type KfpErrorCode } from './errors.ts';
import { Redactor, displayUrl } from './redact.ts';
import { DEFAULT_RETRY, backoffDelay, defaultSleep, parseRetryAfter, type RetryOptions } from './retry.ts';
import { RpcStatus, UploadErrorBody } from './schemas.ts';
import { send, TransportError, type TlsOptions, type TransportResponse } from './transport.ts';
import type { ProxyOptions } from './proxy.ts';

/** How to reach and authenticate to a KFP API server. */
export interface ClientOptions {
  /**
   * Where the KFP API is served: `http://localhost:8080` for a port-forward, or with the path
   * prefix of a Kubeflow install, e.g. `https://kubeflow.example.com/pipeline`.
   */
  readonly host: string;
  readonly credentials?: Credentials;
  /** Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Default 60 000. Idle time allowed once connected. */
  readonly readTimeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly tls?: TlsOptions;
  readonly proxy?: ProxyOptions;
  /** Called with redacted, secret-free events; the CLI prints them under --verbose. */
  readonly onEvent?: (event: HttpEvent) => void;
}

/** What the client reports to `ClientOptions.onEvent` (for a `--verbose` log); never carries a credential. */
export type HttpEvent =
  | { readonly kind: 'request'; readonly operation: string; readonly method: string; readonly url: string; readonly attempt: number }
  | { readonly kind: 'response'; readonly operation: string; readonly status: number; readonly ms: number }
  | { readonly kind: 'retry'; readonly operation: string; readonly reason: string; readonly delayMs: number; readonly attempt: number }
  | { readonly kind: 'token-reread'; readonly operation: string };

/** One API call: method, path, query, body, and the zod schema its answer must match. */
export interface ApiRequest<T> {
  /** The swagger operation name, e.g. `PipelineService_ListPipelines`; used as the diagnostic path. */
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Path below the host, e.g. `/apis/v2beta1/pipelines`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly json?: unknown;
  readonly rawBody?: { readonly bytes: Uint8Array; readonly contentType: string };
  /**
   * Safe to send twice. Only idempotent calls are retried after the request may have reached the
   * server; creates are retried only when the connection failed before anything was sent.
   */
  readonly idempotent: boolean;
  readonly schema: ZodType<T>;
}

/** A call whose body is not JSON (grpc-web): same auth, timeouts, retries and error mapping. */
export type RawRequest = Omit<ApiRequest<unknown>, 'schema' | 'json'> & { readonly headers?: Readonly<Record<string, string>> };

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** The HTTP layer: URL building, auth headers, timeouts, retries, error mapping, response validation. */
export class KfpHttp {
  readonly baseUrl: URL;
  readonly redactor = new Redactor();
  readonly credentials: CredentialProvider;
  readonly retry: RetryOptions;
  readonly #options: ClientOptions;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.baseUrl = parseHost(options.host);
    this.credentials = new CredentialProvider(options.credentials ?? {}, this.redactor);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    if (this.retry.maxAttempts < 1) throw new KfpError({ code: 'client/invalid-option', message: 'retry.maxAttempts must be at least 1.' });
    const proxies = [options.proxy?.httpProxy, options.proxy?.httpsProxy];
    for (const p of proxies) {
      if (p === undefined) continue;
      try {
        const u = new URL(/^[a-z]+:\/\//i.test(p) ? p : `http://${p}`);
        this.redactor.add(decodeURIComponent(u.password));
        this.redactor.add(u.password);
      } catch {
        throw new KfpError({ code: 'client/invalid-option', message: `The proxy setting is not a URL: ${displayUrl(p)}` });
      }
    }
  }

  /** Host for messages: no userinfo, no trailing slash. */
  get displayHost(): string {
    return displayUrl(this.baseUrl).replace(/\/$/, '');
  }

  /** The full URL of an API path with its query. */
  url(path: string, query?: ApiRequest<unknown>['query']): URL {
    const base = this.baseUrl.href.replace(/\/+$/, '');
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    }
    return url;
  }

  /** Waits between retries (replaceable in tests). */
  sleep(ms: number): Promise<void> {
    return (this.retry.sleep ?? defaultSleep)(ms);
  }

  /** Reports an event to `ClientOptions.onEvent`, when set. */
  emit(event: HttpEvent): void {
    this.#options.onEvent?.(event);
  }

  /** Sends one API call with the client's credentials, timeouts and retries, and checks the answer against `req`'s schema. */
  async call<T>(req: ApiRequest<T>): Promise<T> {
    const { res, url } = await this.#exchange(req);
    return this.#decode(res, req, url);
  }

  /** Sends a raw request; resolves with a 2xx response, throws the mapped error otherwise. */
  async raw(req: RawRequest): Promise<TransportResponse> {
    return (await this.#exchange(req)).res;
  }

  async #exchange(req: RawRequest & { readonly json?: unknown }): Promise<{ res: TransportResponse; url: URL }> {
    const url = this.url(req.path, req.query);
    let body: Uint8Array | undefined;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'kfp-ts/0.1.0', ...req.headers };
    if (req.json !== undefined) {
      body = Buffer.from(JSON.stringify(req.json), 'utf8');
      headers['content-type'] = 'application/json';
    } else if (req.rawBody !== undefined) {
      body = req.rawBody.bytes;
      headers['content-type'] = req.rawBody.contentType;
    }
    let rereadToken = false;
    for (let attempt = 1; ; attempt++) {
      const auth = await this.credentials.authHeaders(req.operation);
      this.emit({ kind: 'request', operation: req.operation, method: req.method, url: this.redactor.redact(displayUrl(url)), attempt });
      const started = Date.now();
      let res: TransportResponse;
      try {
        res = await send(
          { method: req.method, url, headers: { ...headers, ...auth.headers }, ...(body !== undefined ? { body } : {}) },
          {
            connectTimeoutMs: this.#options.connectTimeoutMs ?? 10_000,
            readTimeoutMs: this.#options.readTimeoutMs ?? 60_000,
            ...(this.#options.tls !== undefined ? { tls: this.#options.tls } : {}),
            ...(this.#options.proxy !== undefined ? { proxy: this.#options.proxy } : {}),
          },
        );
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        const retryable = err.failure !== 'tls' && err.failure !== 'too-large' && (req.idempotent || !err.sent);
        if (retryable && attempt < this.retry.maxAttempts) {
          const delayMs = backoffDelay(attempt, this.retry);
          this.emit({ kind: 'retry', operation: req.operation, reason: describeTransport(err), delayMs, attempt });
          await this.sleep(delayMs);
          continue;
        }
        throw this.#transportError(err, req, url, attempt);
      }
      this.emit({ kind: 'response', operation: req.operation, status: res.status, ms: Date.now() - started });

      if (RETRYABLE_STATUS.has(res.status) && req.idempotent && attempt < this.retry.maxAttempts) {
        const delayMs = backoffDelay(attempt, this.retry, parseRetryAfter(res.headers['retry-after']));
        this.emit({ kind: 'retry', operation: req.operation, reason: `HTTP ${res.status}`, delayMs, attempt });
        await this.sleep(delayMs);
        continue;
      }
      // A 401 after the token file changed under us: the request was refused, not applied, so
      // sending it once more with the new token is safe even for a create.
      if (res.status === 401 && this.credentials.hasBearerFile && !rereadToken) {
        rereadToken = true;
        const current = await this.credentials.currentToken(req.operation);
        if (current !== auth.token) {
          this.emit({ kind: 'token-reread', operation: req.operation });
          attempt--;
          continue;
        }
      }
      if (res.status >= 200 && res.status < 300) return { res, url };
      throw this.#httpError(res, req, url, attempt);
    }
  }

  #decode<T>(res: TransportResponse, req: ApiRequest<T>, url: URL): T {
    const text = res.body.toString('utf8');
    if (looksLikeHtml(text, res.headers['content-type'])) {
      throw new KfpError({
        code: 'client/unexpected-response',
        operation: req.operation,
        status: res.status,
        message: `${req.operation}: ${url.pathname} answered with an HTML page (${htmlTitle(text) ?? 'no title'}), not the KFP API's JSON. This is usually a login page or the UI: check that the host points at the pipelines API (with its path prefix, e.g. https://<kubeflow>/pipeline) and that your credentials are valid.`,
      });
    }
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new KfpError({
        code: 'client/unexpected-response',
        operation: req.operation,
        status: res.status,
        message: `${req.operation}: the response from ${url.pathname} is not JSON: ${this.redactor.redact(snippet(text))}`,
      });
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new KfpError({
        code: 'client/unexpected-response',
        operation: req.operation,
        status: res.status,
        message: `${req.operation}: the response does not have the shape of the KFP v2beta1 API (${issues.join('; ')}). Is the host a KFP 2.x API server?`,
      });
    }
    return parsed.data;
  }

  #transportError(err: TransportError, req: RawRequest, url: URL, attempts: number): KfpError {
    const where = `${this.displayHost}`;
    const tried = attempts > 1 ? ` (${attempts} attempts)` : '';
    const uncertain = !req.idempotent && err.sent;
    const outcome = uncertain ? ' The request had been sent, so it may have been applied.' : '';
    const base = { operation: req.operation, uncertain };
    switch (err.failure) {
      case 'tls':
        return new KfpError({
          ...base,
          code: 'client/tls',
          message: `${req.operation}: TLS to ${where} failed: ${err.causeCode ?? err.message}. If the server uses a private CA, pass its certificate (--ca-cert); --insecure skips verification (testing only).`,
        });
      case 'proxy':
        return new KfpError({ ...base, code: 'client/proxy', message: `${req.operation}: ${this.redactor.redact(err.message)}${tried} Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY.` });
      case 'connect-timeout':
        return new KfpError({ ...base, code: 'client/timeout', message: `${req.operation}: could not connect to ${where}${tried}: ${err.message} Check the host and port, and that the server is reachable (port-forward running?).` });
      case 'read-timeout':
        return new KfpError({ ...base, code: 'client/timeout', message: `${req.operation}: ${where} stopped answering${tried}: ${err.message}${outcome} A slow server may need a longer --read-timeout.` });
      case 'connect':
        return new KfpError({
          ...base,
          code: 'client/connection-failed',
          message: `${req.operation}: cannot connect to ${where}${tried}: ${err.causeCode ?? err.message}. Check the host and port, and that the server is reachable.`,
        });
      case 'too-large':
        return new KfpError({ ...base, code: 'client/unexpected-response', message: `${req.operation}: ${err.message}` });
      case 'reset':
        return new KfpError({
          ...base,
          code: 'client/connection-failed',
          message: `${req.operation}: the connection to ${where} broke during ${url.pathname}${tried}: ${err.causeCode ?? err.message}.${outcome}`,
        });
    }
  }

  #httpError(res: TransportResponse, req: RawRequest, url: URL, attempts: number): KfpError {
    const serverMessage = this.redactor.redact(serverErrorText(res));
    const said = serverMessage === '' ? '' : ` The server said: ${serverMessage}`;
    const base = { operation: req.operation, status: res.status, ...(serverMessage !== '' ? { serverMessage } : {}) };
    const op = req.operation;
    const creds = this.credentials.describe();
    const mk = (code: KfpErrorCode, message: string, uncertain = false): KfpError => new KfpError({ ...base, code, message, uncertain });
    const s = res.status;
    if (s >= 300 && s < 400) {
      const location = String(res.headers.location ?? '');
      if (/dex|oauth|auth|login|signin|sso/i.test(location)) {
        return mk('client/unauthorized', `${op}: ${this.displayHost} redirected to a login page instead of answering; it sent ${creds}. Authenticate: a session cookie from your browser (e.g. oauth2_proxy_kubeflow) or a bearer token.`);
      }
      return mk('client/unexpected-response', `${op}: ${this.displayHost} redirected (${s}) to ${this.redactor.redact(displayUrl(location))}. Use the final address as the host.`);
    }
    switch (s) {
      case 400:
        return mk('client/bad-request', `${op}: the server rejected the request (400).${said}`);
      case 401:
        return mk(
          'client/unauthorized',
          this.credentials.isAnonymous
            ? `${op}: ${this.displayHost} requires authentication (401) and no credentials were sent. Provide a bearer token (a Kubernetes service-account token with audience pipelines.kubeflow.org) or your session cookie.${said}`
            : `${op}: ${this.displayHost} did not accept the credentials (401): the request carried ${creds}. The token or session may have expired; get a new one.${said}`,
        );
      case 403:
        return mk('client/forbidden', `${op}: authenticated, but not allowed (403); the request carried ${creds}. In a multi-user install, check the namespace and that your account has access to it.${said}`);
      case 404:
        return mk('client/not-found', `${op}: not found (404) at ${url.pathname}.${said} If every call fails this way, check that the host includes the API's path prefix (e.g. https://<kubeflow>/pipeline).`);
      case 409:
        return mk('client/conflict', `${op}: it already exists (409).${said}`);
      case 502:
      case 503:
      case 504: {
        const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
        const uncertain = !req.idempotent;
        const note = uncertain ? ' A gateway error on a create may hide a request that was applied.' : '';
        return mk('client/unavailable', `${op}: ${this.displayHost} is unavailable (${s})${tried}.${said}${note}`, uncertain);
      }
      default:
        if (s >= 500) return mk('client/server-error', `${op}: the server failed (${s}).${said}`);
        return mk('client/unexpected-response', `${op}: unexpected HTTP ${s}.${said}`);
    }
  }
}

/** The API base URL from a host setting (`localhost:8080`, `https://kubeflow.example.com/pipeline`); throws on a malformed one. */
export function parseHost(host: string): URL {
  const raw = host.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new KfpError({ code: 'client/invalid-option', message: `The host is not a URL: ${displayUrl(raw)}. Example: http://localhost:8080 or https://kubeflow.example.com/pipeline` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KfpError({ code: 'client/invalid-option', message: `The host must be http:// or https://, not ${url.protocol}//.` });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new KfpError({ code: 'client/invalid-option', message: 'The host must not have a query string or fragment.' });
  }
  return url;
}

/** The server's error text: googleRpcStatus.message, the upload server's error_message, or plain text. */
export function serverErrorText(res: TransportResponse): string {
  const text = res.body.toString('utf8').trim();
  if (text === '') return '';
  if (looksLikeHtml(text, res.headers['content-type'])) return `an HTML page (${htmlTitle(text) ?? 'no title'})`;
  try {
    const json: unknown = JSON.parse(text);
    const rpc = RpcStatus.safeParse(json);
    if (rpc.success && rpc.data.message) return snippet(rpc.data.message);
    const up = UploadErrorBody.safeParse(json);
    if (up.success && up.data.error_message) return snippet(up.data.error_message);
  } catch {
    // Plain text, e.g. from http.Error.
  }
  return snippet(text);
}

function describeTransport(err: TransportError): string {
  return `${err.failure}${err.causeCode ? ` (${err.causeCode})` : ''}`;
}

function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return (contentType ?? '').includes('text/html') || /^\s*<(!doctype html|html)/i.test(text);
}

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text);
  return m?.[1]?.trim();
}

function snippet(text: string, max = 1000): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
