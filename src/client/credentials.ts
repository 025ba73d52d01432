import { readFile } from 'node:fs/promises';
import { KfpError } from './errors.ts';
import type { Redactor } from './redact.ts';

/**
 * Where the bearer token comes from. `origin` names the setting the user gave (`--token`,
 * `KFP_TOKEN`, `config file`), so an authentication failure can say which credential was used
 * without showing it.
 */
export type BearerCredential =
  | { readonly kind: 'token'; readonly token: string; readonly origin: string }
  /**
   * A file holding the token, re-read before every request: in-cluster service-account tokens
   * (projected at KF_PIPELINES_SA_TOKEN_PATH) are rotated by the kubelet while a job runs.
   */
  | { readonly kind: 'token-file'; readonly path: string; readonly origin: string };

/** A session cookie (`name=value`) for Dex / oauth2-proxy installs, and where it came from. */
export interface CookieCredential {
  /** The Cookie header value, e.g. `oauth2_proxy_kubeflow=...` (Dex / oauth2-proxy installs). */
  readonly value: string;
  readonly origin: string;
}

/** What the client authenticates with: a bearer credential, a session cookie, or both. */
export interface Credentials {
  readonly bearer?: BearerCredential;
  readonly cookie?: CookieCredential;
}

/** The auth headers for one request, and the token they carry (to tell a rotated file on 401). */
export interface AuthHeaders {
  readonly headers: Readonly<Record<string, string>>;
  readonly token: string | undefined;
}

export class CredentialProvider {
  readonly #credentials: Credentials;
  readonly #redactor: Redactor;

  constructor(credentials: Credentials, redactor: Redactor) {
    this.#credentials = credentials;
    this.#redactor = redactor;
    if (credentials.bearer?.kind === 'token') redactor.add(credentials.bearer.token);
    if (credentials.cookie) redactor.add(credentials.cookie.value);
  }

  get hasBearerFile(): boolean {
    return this.#credentials.bearer?.kind === 'token-file';
  }

  async authHeaders(operation: string): Promise<AuthHeaders> {
    const headers: Record<string, string> = {};
    const token = await this.#readToken(operation);
    if (token !== undefined) headers['authorization'] = `Bearer ${checkHeaderValue(token, 'bearer token', this.#originOfBearer(), operation)}`;
    const cookie = this.#credentials.cookie;
    if (cookie) headers['cookie'] = checkHeaderValue(cookie.value, 'cookie', cookie.origin, operation);
    return { headers, token };
  }

  #originOfBearer(): string {
    const b = this.#credentials.bearer;
    return b === undefined ? '' : b.kind === 'token' ? b.origin : `${b.path} (${b.origin})`;
  }

  /** The token as it is now, for comparing with the one a rejected request carried. */
  async currentToken(operation: string): Promise<string | undefined> {
    return this.#readToken(operation);
  }

  async #readToken(operation: string): Promise<string | undefined> {
    const bearer = this.#credentials.bearer;
    if (bearer === undefined) return undefined;
    if (bearer.kind === 'token') return bearer.token;
    let text: string;
    try {
      text = await readFile(bearer.path, 'utf8');
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? 'read error';
      throw new KfpError({
        code: 'client/credential-unreadable',
        operation,
        message: `Cannot read the token file ${bearer.path} (${reason}), set by ${bearer.origin}. Check the path, or pass --token-file with a readable file.`,
      });
    }
    const token = text.trim();
    if (token === '') {
      throw new KfpError({
        code: 'client/credential-unreadable',
        operation,
        message: `The token file ${bearer.path} (set by ${bearer.origin}) is empty.`,
      });
    }
    this.#redactor.add(token);
    return token;
  }

  /** Names the credentials sent, for 401/403 messages. Never includes a secret value. */
  describe(): string {
    const parts: string[] = [];
    const bearer = this.#credentials.bearer;
    if (bearer?.kind === 'token') parts.push(`a bearer token from ${bearer.origin}`);
    if (bearer?.kind === 'token-file') parts.push(`a bearer token read from ${bearer.path} (${bearer.origin})`);
    const cookie = this.#credentials.cookie;
    if (cookie) parts.push(`the cookie ${cookieNames(cookie.value)} from ${cookie.origin}`);
    return parts.length === 0 ? 'no credentials' : parts.join(' and ');
  }

  get isAnonymous(): boolean {
    return this.#credentials.bearer === undefined && this.#credentials.cookie === undefined;
  }
}

/** `a=1; b=2` → `a, b`: cookie names are not secret, values are. */
export function cookieNames(cookieHeader: string): string {
  const names = cookieHeader
    .split(';')
    .map((p) => p.split('=')[0]?.trim() ?? '')
    .filter((n) => n !== '');
  return names.length === 0 ? '(unnamed)' : names.join(', ');
}

/**
 * A header value with a line break or control character would be refused by node:http with an
 * error of its own; say which setting is wrong instead, without repeating the value.
 */
function checkHeaderValue(value: string, what: string, origin: string, operation: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value) || /[^\u0000-\u00ff]/.test(value)) {
    throw new KfpError({
      code: 'client/invalid-option',
      operation,
      message: `The ${what} from ${origin} contains a line break, control or non-Latin-1 character, so it cannot be sent as an HTTP header. Check for a stray newline or quote.`,
    });
  }
  return value;
}
