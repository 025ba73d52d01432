/**
 * Builds dist/, what the package ships (run by `npm ci` / `npm install` in a clone through the
 * `prepare` script, and by `npm pack` / `npm publish`):
 *
 * - the library: tsc compiles src/ (but the CLI, and the graph drawing that only the CLI uses)
 *   module for module into dist/*.js with `.d.ts` declarations, declaration maps and source maps
 *   that point back at src/ (shipped beside it), so a user's editor goes to the TypeScript source. The files that are not TypeScript (the Python
 *   bodies of the seed components, the generated validators) are copied beside their modules.
 * - the CLI: esbuild bundles src/cli/main.ts into dist/cli.mjs plus chunks, one per command, so a
 *   command loads a few plain JavaScript files instead of a hundred modules. Beside it, the graph
 *   page's script (dist/graph-page.js: the drawing code and elkjs, with elkjs's licence header),
 *   which `kfp-ts graph -o x.html` inlines into a page: so elkjs is a devDependency, not installed
 *   for every user of one subcommand.
 *
 * Both run at once. `--cli` builds only the CLI bundle; `--if-stale` builds only when src/ or the
 * build's configuration changed since the last full build.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleGraphPageScript, GRAPH_PAGE_SCRIPT_FILE } from '../src/cli/graph-page-script.ts';
import { sourceUrlPlugin } from '../src/project/source-url-plugin.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(REPO, 'src');
const DIST = path.join(REPO, 'dist');
const CLI_CHUNKS = path.join(DIST, 'chunks');

/** Source files that are no TypeScript module but are read or imported at run time. */
const ASSETS = /\.py$|^src\/validate\/generated\/.*\.(js|d\.ts)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function run(cmd: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}`))));
  });
}

async function buildLibrary(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
  // tsc rewrites `./x.ts` to `./x.js` in the JavaScript it writes but not in declarations; written
  // as `.js` they resolve under every TypeScript version and module setting a user may have. Same
  // length, so the declaration maps stay exact.
  for (const file of await filesUnder(DIST)) {
    if (!file.endsWith('.d.ts')) continue;
    const text = await readFile(file, 'utf8');
    const fixed = text.replace(/(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
    if (fixed !== text) await writeFile(file, fixed);
  }
  for (const file of await filesUnder(SRC)) {
    const rel = path.relative(REPO, file).split(path.sep).join('/');
    if (!ASSETS.test(rel)) continue;
    const target = path.join(DIST, path.relative(SRC, file));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file, target);
  }
}

async function buildCli(): Promise<void> {
  await rm(path.join(DIST, 'cli.mjs'), { force: true });
  await rm(path.join(DIST, GRAPH_PAGE_SCRIPT_FILE), { force: true });
  await rm(CLI_CHUNKS, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await Promise.all([buildCliBundle(), bundleGraphPageScript().then((script) => writeFile(path.join(DIST, GRAPH_PAGE_SCRIPT_FILE), script))]);
}

async function buildCliBundle(): Promise<void> {
  await build({
    entryPoints: { cli: path.join(SRC, 'cli', 'main.ts') },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // esbuild is native and loads its own binary; ts-morph is an optional peer dependency that only
    // `kfp-ts codegen` loads; everything else is bundled, so the CLI needs no other package at run time.
    external: ['esbuild', 'ts-morph'],
    // CommonJS dependencies bundled into ESM still call require().
    banner: { js: "import { createRequire as __kfpTsRequire } from 'node:module'; const require = __kfpTsRequire(import.meta.url);" },
    minify: true,
    // Tells import-typescript.ts it runs from this bundle (its import.meta.url names the source).
    define: { __KFP_TS_CLI_BUNDLE__: 'true' },
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceUrlPlugin({ relativeTo: CLI_CHUNKS })],
  });
}

/** What dist/ is built from: when none of it changed, `--if-stale` leaves dist/ alone. */
async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await filesUnder(SRC)), ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.ts'].map((f) => path.join(REPO, f))].sort();
  for (const file of files) {
    hash.update(`\0${path.relative(REPO, file)}\0`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

// Outside dist/, which is shipped whole.
const STAMP = path.join(REPO, 'node_modules', '.cache', 'kfp-ts-build', 'inputs-digest');
const args = process.argv.slice(2);
const cliOnly = args.includes('--cli');
const digest = await inputsDigest();
// A stale check that never deletes a fresh dist/: the test suite builds once, then `npm pack`
// (prepack) finds it fresh while other tests run the CLI from it.
const built = existsSync(path.join(DIST, 'cli.mjs')) && existsSync(path.join(DIST, 'index.js'));
if (args.includes('--if-stale') && built && (await readFile(STAMP, 'utf8').catch(() => '')) === digest) {
  console.log('dist/ is up to date');
} else {
  if (!cliOnly) await rm(DIST, { recursive: true, force: true });
  await Promise.all([cliOnly ? undefined : buildLibrary(), buildCli()]);
  if (cliOnly) await rm(STAMP, { force: true });
  else {
    await mkdir(path.dirname(STAMP), { recursive: true });
    await writeFile(STAMP, digest);
  }
  console.log(`built ${cliOnly ? 'the CLI (dist/cli.mjs, dist/graph-page.js)' : 'dist/ (the library, the CLI and its graph page script)'}`);
}
