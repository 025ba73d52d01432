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
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './repo.ts';

export const BACKEND_DIR = path.join(REPO, 'tests', 'backend');
const BIN_DIR = path.join(BACKEND_DIR, 'bin');
const STAMP = path.join(BIN_DIR, '.fingerprint');
const LOCK = path.join(BIN_DIR, '.build-lock');

/** The backend's own packages at KFP_BACKEND_COMMIT as a local module, beside the repository (read-only). */
export const KFP_BACKEND_LOCAL = path.resolve(REPO, '..', 'shared', 'kfp-backend');
/** The modules the Go module proxy refuses, and their folders in the local copy. */
const LOCAL_MODULES: ReadonlyArray<readonly [module: string, folder: string]> = [
  ['github.com/kubeflow/pipelines', '.'],
  ['github.com/kubeflow/pipelines/api', 'api'],
  ['github.com/kubeflow/pipelines/kubernetes_platform', 'kubernetes_platform'],
];

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

let built: Promise<BackendBinaries> | undefined;

/**
 * Builds `tests/backend/bin/{ir-check,apiserver}` once and reuses them while the Go sources,
 * go.mod, go.sum, the backend module's source (../shared/kfp-backend) and the Go version are
 * unchanged. Safe to call from parallel vitest workers: one builds, the others wait for it. A build
 * failure throws with Go's output: the backend is required, no test skips without it.
 */
export function ensureBackendBuilt(): Promise<BackendBinaries> {
  built ??= buildOnce();
  return built;
}

/**
 * Prints one count line of the backend tests and adds it to test-artifacts/backend-counts.txt,
 * which `npm test` repeats above its closing line, so a run shows the backend checks ran.
 */
export function reportBackendCount(line: string): void {
  console.log(`backend: ${line}`);
  const dir = path.join(REPO, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, 'backend-counts.txt'), `${line}\n`);
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
    const url = await readyUrl(child, exited, options.readyTimeoutMs ?? 300_000, () => stderr);
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
  const source = backendSource();
  const fingerprint = sourceFingerprint(source);
  const upToDate = () => existsSync(bins.irCheck) && existsSync(bins.apiserver) && readStamp() === fingerprint;
  if (upToDate()) return bins;

  await acquireLock();
  try {
    if (upToDate()) return bins; // another worker built it while this one waited
    await goBuild(source);
    writeFileSync(STAMP, fingerprint);
    return bins;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Where the backend module comes from. The Go module proxy refuses github.com/kubeflow/pipelines
 * and its nested modules `api` and `kubernetes_platform` (403 for every version), so the build
 * uses the same commit's packages in ../shared/kfp-backend when that folder exists, through a
 * go.work generated at build time (tests/backend/bin/go.work, relative paths, never committed).
 * Without the folder the build asks the module proxy.
 */
type BackendSource = { readonly kind: 'local'; readonly dir: string; readonly goWork: string } | { readonly kind: 'proxy' };

function backendSource(): BackendSource {
  if (!existsSync(path.join(KFP_BACKEND_LOCAL, 'go.mod'))) return { kind: 'proxy' };
  const rel = (to: string) => path.relative(BIN_DIR, to).split(path.sep).join('/');
  const replaces = LOCAL_MODULES.map(([module, sub]) => `\t${module} => ${rel(path.join(KFP_BACKEND_LOCAL, sub))}`);
  const goWork = ['// Generated by tests/support/backend.ts at build time: the backend module from ../shared/kfp-backend.', 'go 1.26', '', `use ${rel(BACKEND_DIR)}`, '', 'replace (', ...replaces, ')', ''].join('\n');
  return { kind: 'local', dir: KFP_BACKEND_LOCAL, goWork };
}

async function goBuild(source: BackendSource): Promise<void> {
  const tmp = path.join(BIN_DIR, `.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const work = path.join(BIN_DIR, 'go.work');
  if (source.kind === 'local') writeFileSync(work, source.goWork);
  // -mod=mod lets module mode add the proxy's hashes to go.sum; workspace mode refuses the flag.
  const inherited = (process.env.GOFLAGS ?? '').split(/\s+/).filter((f) => f !== '' && !f.startsWith('-mod='));
  const env = {
    ...process.env,
    GOWORK: source.kind === 'local' ? work : 'off',
    GOFLAGS: [...inherited, ...(source.kind === 'local' ? [] : ['-mod=mod'])].join(' '),
    // The checksum database reached here answers 404 for kubeflow/pipelines' nested modules
    // (e.g. third_party/ml-metadata); their hashes are pinned in go.sum instead.
    GONOSUMDB: [process.env.GONOSUMDB, 'github.com/kubeflow/pipelines'].filter(Boolean).join(','),
  };
  const args = ['build', '-trimpath', '-buildvcs=false', '-ldflags=-s -w', '-o', `${tmp}/`, './cmd/ir-check', './cmd/apiserver'];
  const from = source.kind === 'local' ? path.relative(REPO, source.dir) : `the Go module proxy (${goEnv('GOPROXY')})`;
  const started = Date.now();
  // Long work shows progress: a cold build takes minutes (tests/backend/README.md).
  console.log(`tests/backend: building ir-check and apiserver against ${from} (GOCACHE ${goEnv('GOCACHE')}; a cold build takes several minutes)`);
  const heartbeat = setInterval(() => console.log(`tests/backend: still building (${Math.round((Date.now() - started) / 60_000)} min)`), 60_000);
  const { code, stdout, stderr } = await run('go', args, BACKEND_DIR, env).finally(() => clearInterval(heartbeat));
  try {
    if (code !== 0) {
      const output = `${stdout}${stderr}`;
      const refused = /403 Forbidden/.test(output) && /github\.com\/kubeflow\/pipelines/.test(output);
      const hint = refused ? `\nThe module proxy refuses the backend module; put its packages (commit ${KFP_BACKEND_COMMIT}) at ${KFP_BACKEND_LOCAL} (see tests/backend/README.md).` : '';
      throw new Error(`go ${args.join(' ')} failed (exit ${code}) in ${BACKEND_DIR}:\n${firstLines(output, 40)}${hint}`);
    }
    renameSync(path.join(tmp, 'ir-check'), path.join(BIN_DIR, 'ir-check'));
    renameSync(path.join(tmp, 'apiserver'), path.join(BIN_DIR, 'apiserver'));
    console.log(`tests/backend: built in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A directory made with mkdir is the lock; a holder that died leaves its pid behind to check. */
async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 60 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (lockHolderDead()) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`waited 60 minutes for ${LOCK}; remove it if no build is running`);
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

function sourceFingerprint(source: BackendSource): string {
  const hash = createHash('sha256');
  hash.update(`${goEnv('GOVERSION')}\0${source.kind}\0`);
  const files = ['go.mod', 'go.sum', ...goFiles(BACKEND_DIR)].map((rel) => path.join(BACKEND_DIR, rel));
  if (source.kind === 'local') {
    hash.update(source.goWork);
    // The local module's files as its MANIFEST lists them (every .go, go.mod and go.sum file).
    for (const rel of readFileSync(path.join(source.dir, 'MANIFEST.txt'), 'utf8').split('\n')) {
      if (rel !== '') files.push(path.join(source.dir, rel));
    }
  }
  for (const file of files) {
    hash.update(`\0${path.relative(REPO, file)}\0`);
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
