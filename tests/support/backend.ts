/**
 * The KFP backend's own code, run from the test suite: `ir-check` (the API server's template parser
 * and the Argo workflow compiler over IR files) and `apiserver` (the real v2beta1 REST handlers on
 * in-memory storage). Both are the Go programs in tests/backend; see tests/backend/README.md.
 *
 * @example
 * const results = await checkIrFiles(['pipeline.yaml']);
 * // [{ file: 'pipeline.yaml', template: 'ok', argo: 'ok' }]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './repo.ts';

export const BACKEND_DIR = path.join(REPO, 'tests', 'backend');
const BIN_DIR = path.join(BACKEND_DIR, 'bin');
const STAMP = path.join(BIN_DIR, '.fingerprint');
const LOCK = path.join(BIN_DIR, '.build-lock');

/** The backend module the programs are built against (the sdk-2.17.0-1 tag). */
export const KFP_BACKEND_COMMIT = '0c355f1ee3f96db5713729ea10e2d0edf90d3166';

export interface BackendBinaries {
  readonly irCheck: string;
  readonly apiserver: string;
}

/** One line of `ir-check` output: each stage is `'ok'` or the backend's own error text. */
export interface IrCheckResult {
  readonly file: string;
  readonly template: string;
  readonly argo: string;
}

export interface ApiServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`; REST paths start with `/apis/v2beta1/`. */
  readonly url: string;
  /** What the server logged so far (glog on stderr), for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The Go build could not get the backend module: the Go module proxy this machine reaches refuses
 * `github.com/kubeflow/pipelines` (HTTP 403 "This module version is not available"). Any other
 * build failure is a plain Error.
 */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  constructor(
    message: string,
    readonly goOutput: string,
  ) {
    super(message);
  }
}

let built: Promise<BackendBinaries> | undefined;

/**
 * Builds `tests/backend/bin/{ir-check,apiserver}` once and reuses them while the Go sources,
 * go.mod, go.sum (and a local go.work, if any) and the Go version are unchanged. Safe to call from
 * parallel vitest workers: one builds, the others wait for it.
 */
export function ensureBackendBuilt(): Promise<BackendBinaries> {
  built ??= buildOnce();
  return built;
}

export type BackendAvailability = { readonly available: true; readonly binaries: BackendBinaries } | { readonly available: false; readonly reason: string };

/**
 * Builds the backend programs and says whether they could be built. Only the module proxy refusing
 * the backend module counts as "unavailable"; every other build failure throws. With
 * `KFP_BACKEND_REQUIRED=1` in the environment, unavailable throws too.
 */
export async function backendAvailability(): Promise<BackendAvailability> {
  try {
    return { available: true, binaries: await ensureBackendBuilt() };
  } catch (e) {
    if (!(e instanceof BackendUnavailableError) || process.env.KFP_BACKEND_REQUIRED === '1') throw e;
    return { available: false, reason: e.message };
  }
}

/** Runs every file through the backend in one `ir-check` process (per 200 files). */
export async function checkIrFiles(files: readonly string[]): Promise<IrCheckResult[]> {
  const { irCheck } = await ensureBackendBuilt();
  const results: IrCheckResult[] = [];
  for (let i = 0; i < files.length; i += 200) {
    const chunk = files.slice(i, i + 200);
    const { code, stdout, stderr } = await run(irCheck, chunk, BACKEND_DIR);
    // 0: all accepted, 1: some rejected; anything else is ir-check itself failing.
    if (code !== 0 && code !== 1) throw new Error(`ir-check exited ${code}:\n${stderr}`);
    const lines = stdout.split('\n').filter((l) => l !== '');
    if (lines.length !== chunk.length) {
      throw new Error(`ir-check printed ${lines.length} results for ${chunk.length} files:\n${stdout}\n${stderr}`);
    }
    for (const line of lines) results.push(JSON.parse(line) as IrCheckResult);
  }
  return results;
}

/** Starts the backend API server on a port the OS picks and resolves once it accepts requests. */
export async function startApiServer(options: { readyTimeoutMs?: number } = {}): Promise<ApiServer> {
  const { apiserver } = await ensureBackendBuilt();
  const child = spawn(apiserver, ['-port', '0'], { cwd: BACKEND_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-256 * 1024);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    const url = await readyUrl(child, exited, options.readyTimeoutMs ?? 30_000, () => stderr);
    return {
      url,
      logs: () => stderr,
      stop: async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (e) {
    process.removeListener('exit', killOnExit);
    child.kill('SIGKILL');
    throw e;
  }
}

function readyUrl(child: ChildProcess, exited: Promise<void>, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`apiserver printed no ready line in ${timeoutMs} ms:\n${stderr()}`)), timeoutMs);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`apiserver exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${stderr()}`));
    });
  });
}

async function buildOnce(): Promise<BackendBinaries> {
  const bins: BackendBinaries = { irCheck: path.join(BIN_DIR, 'ir-check'), apiserver: path.join(BIN_DIR, 'apiserver') };
  mkdirSync(BIN_DIR, { recursive: true });
  const fingerprint = sourceFingerprint();
  const upToDate = () => existsSync(bins.irCheck) && existsSync(bins.apiserver) && readStamp() === fingerprint;
  if (upToDate()) return bins;

  await acquireLock();
  try {
    if (upToDate()) return bins; // another worker built it while this one waited
    await goBuild();
    writeFileSync(STAMP, fingerprint);
    return bins;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function goBuild(): Promise<void> {
  const tmp = path.join(BIN_DIR, `.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  // -mod=mod (what CI uses) is refused in workspace mode, which a local go.work turns on.
  const work = goEnv('GOWORK');
  const workspace = work !== '' && work !== 'off';
  const inherited = (process.env.GOFLAGS ?? '').split(/\s+/).filter((f) => f !== '' && !f.startsWith('-mod='));
  const goflags = [...inherited, ...(workspace ? [] : ['-mod=mod'])].join(' ');
  const env = {
    ...process.env,
    GOFLAGS: goflags,
    // The checksum database reached here answers 404 for kubeflow/pipelines' nested modules
    // (e.g. third_party/ml-metadata); their hashes are pinned in go.sum instead.
    GONOSUMDB: [process.env.GONOSUMDB, 'github.com/kubeflow/pipelines'].filter(Boolean).join(','),
  };
  const args = ['build', '-trimpath', '-buildvcs=false', '-ldflags=-s -w', '-o', `${tmp}/`, './cmd/ir-check', './cmd/apiserver'];
  const { code, stdout, stderr } = await run('go', args, BACKEND_DIR, env);
  try {
    if (code !== 0) {
      const output = `${stdout}${stderr}`;
      if (/403 Forbidden/.test(output) && /github\.com\/kubeflow\/pipelines/.test(output)) {
        throw new BackendUnavailableError(
          `the Go module proxy refuses github.com/kubeflow/pipelines (commit ${KFP_BACKEND_COMMIT}), so the backend programs cannot be built here:\n${firstLines(output, 6)}`,
          output,
        );
      }
      throw new Error(`go ${args.join(' ')} failed (exit ${code}) in ${BACKEND_DIR}:\n${output}`);
    }
    renameSync(path.join(tmp, 'ir-check'), path.join(BIN_DIR, 'ir-check'));
    renameSync(path.join(tmp, 'apiserver'), path.join(BIN_DIR, 'apiserver'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A directory made with mkdir is the lock; a holder that died leaves its pid behind to check. */
async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (lockHolderDead()) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`waited 30 minutes for ${LOCK}; remove it if no build is running`);
    else await new Promise((r) => setTimeout(r, 1000));
  }
}

