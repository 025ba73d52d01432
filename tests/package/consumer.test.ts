/**
 * kfp-ts as its users get it: the tarball `npm pack` makes, installed with `npm install <tgz>` (no
 * links) into fresh projects of three kinds — (a) an ES module package with the tsconfig `tsc --init`
 * writes (strict, module NodeNext) and skipLibCheck off, (b) moduleResolution bundler, (c) a
 * CommonJS package, on the lowest zod of the peer range. In each:
 *
 * - `npx kfp-ts compile` turns a pipeline with Python components, a loop, a condition and a secret
 *   into the IR kfp 2.17.3 writes for its Python twin (fixtures/twin.py);
 * - `npx tsc --noEmit` reports nothing, and a miswired argument is a tsc error at its line;
 * - plain `node` (no tsx, no loader) imports the DSL and the client and compiles a pipeline.
 *
 * And on the tarball: publint and arethetypeswrong report nothing; it holds what the package needs
 * and no build scripts; a zod 3 project gets an error that names the versions.
 */
import { spawn } from 'node:child_process';
import { recordPrintedCodes } from '../support/produced-codes.ts';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, venvPython } from '../support/repo.ts';
import { ignoreSdkVersion, irDifferences, loadIr, loadKfpIr } from '../support/yaml-compare.ts';

