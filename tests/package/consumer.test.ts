/**
 * kfp-ts as its users get it: the tarball `npm pack` makes, installed with `npm install <tgz>` (no
 * links) into fresh projects of three kinds — (a) an ES module package with the tsconfig `tsc --init`
 * writes (strict, module NodeNext) and skipLibCheck off, (b) moduleResolution bundler, (c) a
 * CommonJS package, on the lowest zod of the peer range. In each:
 *
 * - `npx kfp-ts compile` turns a pipeline with Python components, a loop, a condition and a secret
 *   into the IR kfp 2.17.3 writes for its Python twin (fixtures/twin.py);
 * - `npx tsc --noEmit` reports nothing, and a miswired argument is a tsc error at its line;
 * - plain `node` (no tsx, no loader) imports the DSL, the client and the local runner and compiles
 *   a pipeline;
 * - `npx kfp-ts graph pipeline.yaml -o pipeline.html` draws the page from the script the package
 *   build wrote (elkjs inside, its licence header kept), and elkjs is nowhere in node_modules;
 * - `npx kfp-ts run one-task.ts --local` runs a one-task pipeline on this machine (the repository's
 *   venv as the tasks' Python);
 * - `npx kfp-ts codegen` without ts-morph (an optional peer: not installed) says how to install it,
 *   and writes nothing; in (a) and (c), once installed as it says, the module it writes type-checks
 *   and a pipeline using it compiles (it names its YAML file with `import.meta.url` in the ES
 *   module package, with `__dirname` in the CommonJS one, where `import.meta` is TS1470).
 *
 * And on the tarball: publint and arethetypeswrong report nothing; it holds what the package needs
 * and no build scripts; a zod 3 project gets an error that names the versions.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  exports: Record<string, unknown>;
};
/** The versions the projects install: the repository's own pins, and zod's lowest supported. */
const TYPESCRIPT = `typescript@${PACKAGE.devDependencies['typescript']}`;
const TYPES_NODE = `@types/node@${PACKAGE.devDependencies['@types/node']}`;
const ZOD_LOWEST = `zod@${PACKAGE.peerDependencies['zod']!.replace(/^\^/, '')}`;
const ZOD_3 = 'zod@3.25.76';
const TS_MORPH = `ts-morph@${PACKAGE.peerDependencies['ts-morph']}`;

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
    // Every entry point of the exports map, and only those.
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(Object.keys(PACKAGE.exports).sort());
    expect(r.code).toBe(0);
  });

  it('holds the built package, its license and sources, and no build script or test', async () => {
    const r = ok(await run('tar', ['tzf', tarball], work), 'tar');
    const files = r.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/kfp-ts.js', 'dist/cli.mjs', 'dist/graph-page.js', 'dist/index.js', 'dist/index.d.ts', 'dist/index.d.ts.map', 'dist/client/index.d.ts', 'dist/ir/index.d.ts', 'dist/components/train_model.py', 'dist/validate/generated/ir-validators.js', 'schemas/pipeline-spec.schema.json', 'src/index.ts']) {
      expect(files, f).toContain(f);
    }
    // Every file the exports map names (types and code of each subpath).
    const named = Object.values(PACKAGE.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target as Record<string, string>)));
    for (const f of named) expect(files, `exports names ${f}`).toContain(f.replace(/^\.\//, ''));
    // The graph drawing is in the CLI bundle and dist/graph-page.js, never a module of its own.
    expect(files.filter((f) => /^(scripts|tests|bench|pipelines|docs|src\/cli|src\/graph|dist\/graph)\/|\.mjs\.map$|tsconfig/.test(f))).toEqual([]);
    const manifest = JSON.parse(ok(await run('tar', ['xzOf', tarball, 'package/package.json'], work), 'tar').stdout) as { scripts?: Record<string, string>; version: string };
    expect(manifest.scripts?.['prepare']).toBeUndefined();
    expect(manifest.version).toBe(PACKAGE.version);
  });
});

/** A use of the module codegen writes for fixtures/component.yaml, wired right. */
const USE_COMPONENT = `import { pipeline } from 'kfp-ts';
import { scoreRow } from './component.js';

export default pipeline({ name: 'uses-generated' }, (_p, s) => {
  s.task(scoreRow, { value: 4.5, scale: 2 });
});
`;

interface Project {
  readonly id: string;
  readonly title: string;
  readonly type: 'module' | 'commonjs';
  /** Over what `tsc --init` writes (strict is set for all). */
  readonly compilerOptions: Record<string, unknown>;
  readonly pipeline: string;
  readonly app: string;
  readonly packages: readonly string[];
  /** Install ts-morph as codegen's error says, then generate a module that tsc checks with the rest. */
  readonly codegen?: true;
}

const PROJECTS: readonly Project[] = [
  // skipLibCheck off: kfp-ts's declarations (and zod's) are checked under the user's settings.
  { id: 'a', title: 'ESM, tsc --init + strict, NodeNext, skipLibCheck off', type: 'module', compilerOptions: { module: 'nodenext', skipLibCheck: false }, pipeline: 'pipeline.ts', app: 'app.mjs', packages: [], codegen: true },
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
    // The generated module names its YAML file with __dirname here: import.meta would be TS1470.
    codegen: true,
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
  await copyFile(path.join(FIXTURES, 'one-task.ts'), path.join(dir, 'one-task.ts'));
  return dir;
}

/** Where npm installed `name` in the project, at any depth. */
async function installedCopies(dir: string, name: string): Promise<string[]> {
  const r = ok(await run('npm', ['ls', name, '--all', '--parseable'], dir), `npm ls ${name}`);
  return r.stdout.split('\n').filter(Boolean);
}

