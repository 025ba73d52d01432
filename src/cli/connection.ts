import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { diagnostic, formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { ClientOptions, HttpEvent } from '../client/http.ts';
import type { BearerCredential, CookieCredential } from '../client/credentials.ts';
import type { ProxyOptions } from '../client/proxy.ts';
import { EXIT_USER_ERROR, exitCodeFor } from './exit-codes.ts';
import { addFormatOption, type FormatFlags } from './output-format.ts';

/**
 * Connection settings for the commands that talk to KFP (upload, run, runs, pipelines,
 * experiments, recurring-runs).
 * Each setting comes from the first of: a flag, an environment variable, the config file. The
 * library never reads the environment; this module is where it is mapped to client options.
 *
 * | setting     | flag            | environment                                          | config key     |
 * |-------------|-----------------|------------------------------------------------------|----------------|
 * | host        | --host          | KFP_HOST, KF_PIPELINES_ENDPOINT                      | host           |
 * | namespace   | --namespace     | KFP_NAMESPACE                                        | namespace      |
 * | token       | --token         | KFP_TOKEN                                            | token          |
 * | token file  | --token-file    | KFP_TOKEN_FILE, KF_PIPELINES_SA_TOKEN_PATH           | tokenFile      |
 * | cookie      | --cookie        | KFP_COOKIE                                           | cookie         |
 * | CA bundle   | --ca-cert       | KFP_CA_CERT                                          | caCert         |
 * | no TLS check| --insecure      | KFP_INSECURE=1                                       | insecure       |
 * | UI address  | --ui-url        | KFP_UI_URL, KF_PIPELINES_UI_ENDPOINT                 | uiUrl          |
 * | timeouts (s)| --connect-timeout, --read-timeout | KFP_CONNECT_TIMEOUT, KFP_READ_TIMEOUT | connectTimeout, readTimeout |
 * | retries     | --retries       | KFP_RETRIES                                          | retries        |
 * | proxies     | —               | HTTPS_PROXY, HTTP_PROXY, NO_PROXY (or lower case)    | httpsProxy, httpProxy, noProxy |
 * | config file | --config        | KFP_CONFIG                                           | —              |
 *
 * The config file defaults to $XDG_CONFIG_HOME/kfp-ts/config.yaml (~/.config/kfp-ts/config.yaml)
 * and is optional. With no bearer credential anywhere, the in-cluster token at
 * /var/run/secrets/kubeflow/pipelines/token is used when it exists (as the Python client does).
 */
export interface ConnectionFlags {
  readonly host?: string;
  readonly namespace?: string;
  readonly token?: string;
  readonly tokenFile?: string;
  readonly cookie?: string;
  readonly caCert?: string;
  readonly insecure?: boolean;
  readonly uiUrl?: string;
  readonly connectTimeout?: string;
  readonly readTimeout?: string;
  readonly retries?: string;
  readonly config?: string;
  readonly verbose?: boolean;
}

/** A KFP command's flags as `addConnectionOptions` declares them: the connection and `--format`. */
export interface KfpCommandFlags extends ConnectionFlags, FormatFlags {}

export const DEFAULT_SA_TOKEN_PATH = '/var/run/secrets/kubeflow/pipelines/token';

export const ConfigFile = z.strictObject({
  host: z.string().optional(),
  namespace: z.string().optional(),
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  cookie: z.string().optional(),
  caCert: z.string().optional(),
  insecure: z.boolean().optional(),
  uiUrl: z.string().optional(),
  connectTimeout: z.number().positive().optional(),
  readTimeout: z.number().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
  httpsProxy: z.string().optional(),
  httpProxy: z.string().optional(),
  noProxy: z.string().optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Adds the connection flags, and `--format`, to a command. */
export function addConnectionOptions(cmd: Command): Command {
  return addFormatOption(cmd)
    .option('--host <url>', 'KFP API address, e.g. http://localhost:8080 or https://kubeflow.example.com/pipeline [env KFP_HOST]')
    .option('--namespace <ns>', 'Kubernetes namespace (multi-user installs) [env KFP_NAMESPACE]')
    .option('--token <token>', 'bearer token (prefer --token-file or KFP_TOKEN: flags show in `ps`)')
    .option('--token-file <path>', 'file holding a bearer token, re-read before each request [env KF_PIPELINES_SA_TOKEN_PATH]')
    .option('--cookie <cookie>', 'session cookie, e.g. "oauth2_proxy_kubeflow=…" [env KFP_COOKIE]')
    .option('--ca-cert <path>', 'PEM file of the CA that signed the server certificate [env KFP_CA_CERT]')
    .option('--insecure', 'do not verify the server certificate (testing only) [env KFP_INSECURE=1]')
    .option('--ui-url <url>', 'KFP UI address for links (default: derived from --host) [env KFP_UI_URL]')
    .option('--connect-timeout <seconds>', 'connect timeout (default 10)')
    .option('--read-timeout <seconds>', 'idle timeout once connected (default 60)')
    .option('--retries <n>', 'retries for idempotent calls (default 3)')
    .option('--config <path>', 'config file (default ~/.config/kfp-ts/config.yaml) [env KFP_CONFIG]')
    .option('--verbose', 'log each request to stderr (never with credentials)');
}

export interface ResolvedConnection {
  readonly clientOptions: ClientOptions;
  readonly namespace: string | undefined;
  readonly uiUrl: string | undefined;
  /** Where each setting came from (`--host`, `KFP_HOST`, `config file …`), for --verbose. */
  readonly sources: Readonly<Record<string, string>>;
}

export interface ResolveEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir?: string;
  /** Injected for tests; defaults to fs.existsSync. */
  readonly fileExists?: (path: string) => boolean;
  readonly onEvent?: (event: HttpEvent) => void;
}

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function resolveConnection(flags: ConnectionFlags, environment: ResolveEnvironment): Promise<Resolved<ResolvedConnection>> {
  const env = environment.env;
  const diags: Diagnostic[] = [];
  const sources: Record<string, string> = {};
  const exists = environment.fileExists ?? existsSync;

  const config = await loadConfig(flags, environment, diags);
  const cfgLabel = config ? `config file ${config.path}` : 'config file';
  const cfg: ConfigFile = config?.data ?? {};

  /** First defined of flag, env vars, config key — and remembers which. */
  const pick = (key: string, flag: string | undefined, flagName: string, envNames: readonly string[], cfgValue: string | undefined): string | undefined => {
    if (nonEmpty(flag)) return ((sources[key] = flagName), flag);
    for (const n of envNames) {
      if (nonEmpty(env[n])) return ((sources[key] = n), env[n]);
    }
    if (nonEmpty(cfgValue)) return ((sources[key] = cfgLabel), cfgValue);
    return undefined;
  };

  const host = pick('host', flags.host, '--host', ['KFP_HOST', 'KF_PIPELINES_ENDPOINT'], cfg.host);
  if (host === undefined) {
    diags.push(
      diagnostic(
        'connection/missing-host',
        'host',
        'No KFP address: pass --host URL (e.g. http://localhost:8080 after `kubectl port-forward svc/ml-pipeline-ui 8080:80`), set KFP_HOST, or add `host:` to ~/.config/kfp-ts/config.yaml.',
      ),
    );
  }
  const namespace = pick('namespace', flags.namespace, '--namespace', ['KFP_NAMESPACE'], cfg.namespace);
  const uiUrl = pick('uiUrl', flags.uiUrl, '--ui-url', ['KFP_UI_URL', 'KF_PIPELINES_UI_ENDPOINT'], cfg.uiUrl);

  // Bearer credential: the highest level that sets one wins; within a level a token beats a file.
  let bearer: BearerCredential | undefined;
  const levels: Array<[string | undefined, string, string | undefined, string]> = [
    [flags.token, '--token', flags.tokenFile, '--token-file'],
    [env['KFP_TOKEN'], 'KFP_TOKEN', env['KFP_TOKEN_FILE'] ?? env['KF_PIPELINES_SA_TOKEN_PATH'], nonEmpty(env['KFP_TOKEN_FILE']) ? 'KFP_TOKEN_FILE' : 'KF_PIPELINES_SA_TOKEN_PATH'],
    [cfg.token, `${cfgLabel} (token)`, cfg.tokenFile, `${cfgLabel} (tokenFile)`],
  ];
  for (const [token, tokenOrigin, file, fileOrigin] of levels) {
    if (nonEmpty(token)) {
      bearer = { kind: 'token', token: token.trim(), origin: tokenOrigin };
      break;
    }
    if (nonEmpty(file)) {
      bearer = { kind: 'token-file', path: file, origin: fileOrigin };
      break;
    }
  }
  if (bearer === undefined && exists(DEFAULT_SA_TOKEN_PATH)) {
    bearer = { kind: 'token-file', path: DEFAULT_SA_TOKEN_PATH, origin: 'the in-cluster default path' };
  }
  if (bearer !== undefined) sources['bearer'] = bearer.origin;

  let cookie: CookieCredential | undefined;
  const cookieValue = pick('cookie', flags.cookie, '--cookie', ['KFP_COOKIE'], cfg.cookie);
  if (cookieValue !== undefined) cookie = { value: cookieValue.trim(), origin: sources['cookie'] ?? 'cookie' };

  let ca: string | undefined;
  const caPath = pick('caCert', flags.caCert, '--ca-cert', ['KFP_CA_CERT'], cfg.caCert);
  if (caPath !== undefined) {
    try {
      ca = await readFile(caPath, 'utf8');
    } catch (err) {
      diags.push(diagnostic('connection/ca-cert', 'caCert', `Cannot read the CA certificate ${caPath} (from ${sources['caCert']}): ${(err as NodeJS.ErrnoException).code ?? 'read error'}.`));
    }
  }
  let insecure = false;
  if (flags.insecure === true) {
    insecure = true;
    sources['insecure'] = '--insecure';
  } else if (nonEmpty(env['KFP_INSECURE'])) {
    insecure = /^(1|true|yes)$/i.test(env['KFP_INSECURE'].trim());
    sources['insecure'] = 'KFP_INSECURE';
  } else if (cfg.insecure !== undefined) {
    insecure = cfg.insecure;
    sources['insecure'] = cfgLabel;
  }

  const seconds = (key: string, flag: string | undefined, flagName: string, envName: string, cfgValue: number | undefined): number | undefined => {
    const raw = pick(key, flag, flagName, [envName], cfgValue === undefined ? undefined : String(cfgValue));
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      diags.push(diagnostic('connection/invalid-number', key, `${sources[key]} must be a positive number of seconds, not "${raw}".`));
      return undefined;
    }
    return Math.round(n * 1000);
  };
  const connectTimeoutMs = seconds('connectTimeout', flags.connectTimeout, '--connect-timeout', 'KFP_CONNECT_TIMEOUT', cfg.connectTimeout);
  const readTimeoutMs = seconds('readTimeout', flags.readTimeout, '--read-timeout', 'KFP_READ_TIMEOUT', cfg.readTimeout);
  let retries: number | undefined;
  const rawRetries = pick('retries', flags.retries, '--retries', ['KFP_RETRIES'], cfg.retries === undefined ? undefined : String(cfg.retries));
  if (rawRetries !== undefined) {
    const n = Number(rawRetries);
    if (!Number.isInteger(n) || n < 0 || n > 10) diags.push(diagnostic('connection/invalid-number', 'retries', `${sources['retries']} must be a whole number from 0 to 10, not "${rawRetries}".`));
    else retries = n;
  }

  const proxy: ProxyOptions = {
    ...optional('httpsProxy', firstEnv(env, ['HTTPS_PROXY', 'https_proxy']) ?? cfg.httpsProxy),
    ...optional('httpProxy', firstEnv(env, ['HTTP_PROXY', 'http_proxy']) ?? cfg.httpProxy),
    ...optional('noProxy', firstEnv(env, ['NO_PROXY', 'no_proxy']) ?? cfg.noProxy),
  };

  if (diags.length > 0 || host === undefined) return { ok: false, diagnostics: diags };
  const clientOptions: ClientOptions = {
    host,
    credentials: { ...(bearer !== undefined ? { bearer } : {}), ...(cookie !== undefined ? { cookie } : {}) },
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(readTimeoutMs !== undefined ? { readTimeoutMs } : {}),
    ...(retries !== undefined ? { retry: { maxAttempts: retries + 1 } } : {}),
    tls: { insecure, ...(ca !== undefined ? { ca } : {}) },
    proxy,
    ...(environment.onEvent !== undefined ? { onEvent: environment.onEvent } : {}),
  };
  return { ok: true, value: { clientOptions, namespace, uiUrl, sources } };
}

async function loadConfig(flags: ConnectionFlags, environment: ResolveEnvironment, diags: Diagnostic[]): Promise<{ path: string; data: ConfigFile } | undefined> {
  const env = environment.env;
  const explicit = nonEmpty(flags.config) ? flags.config : nonEmpty(env['KFP_CONFIG']) ? env['KFP_CONFIG'] : undefined;
  const home = environment.homeDir ?? homedir();
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']) ? env['XDG_CONFIG_HOME'] : join(home, '.config');
  const path = explicit ?? join(xdg, 'kfp-ts', 'config.yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The default file is optional; one the user named must exist.
    if (explicit === undefined && code === 'ENOENT') return undefined;
    diags.push(diagnostic('config/unreadable', 'config', `Cannot read the config file ${path}: ${code ?? 'read error'}.`, path));
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    diags.push(diagnostic('config/parse', 'config', `Not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`, path));
    return undefined;
  }
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) diags.push(diagnostic('config/unknown-key', key, `Unknown setting "${key}". Known: ${Object.keys(ConfigFile.shape).join(', ')}.`, path));
      } else {
        diags.push(diagnostic('config/invalid-value', where, issue.message, path));
      }
    }
    return undefined;
  }
  return { path, data: parsed.data };
}