const FIXTURES = path.join(REPO, 'tests', 'package', 'fixtures');
const BIN = path.join(REPO, 'node_modules', '.bin');
const PACKAGE = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** The versions the projects install: the repository's own pins, and zod's lowest supported. */
const TYPESCRIPT = `typescript@${PACKAGE.devDependencies['typescript']}`;
const TYPES_NODE = `@types/node@${PACKAGE.devDependencies['@types/node']}`;
const ZOD_LOWEST = `zod@${PACKAGE.peerDependencies['zod']!.replace(/^\^/, '')}`;
const ZOD_3 = 'zod@3.25.76';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A clean environment for the user's tools: no npm_* variables of the npm running this suite.
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS'));
    const child = spawn(cmd, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => {
      // The codes kfp-ts itself prints, for the registry check (tests/registry).
      if (args.includes('kfp-ts')) recordPrintedCodes(stdout, stderr);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}${r.stderr}`);
  return r;
}

const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

let work = '';
let tarball = '';
let twinYaml = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kfp-ts-consumer-'));
  const twinOut = path.join(work, 'twin.yaml');
  // Packing runs prepack: dist/ is fresh (the integration project's global setup built it), so it
  // is packed as is; the packed package.json loses the repository-only `prepare` script.
  const [packed] = await Promise.all([
    run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], REPO),
    run(venvPython(), [path.join(FIXTURES, 'twin.py'), twinOut], FIXTURES).then((r) => ok(r, 'kfp compiling fixtures/twin.py')),
  ]);
  ok(packed, 'npm pack');
  tarball = path.join(work, packed.stdout.trim().split('\n').pop()!);
  twinYaml = await readFile(twinOut, 'utf8');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('publint finds nothing to report (strict: warnings count)', async () => {
    const r = await run(path.join(BIN, 'publint'), ['--strict', tarball], REPO);
    expect(r.stdout + r.stderr).toContain('All good!');
    expect(r.code).toBe(0);
  });

  it('arethetypeswrong finds no problem in any entry point, under every module resolution', async () => {
    // cjs-resolves-to-esm is ignored, and only it: kfp-ts is ESM only, and a CommonJS `require` of
    // it works on the Node versions it supports (>= 20.19, require of ES modules) and type-checks
    // under TypeScript >= 5.8 with module nodenext — project (c) below proves both. attw's rule
    // describes older Node and TypeScript versions.
    const r = await run(path.join(BIN, 'attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'json'], REPO);
    const report = JSON.parse(r.stdout) as { analysis: { problems: { kind: string }[]; entrypoints: Record<string, unknown> } };
    // The JSON lists ignored problems too.
    expect(report.analysis.problems.filter((p) => p.kind !== 'CJSResolvesToESM')).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './client', './components', './ir', './kubernetes', './package.json', './runner'].sort());
    expect(r.code).toBe(0);
  });

  it('holds the built package, its license and sources, and no build script or test', async () => {
    const r = ok(await run('tar', ['tzf', tarball], work), 'tar');
    const files = r.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/kfp-ts.js', 'dist/cli.mjs', 'dist/index.js', 'dist/index.d.ts', 'dist/index.d.ts.map', 'dist/client/index.d.ts', 'dist/ir/index.d.ts', 'dist/components/train_model.py', 'dist/validate/generated/ir-validators.js', 'schemas/pipeline-spec.schema.json', 'src/index.ts']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(scripts|tests|bench|pipelines|docs|src\/cli)\/|\.mjs\.map$|tsconfig/.test(f))).toEqual([]);
    const manifest = JSON.parse(ok(await run('tar', ['xzOf', tarball, 'package/package.json'], work), 'tar').stdout) as { scripts?: Record<string, string>; version: string };
    expect(manifest.scripts?.['prepare']).toBeUndefined();
    expect(manifest.version).toBe(PACKAGE.version);
  });
});

interface Project {
  readonly id: string;
  readonly title: string;
  readonly type: 'module' | 'commonjs';
  /** Over what `tsc --init` writes (strict is set for all). */
  readonly compilerOptions: Record<string, unknown>;
  readonly pipeline: string;
  readonly app: string;
  readonly packages: readonly string[];
}

const PROJECTS: readonly Project[] = [
  // skipLibCheck off: kfp-ts's declarations (and zod's) are checked under the user's settings.
  { id: 'a', title: 'ESM, tsc --init + strict, NodeNext, skipLibCheck off', type: 'module', compilerOptions: { module: 'nodenext', skipLibCheck: false }, pipeline: 'pipeline.ts', app: 'app.mjs', packages: [] },
  {
    id: 'b',
    title: 'ESM, moduleResolution bundler',
    type: 'module',
    compilerOptions: { module: 'preserve', moduleResolution: 'bundler' },
    pipeline: 'pipeline.ts',
    app: 'app.mjs',
    packages: [],
  },
  {
    id: 'c',
    title: `CommonJS, NodeNext, ${ZOD_LOWEST}`,
    type: 'commonjs',
    // verbatimModuleSyntax (on in tsc --init) forbids `import` syntax in a CommonJS file; Node's
    // types give __dirname.
    compilerOptions: { module: 'nodenext', verbatimModuleSyntax: false, types: ['node'] },
    pipeline: 'pipeline-commonjs.ts',
    app: 'app.cjs',
    packages: [TYPES_NODE, ZOD_LOWEST],
  },
];

/** `tsc --init`'s tsconfig.json (JSON with comments) with strict and `overrides`. */
async function writeTsconfig(dir: string, overrides: Record<string, unknown>): Promise<void> {
  ok(await run(path.join(dir, 'node_modules', '.bin', 'tsc'), ['--init'], dir), 'tsc --init');
  const file = path.join(dir, 'tsconfig.json');
  const parsed = ts.parseConfigFileTextToJson(file, await readFile(file, 'utf8'));
  if (parsed.error) throw new Error(`tsc --init wrote a tsconfig.json TypeScript cannot read: ${String(parsed.error.messageText)}`);
  const config = parsed.config as { compilerOptions: Record<string, unknown> };
  config.compilerOptions = { ...config.compilerOptions, strict: true, ...overrides };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

async function setUp(p: Project): Promise<string> {
  const dir = path.join(work, p.id);
  await mkdir(dir);
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${p.id}`, version: '1.0.0', private: true, type: p.type }, null, 2)}\n`);
  ok(await run('npm', ['install', ...NPM_QUIET, tarball, TYPESCRIPT, ...p.packages], dir), `npm install in project ${p.id}`);
  await writeTsconfig(dir, p.compilerOptions);
  await copyFile(path.join(FIXTURES, 'steps.py'), path.join(dir, 'steps.py'));
  await copyFile(path.join(FIXTURES, p.pipeline), path.join(dir, 'pipeline.ts'));
  await copyFile(path.join(FIXTURES, p.app), path.join(dir, p.app));
  return dir;
}

describe('a fresh project with the tarball installed', () => {
  for (const p of PROJECTS) {
    it.concurrent(`(${p.id}) ${p.title}`, async () => {
      const dir = await setUp(p);
      const tsc = path.join(dir, 'node_modules', '.bin', 'tsc');

      // tsc: the project type-checks against the declarations kfp-ts ships, miswired.ts included:
      // its string-for-a-number argument is marked @ts-expect-error, so were it not an error, tsc
      // would report the unused directive (TS2578).
      await copyFile(path.join(FIXTURES, 'miswired.ts'), path.join(dir, 'miswired.ts'));
      const checked = await run(tsc, ['--noEmit'], dir);
      expect(checked.stdout + checked.stderr, 'tsc --noEmit').toBe('');
      expect(checked.code).toBe(0);
      // The installed CLI compiles the pipeline to what kfp 2.17.3 writes for the twin.
      const compiled = ok(await run('npx', ['--no', 'kfp-ts', 'compile', 'pipeline.ts', '-o', 'pipeline.yaml'], dir), 'npx kfp-ts compile');
      expect(compiled.stdout).toBe('wrote pipeline.yaml\n');
      const ours = await readFile(path.join(dir, 'pipeline.yaml'), 'utf8');
      expect(irDifferences(loadIr(ours), loadKfpIr(twinYaml), ignoreSdkVersion)).toEqual([]);
      // Plain Node imports the DSL and the client and compiles a pipeline.
      const app = ok(await run(process.execPath, [p.app], dir), `node ${p.app}`);
      expect(JSON.parse(app.stdout)).toEqual({ pipeline: 'programmatic', parameters: ['who'], client: 'http://localhost:8080/' });
      console.log(`consumer (${p.id}) ${p.title}: tsc 0 errors, miswiring a tsc error, IR equal to kfp 2.17.3's, node imports DSL + client`);
    });
  }

  it.concurrent('a project on zod 3 gets an error naming the versions, not a failure inside zod', async () => {
    const dir = path.join(work, 'zod3');
    await mkdir(dir);
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer-zod3', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
    // --legacy-peer-deps: installs it as a user who ignored npm's peer warning would have it.
    ok(await run('npm', ['install', ...NPM_QUIET, '--legacy-peer-deps', tarball, ZOD_3], dir), 'npm install with zod 3');
    await copyFile(path.join(FIXTURES, 'steps.py'), path.join(dir, 'steps.py'));
    await copyFile(path.join(FIXTURES, 'pipeline.ts'), path.join(dir, 'pipeline.ts'));
    const r = await run('npx', ['--no', 'kfp-ts', 'compile', 'pipeline.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`needs zod ${PACKAGE.peerDependencies['zod']} (a peer dependency), but the pipeline imports zod ${ZOD_3.slice(4)}`);
    expect(r.stderr).toContain('[cli/unsupported-zod]');
    expect(await readdir(dir)).not.toContain('pipeline.yaml');
  });
});