describe('a fresh project with the tarball installed', () => {
  for (const p of PROJECTS) {
    it.concurrent(`(${p.id}) ${p.title}`, async () => {
      const dir = await setUp(p);
      const tsc = path.join(dir, 'node_modules', '.bin', 'tsc');
      const kfpTs = (...args: string[]) => run('npx', ['--no', 'kfp-ts', ...args], dir);

      // codegen needs ts-morph, an optional peer dependency npm did not install: the error says
      // how to get it, and no module is written.
      await copyFile(path.join(FIXTURES, 'component.yaml'), path.join(dir, 'component.yaml'));
      const missing = await kfpTs('codegen', 'component.yaml', '-o', 'component.ts');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`needs the ts-morph package, an optional dependency that is not installed: run \`npm install --save-dev ${TS_MORPH}\``);
      expect(missing.stderr).toContain('[codegen/ts-morph-missing]');
      expect(await readdir(dir)).not.toContain('component.ts');
      if (p.codegen) {
        ok(await run('npm', ['install', ...NPM_QUIET, '--save-dev', TS_MORPH], dir), `npm install ${TS_MORPH}`);
        expect(ok(await kfpTs('codegen', 'component.yaml', '-o', 'component.ts'), 'npx kfp-ts codegen').stdout).toBe('wrote component.ts\n');
        await writeFile(path.join(dir, 'use-component.ts'), USE_COMPONENT);
      }

      // tsc: the project type-checks against the declarations kfp-ts ships, miswired.ts included:
      // its string-for-a-number argument is marked @ts-expect-error, so were it not an error, tsc
      // would report the unused directive (TS2578).
      await copyFile(path.join(FIXTURES, 'miswired.ts'), path.join(dir, 'miswired.ts'));
      const checked = await run(tsc, ['--noEmit'], dir);
      expect(checked.stdout + checked.stderr, 'tsc --noEmit').toBe('');
      expect(checked.code).toBe(0);
      // The installed CLI compiles the pipeline to what kfp 2.17.3 writes for the twin.
      const compiled = ok(await kfpTs('compile', 'pipeline.ts', '-o', 'pipeline.yaml'), 'npx kfp-ts compile');
      expect(compiled.stdout).toBe('wrote pipeline.yaml\n');
      if (p.codegen) {
        const generated = await readFile(path.join(dir, 'component.ts'), 'utf8');
        expect(generated).toContain(p.type === 'module' ? "loadComponentFromFile(new URL('./component.yaml', import.meta.url)," : "loadComponentFromFile(__dirname + '/component.yaml',");
        expect(ok(await kfpTs('compile', 'use-component.ts', '-o', 'use-component.yaml'), 'npx kfp-ts compile use-component.ts').stdout).toBe('wrote use-component.yaml\n');
      }
      const ours = await readFile(path.join(dir, 'pipeline.yaml'), 'utf8');
      expect(irDifferences(loadIr(ours), loadKfpIr(twinYaml), ignoreSdkVersion)).toEqual([]);
      // Plain Node imports the DSL and the client and compiles a pipeline.
      const app = ok(await run(process.execPath, [p.app], dir), `node ${p.app}`);
      expect(JSON.parse(app.stdout)).toEqual({ pipeline: 'programmatic', parameters: ['who'], client: 'http://localhost:8080/', runner: 'function' });
      // The local runner from the installed CLI: one Python task, its output back as JSON.
      const local = ok(await kfpTs('run', 'one-task.ts', '--local', '--venv', path.dirname(path.dirname(venvPython())), '--pipeline-root', 'runs', '--param', 'scale=3', '--format', 'json'), 'npx kfp-ts run --local');
      expect(JSON.parse(local.stdout)).toMatchObject({ pipelineName: 'one-task', state: 'SUCCEEDED', outputs: { parameters: { Output: 13.5 } }, tasks: [{ name: 'score', state: 'SUCCEEDED' }] });
      // The graph page from the installed package: its script prebuilt, elkjs not installed.
      const drawn = ok(await kfpTs('graph', 'pipeline.yaml', '-o', 'pipeline.html'), 'npx kfp-ts graph -o pipeline.html');
      expect(drawn).toMatchObject({ stdout: 'wrote pipeline.html\n', stderr: '' });
      const page = await readFile(path.join(dir, 'pipeline.html'), 'utf8');
      expect(page).toContain('<script type="application/json" id="graph-data">');
      expect(page).toContain('org.eclipse.elk');
      expect(page).toContain('SPDX-License-Identifier: EPL-2.0 OR GPL-3.0-or-later');
      expect(await installedCopies(dir, 'elkjs')).toEqual([]);
      expect(await installedCopies(dir, 'esbuild'), 'npm ls sees kfp-ts\'s dependencies').not.toEqual([]);
      // An install that lost its page script: a diagnostic and exit 1, and no page written.
      await rm(path.join(dir, 'node_modules', 'kfp-ts', 'dist', 'graph-page.js'));
      const broken = await kfpTs('graph', 'pipeline.yaml', '-o', 'broken.html');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('[graph/page-script-unavailable]');
      expect(broken.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(dir, 'broken.html'))).toBe(false);
      console.log(
        `consumer (${p.id}) ${p.title}: tsc 0 errors${p.codegen ? ' (a codegen module included)' : ''}, miswiring a tsc error, IR equal to kfp 2.17.3's, node imports DSL + client + runner, run --local succeeded, graph page drawn without elkjs installed, codegen names ts-morph`,
      );
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