function lockHolderDead(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet — unless it has been like that for a while.
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sourceFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(goEnv('GOVERSION'));
  const files = ['go.mod', 'go.sum', ...goFiles(BACKEND_DIR)].map((rel) => path.join(BACKEND_DIR, rel));
  // A go.work (local development only, never committed) changes what gets built.
  const work = goEnv('GOWORK');
  if (work !== '' && work !== 'off') files.push(work, `${work}.sum`);
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(`\0${path.relative(BACKEND_DIR, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function goFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'bin' && !entry.name.startsWith('.')) out.push(...goFiles(dir, child));
    else if (entry.isFile() && entry.name.endsWith('.go')) out.push(child);
  }
  return out;
}

function readStamp(): string | undefined {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
}

const goEnvCache = new Map<string, string>();
function goEnv(name: string): string {
  let value = goEnvCache.get(name);
  if (value === undefined) {
    const r = spawnSync('go', ['env', name], { cwd: BACKEND_DIR, encoding: 'utf8' });
    if (r.error) throw new Error(`cannot run 'go' (needed to build tests/backend): ${r.error.message}`);
    value = r.stdout.trim();
    goEnvCache.set(name, value);
  }
  return value;
}

function firstLines(text: string, n: number): string {
  return text.split('\n').filter((l) => !l.startsWith('go: downloading')).slice(0, n).join('\n');
}

function run(cmd: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }));
  });
}