function nonEmpty(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

function firstEnv(env: Readonly<Record<string, string | undefined>>, names: readonly string[]): string | undefined {
  for (const n of names) if (nonEmpty(env[n])) return env[n];
  return undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

// ---- shared plumbing for the KFP commands ------------------------------------------------------

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIo: CommandIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** A --verbose logger: events are already free of secrets. */
export function verboseLogger(io: CommandIo, enabled: boolean | undefined): ((e: HttpEvent) => void) | undefined {
  if (enabled !== true) return undefined;
  return (e) => {
    switch (e.kind) {
      case 'request':
        io.err(`→ ${e.method} ${e.url}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`);
        break;
      case 'response':
        io.err(`← ${e.status} ${e.operation} in ${e.ms} ms`);
        break;
      case 'retry':
        io.err(`  retrying ${e.operation} in ${e.delayMs} ms after ${e.reason}`);
        break;
      case 'token-reread':
        io.err(`  the token file changed; retrying ${e.operation} with the new token`);
        break;
    }
  };
}

/**
 * Prints diagnostics to stderr and, when any is an error, sets the exit code `exitCodeFor` gives
 * them: 2 for a wrong command line, 1 for other errors.
 */
export function failWith(io: CommandIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${d.severity === 'warning' ? 'warning' : 'error'}: ${formatDiagnostic(d)}`);
  if (hasErrors(diagnostics)) process.exitCode = exitCodeFor(diagnostics);
}

/** Extra lines for a failure code: which flag or variable fixes it. The library's message says what happened. */
export function cliHint(code: string): string | undefined {
  switch (code) {
    case 'client/unauthorized':
      return 'Credentials: --token-file PATH (or KF_PIPELINES_SA_TOKEN_PATH) for a service-account token, e.g. from `kubectl create token <sa> -n <ns> --audience=pipelines.kubeflow.org`; --cookie "oauth2_proxy_kubeflow=<value>" (or KFP_COOKIE) with the cookie from a logged-in browser; --token (or KFP_TOKEN).';
    case 'client/forbidden':
      return 'Pass --namespace (or KFP_NAMESPACE) with a namespace your account is a contributor of.';
    case 'client/tls':
      return '--ca-cert PATH (or KFP_CA_CERT) trusts a private CA; --insecure (or KFP_INSECURE=1) skips verification.';
    case 'client/timeout':
      return '--connect-timeout and --read-timeout take seconds (or KFP_CONNECT_TIMEOUT / KFP_READ_TIMEOUT).';
    case 'client/connection-failed':
      return 'Check --host (or KFP_HOST); behind a proxy set HTTPS_PROXY / NO_PROXY.';
    default:
      return undefined;
  }
}

/**
 * Runs a KFP command body with a connected client; user errors become messages and exit code 1.
 * `hints` adds the command's own advice for an error code (e.g. what a 404 means for its argument).
 */
export async function withKfpClient(
  io: CommandIo,
  flags: ConnectionFlags,
  body: (ctx: { readonly kfp: import('../client/kfp-client.ts').KfpClient; readonly connection: ResolvedConnection }) => Promise<void>,
  hints: Readonly<Partial<Record<import('../client/errors.ts').KfpErrorCode, string>>> = {},
): Promise<void> {
  const resolved = await resolveConnection(flags, { env: process.env, ...withOnEvent(verboseLogger(io, flags.verbose)) });
  if (!resolved.ok) return failWith(io, resolved.diagnostics);
  const { KfpClient } = await import('../client/kfp-client.ts');
  const { isKfpError } = await import('../client/errors.ts');
  let kfp: import('../client/kfp-client.ts').KfpClient | undefined;
  try {
    kfp = new KfpClient(resolved.value.clientOptions);
    await body({ kfp, connection: resolved.value });
  } catch (err) {
    if (!isKfpError(err)) throw err;
    const redact = (s: string): string => (kfp ? kfp.http.redactor.redact(s) : s);
    io.err(`error: ${redact(err.message)} [${err.code}]`);
    const hint = hints[err.code] ?? cliHint(err.code);
    if (hint !== undefined) io.err(`hint: ${hint}`);
    process.exitCode = EXIT_USER_ERROR;
  }
}

function withOnEvent(onEvent: ((e: HttpEvent) => void) | undefined): { onEvent?: (e: HttpEvent) => void } {
  return onEvent === undefined ? {} : { onEvent };
}
