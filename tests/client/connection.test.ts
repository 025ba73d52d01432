import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { DEFAULT_SA_TOKEN_PATH, resolveConnection, type ConnectionFlags } from '../../src/cli/connection.ts';

/** Connection settings: flag > environment > config file, with every problem reported as a diagnostic. */

function home(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-conn-'));
  if (config !== undefined) {
    mkdirSync(path.join(dir, '.config', 'kfp-ts'), { recursive: true });
    writeFileSync(path.join(dir, '.config', 'kfp-ts', 'config.yaml'), config);
  }
  return dir;
}

async function resolve(flags: ConnectionFlags, env: Record<string, string>, homeDir: string, fileExists: (p: string) => boolean = () => false) {
  return resolveConnection(flags, { env, homeDir, fileExists });
}

describe('connection settings', () => {
  it('GIVEN host in flag, env and config WHEN resolved THEN the flag wins, then env, then config', async () => {
    const h = home('host: http://from-config:1\nnamespace: cfg-ns\n');
    const all = await resolve({ host: 'http://from-flag:1' }, { KFP_HOST: 'http://from-env:1' }, h);
    const envOnly = await resolve({}, { KFP_HOST: 'http://from-env:1' }, h);
    const cfgOnly = await resolve({}, {}, h);
    expect([all, envOnly, cfgOnly].map((r) => (r.ok ? r.value.clientOptions.host : 'error'))).toEqual(['http://from-flag:1', 'http://from-env:1', 'http://from-config:1']);
    expect(cfgOnly.ok && cfgOnly.value.sources['host']).toBe(`config file ${path.join(h, '.config', 'kfp-ts', 'config.yaml')}`);
    expect(cfgOnly.ok && cfgOnly.value.namespace).toBe('cfg-ns');
  });

  it('GIVEN KF_PIPELINES_ENDPOINT (the Python SDK variable) WHEN no KFP_HOST THEN it is the host', async () => {
    const r = await resolve({}, { KF_PIPELINES_ENDPOINT: 'http://py:8888' }, home());
    expect(r.ok && r.value.clientOptions.host).toBe('http://py:8888');
  });

  it('GIVEN credentials at several levels WHEN resolved THEN the highest level wins; a token beats a file on the same level', async () => {
    const h = home('token: cfg-token\ntokenFile: /cfg/file\ncookie: "a=cfg"\n');
    const r1 = await resolve({ host: 'h', tokenFile: '/flag/file' }, { KFP_TOKEN: 'env-token' }, h);
    expect(r1.ok && r1.value.clientOptions.credentials?.bearer).toEqual({ kind: 'token-file', path: '/flag/file', origin: '--token-file' });
    const r2 = await resolve({ host: 'h' }, { KFP_TOKEN: 'env-token', KF_PIPELINES_SA_TOKEN_PATH: '/sa/token' }, h);
    expect(r2.ok && r2.value.clientOptions.credentials?.bearer).toEqual({ kind: 'token', token: 'env-token', origin: 'KFP_TOKEN' });
    const r3 = await resolve({ host: 'h' }, { KF_PIPELINES_SA_TOKEN_PATH: '/sa/token' }, h);
    expect(r3.ok && r3.value.clientOptions.credentials?.bearer).toEqual({ kind: 'token-file', path: '/sa/token', origin: 'KF_PIPELINES_SA_TOKEN_PATH' });
    const r4 = await resolve({ host: 'h' }, {}, h);
    expect(r4.ok && r4.value.clientOptions.credentials).toMatchObject({ bearer: { kind: 'token', token: 'cfg-token' }, cookie: { value: 'a=cfg' } });
  });

  it('GIVEN no bearer anywhere WHEN the in-cluster token file exists THEN it is used', async () => {
    const r = await resolve({ host: 'h' }, {}, home(), (p) => p === DEFAULT_SA_TOKEN_PATH);
    expect(r.ok && r.value.clientOptions.credentials?.bearer).toEqual({ kind: 'token-file', path: DEFAULT_SA_TOKEN_PATH, origin: 'the in-cluster default path' });
    const none = await resolve({ host: 'h' }, {}, home());
    expect(none.ok && none.value.clientOptions.credentials?.bearer).toBeUndefined();
  });

  it('GIVEN proxies, timeouts, retries and TLS settings WHEN resolved THEN they become client options', async () => {
    const h = home();
    const ca = path.join(h, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
    const r = await resolve(
      { host: 'https://kf.example.com/pipeline', connectTimeout: '2.5', retries: '0', caCert: ca },
      { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '.svc,localhost', KFP_READ_TIMEOUT: '90', KFP_INSECURE: 'true' },
      h,
    );
    expect(r.ok && r.value.clientOptions).toMatchObject({
      connectTimeoutMs: 2500,
      readTimeoutMs: 90_000,
      retry: { maxAttempts: 1 },
      tls: { insecure: true, ca: '-----BEGIN CERTIFICATE-----\n' },
      proxy: { httpsProxy: 'http://proxy:3128', noProxy: '.svc,localhost' },
    });
  });

  it('GIVEN a missing host, a bad number, an unreadable CA and an unknown config key WHEN resolved THEN every problem is reported', async () => {
    const h = home('hots: http://typo\nretries: 99\n');
    const r = await resolve({ connectTimeout: 'soon', caCert: '/nonexistent/ca.pem' }, {}, h);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([
      ['config/invalid-value', 'retries'],
      ['config/unknown-key', 'hots'],
      ['connection/missing-host', 'host'],
      ['connection/ca-cert', 'caCert'],
      ['connection/invalid-number', 'connectTimeout'],
    ]);
    expect(r.diagnostics[1]?.message).toMatch(/^Unknown setting "hots"\. Known: host, namespace, /);
  });

  it('GIVEN --config naming a missing file WHEN resolved THEN it is an error (the default file is optional)', async () => {
    const r = await resolve({ host: 'h', config: '/nonexistent/kfp.yaml' }, {}, home());
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['config/unreadable']);
  });
});
