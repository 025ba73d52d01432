import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedDir } from '../support/repo.ts';
import { FakeKfp } from './support/fake-kfp.ts';
import { closedPort } from './support/loopback.ts';
import { runCliAsync, type CliRun } from './support/run-cli.ts';

/**
 * (c) With a bearer token and a session cookie set, every byte the CLI writes — stdout and stderr,
 * successes, --verbose request logs, and failures including a server that echoes the request
 * headers back in its error — is scanned for the secrets. The fake server confirms the secrets
 * were really sent, so the scan cannot pass by never using them.
 */

const TOKEN = 'kfp-secret-token-7f3a9c1e0d';
const COOKIE_VALUE = 'cookie-secret-55d0e2b1aa';
const COOKIE = `oauth2_proxy_kubeflow=${COOKIE_VALUE}`;
const PROXY_PASSWORD = 'proxy-pw-93be61';
const FORBIDDEN = [TOKEN, COOKIE_VALUE, PROXY_PASSWORD, encodeURIComponent(COOKIE), Buffer.from(TOKEN).toString('base64'), Buffer.from(`u:${PROXY_PASSWORD}`).toString('base64')];

function leaks(runs: readonly CliRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) for (const s of FORBIDDEN) if (r.stdout.includes(s) || r.stderr.includes(s)) out.push(s);
  return out;
}

describe('no secret in any output', () => {
  let kfp: FakeKfp;
  const file = () => path.join(sharedDir(), 'reference', 'monitoring_pipeline.yaml');

  beforeEach(async () => {
    kfp = await new FakeKfp({ requiredToken: () => TOKEN, echoHeadersInErrors: true }).start();
  });
  afterEach(async () => {
    await kfp.stop();
  });

  it('successful commands with --verbose, secrets from the environment and from flags', async () => {
    const env = { KFP_HOST: kfp.url, KFP_TOKEN: TOKEN, KFP_COOKIE: COOKIE };
    const params = ['--param', 'experiment_name=e', '--param', 'training_data_path=gs://b/x'];
    const runs: CliRun[] = [];
    runs.push(await runCliAsync(['upload', file(), '--verbose'], env));
    runs.push(await runCliAsync(['upload', file(), '--verbose', '--version-name', 'v2', '--format', 'json'], env));
    runs.push(await runCliAsync(['run', file(), '--experiment', 'ci', ...params, '--wait', '--poll-interval', '0.01', '--verbose'], env));
    runs.push(await runCliAsync(['runs', 'list', '--verbose'], env));
    runs.push(await runCliAsync(['runs', 'get', [...kfp.runs.keys()][0] ?? 'x', '--format', 'json', '--verbose'], env));
    runs.push(await runCliAsync(['pipelines', 'list', '--verbose', '--format', 'json'], env));
    runs.push(await runCliAsync(['pipelines', 'list', '--host', kfp.url, '--token', TOKEN, '--cookie', COOKIE, '--verbose']));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(runs[0]?.stderr).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/apis\/v2beta1\/pipelines\?/); // --verbose did log requests
    // The secrets were sent on every request…
    expect(kfp.requests.length).toBeGreaterThan(15);
    expect(kfp.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}` && r.headers.cookie === COOKIE)).toBe(true);
    // …and appear nowhere in what the user sees.
    expect(leaks(runs)).toEqual([]);
  });

  it('failures: a server echoing the headers, a refused token, a token file, a config file, a broken proxy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kfp-ts-sec-'));
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    const config = path.join(dir, 'config.yaml');
    writeFileSync(config, `host: ${kfp.url}\ntoken: ${TOKEN}\ncookie: "${COOKIE}"\n`);
    const runs: CliRun[] = [];

    kfp.faults.push({ operation: 'PipelineService_ListPipelines', mode: 'status', status: 500, body: JSON.stringify({ code: 13, message: `boom; you sent Authorization: Bearer ${TOKEN}; Cookie: ${COOKIE}` }), times: 1 });
    const echoed = await runCliAsync(['pipelines', 'list', '--host', kfp.url, '--token', TOKEN, '--cookie', COOKIE]);
    runs.push(echoed);
    expect(echoed.code).toBe(1);
    expect(echoed.stderr).toMatch(/The server said: boom; you sent Authorization: Bearer \[redacted\]; Cookie: \[redacted\]/);

    runs.push(await runCliAsync(['upload', file(), '--host', kfp.url, '--token', 'wrong-token-value-1', '--cookie', COOKIE]));
    expect(runs.at(-1)?.stderr).toMatch(/did not accept the credentials \(401\): the request carried a bearer token from --token and the cookie oauth2_proxy_kubeflow from --cookie/);
    runs.push(await runCliAsync(['runs', 'list', '--host', kfp.url, '--token-file', tokenFile, '--cookie', COOKIE, '--verbose']));
    expect(runs.at(-1)?.code).toBe(0);
    runs.push(await runCliAsync(['runs', 'list', '--config', config, '--verbose']));
    expect(runs.at(-1)?.code).toBe(0);

    const down = await closedPort();
    runs.push(await runCliAsync(['runs', 'list', '--host', `http://127.0.0.1:${down}`, '--token', TOKEN, '--cookie', COOKIE, '--retries', '0']));
    expect(runs.at(-1)?.stderr).toMatch(/cannot connect to/);
    runs.push(
      await runCliAsync(['runs', 'list', '--host', 'https://kfp.invalid', '--token', TOKEN, '--retries', '0', '--verbose'], {
        HTTPS_PROXY: `http://u:${PROXY_PASSWORD}@127.0.0.1:${down}`,
      }),
    );
    expect(runs.at(-1)?.stderr).toMatch(/error: .*proxy.*\[client\/proxy\]/);
    // A 404 under --verbose: the request log and the error, with both secrets set.
    runs.push(await runCliAsync(['runs', 'get', 'nope', '--host', kfp.url, '--token', TOKEN, '--cookie', COOKIE, '--verbose']));
    expect(runs.at(-1)?.code).toBe(1);

    expect(leaks(runs)).toEqual([]);
  });
});
