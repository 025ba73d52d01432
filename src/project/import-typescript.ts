import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Metafile, Plugin, PluginBuild } from 'esbuild';
import { version } from '../version.ts';
import { BundleError, bundleFrames, ModuleLoadError, type SourceFrame } from './bundle-errors.ts';
import { checkZodVersions } from './zod-version.ts';

/** Bump when the way bundles are made changes, so older cached bundles are rebuilt. */
const BUNDLE_FORMAT = 12;

/** Set by scripts/build.ts in the CLI bundle; absent when this module runs as TypeScript or from the library build. */
declare const __KFP_TS_CLI_BUNDLE__: boolean | undefined;

interface Manifest {
  readonly format: number;
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly mtimeMs: number; readonly size: number }[];
}

/** This package's root: two levels above src/project/ (or dist/project/). */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where `kfp-ts` and `kfp-ts/<subpath>` come from in a pipeline's bundle: always this package, the
 * one compiling it, whatever copy the project has installed. The DSL's node tree is a contract
 * between the builders and the compiler of one version, so both must be the same code. Run from
 * TypeScript (this repository's tests) the entry points are the sources; otherwise they are the
 * built JavaScript that package.json `exports` names.
 */
function kfpTsItself(): Plugin {
  const fromSource = typeof __KFP_TS_CLI_BUNDLE__ === 'undefined' && import.meta.url.endsWith('.ts');
  let exportsMap: Record<string, { readonly default: string }> | undefined;
  return {
    name: 'kfp-ts-itself',
    setup(build) {
      build.onResolve({ filter: /^kfp-ts(?:\/|$)/ }, (args) => {
        exportsMap ??= (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { exports: typeof exportsMap }).exports;
        const key = `.${args.path.slice('kfp-ts'.length)}`;
        const target = exportsMap?.[key]?.default;
        if (target === undefined) return { errors: [{ text: `kfp-ts has no export "${args.path}"; it exports ${Object.keys(exportsMap ?? {}).map((k) => `"kfp-ts${k.slice(1)}"`).join(', ')}` }] };
        const file = fromSource ? target.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts') : target;
        return { path: path.join(PACKAGE_ROOT, file) };
      });
    },
  };
}

/**
 * A CommonJS file of the project may call require(); the bundle is ESM, where Node has none.
 * (`import.meta.url` spelled in pieces: the CLI bundle's source-URL plugin would rewrite it.)
 */
const REQUIRE_BANNER = `import{createRequire as __kfpTsCreateRequire}from'node:module';const require=__kfpTsCreateRequire(${['import', 'meta', 'url'].join('.')});`;

/** Marks esbuild.resolve calls made by the plugin below, so it does not answer its own question. */
const RESOLVING_EXTERNAL = Symbol('kfp-ts resolving an external package');

/**
 * Packages stay external (Node loads them, not the bundle), except zod: its ESM build is ~95
 * modules, and Node loading them one by one cost a one-task compile more CPU than all of kfp-ts
 * (`import 'zod'` alone: ~130 ms over a bare `node`). Bundled, only what the pipeline uses is kept
 * when it imports `* as z` (README). kfp-ts reads zod schemas by their `_zod.def` data, never by
 * class identity, so a bundled copy and a package's own copy mix safely.
 *
 * An external package is written into the bundle as the file URL of the file esbuild resolved from
 * the importing file, not as its bare name: the bundle lives in a cache folder, from where a bare
 * name would be looked up again and could miss — a package of kfp-ts's own (yaml) under pnpm, or
 * in a `file:` or linked install, is not in the project's node_modules. `externals` collects the
 * files, so the cache is rebuilt when one of them changes or moves.
 */
function packagesExternalButZod(externals: Set<string>): Plugin {
  return {
    name: 'kfp-ts-packages-external-but-zod',
    setup(build: PluginBuild) {
      // esbuild's pattern for "a package path": not ./, ../ or absolute, nor a #-specifier (the
      // package.json "imports" field, which esbuild resolves to the project's own files).
      build.onResolve({ filter: /^[^./#]|^\.[^./]|^\.\.[^/]/ }, async (args) => {
        if (args.pluginData === RESOLVING_EXTERNAL) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (/^zod(?:\/|$)/.test(args.path)) return undefined;
        // Anything that is not an installed package is left to esbuild: a tsconfig `paths` alias
        // resolves to the project's own files (and is bundled), and a package that is not installed
        // fails now, at the user's line, not later against the bundle when Node runs it.
        if (!packageInstalled(args.path, args.resolveDir)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING_EXTERNAL });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.external || !path.isAbsolute(resolved.path)) return { path: args.path, external: true };
        externals.add(resolved.path);
        // require() takes a path; import takes a URL (a Windows path is no URL).
        return { path: args.kind === 'require-call' ? resolved.path : pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

function packageInstalled(specifier: string, fromDir: string): boolean {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  for (let d = fromDir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules', name))) return true;
    if (path.dirname(d) === d) return false;
  }
}

interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number } | null;
}

/** Runs esbuild; its failure (which lists every error) becomes a BundleError naming the first. */
async function bundleOrExplain<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const first = (err as { errors?: readonly EsbuildMessage[] }).errors?.[0];
    if (!first) throw err;
    const hint = /^Could not resolve "([^"]+)"/.exec(first.text) && !first.text.includes('./') ? ' (is the package installed in this project?)' : '';
    const loc = first.location ? { file: path.resolve(first.location.file), line: first.location.line, column: first.location.column + 1 } : undefined;
    throw new BundleError(`${first.text}${hint}`, loc);
  }
}

/** The nearest node_modules above `dir`: the bundle cache lives there, with the project. */
function nodeModulesAbove(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) return path.join(d, 'node_modules');
    if (path.dirname(d) === d) return undefined;
  }
}

async function fresh(manifestFile: string): Promise<boolean> {
  try {
    const m = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    if (m.format !== BUNDLE_FORMAT || m.version !== version) return false;
    const stats = await Promise.all(m.inputs.map((i) => stat(i.path).catch(() => undefined)));
    return stats.every((s, k) => s !== undefined && s.mtimeMs === m.inputs[k]!.mtimeMs && s.size === m.inputs[k]!.size);
  } catch {
    return false;
  }
}

/** The files a bundle was made from, and the external packages' files it imports, as they are now. */
async function manifestInputs(metafile: Metafile, externals: ReadonlySet<string>): Promise<Manifest['inputs']> {
  const files = [...new Set([...Object.keys(metafile.inputs).map((p) => path.resolve(p)), ...externals])];
  return Promise.all(
    files.map(async (full) => {
      const s = await stat(full);
      return { path: full, mtimeMs: s.mtimeMs, size: s.size };
    }),
  );
}

/** A pipeline module loaded by {@link importTypeScript}. */
export interface ImportedModule {
  /** The module's exports. */
  readonly exports: Record<string, unknown>;
  /** The frames of an error's stack that are in the module's own files, mapped to their source. */
  frames(thrown: unknown): Promise<SourceFrame[]>;
}

/**
 * Imports a TypeScript module with no loader hooks: esbuild bundles it (the user's own files, and
 * kfp-ts itself; the packages they import stay external, zod aside) into a cache next to the
 * project's node_modules, reused until one of its source files changes. A pipeline compile then
 * costs no transpiling at all on the second run. Before the bundle is first loaded, the zod it
 * carries is checked against the version kfp-ts supports.
 */
export async function importTypeScript(file: string): Promise<ImportedModule> {
  const abs = path.resolve(file);
  const modules = nodeModulesAbove(path.dirname(abs));
  const cacheDir = modules ? path.join(modules, '.cache', 'kfp-ts') : path.join(os.tmpdir(), 'kfp-ts-cache');
  const key = createHash('sha256').update(abs).digest('hex').slice(0, 20);
  const bundle = path.join(cacheDir, `${key}.mjs`);
  const manifest = path.join(cacheDir, `${key}.json`);

  if (!(await fresh(manifest))) {
    const { build } = await import('esbuild');
    const { sourceUrlPlugin } = await import('./source-url-plugin.ts');
    const externals = new Set<string>();
    const result = await bundleOrExplain(() =>
      build({
        entryPoints: [abs],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        // Node's own conditions (import/require, node, default): no `module`, which esbuild would add.
        conditions: [],
        // Whitespace and syntax only: identifiers stay, so messages like "x is not a function" name
        // the user's own variables. A smaller file is quicker for Node to compile on every run.
        minifyWhitespace: true,
        minifySyntax: true,
        // Read only when the module throws (bundle-errors.ts); the mappings suffice for that.
        sourcemap: 'external',
        sourcesContent: false,
        // Set (though nothing is written by esbuild) so the source map's paths are relative to
        // where the bundle will live.
        outfile: bundle,
        write: false,
        metafile: true,
        logLevel: 'silent',
        banner: { js: REQUIRE_BANNER },
        // Packages stay external where a node_modules can load them; without one the bundle
        // must carry every package itself.
        plugins: [sourceUrlPlugin(), kfpTsItself(), ...(modules ? [packagesExternalButZod(externals)] : [])],
      }),
    );
    checkZodVersions(result.metafile);
    const inputs = await manifestInputs(result.metafile, externals);
    await mkdir(cacheDir, { recursive: true });
    // Write then rename: a concurrent compile never reads half a bundle.
    const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!;
    const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!;
    for (const [target, text] of [[`${bundle}.map`, map.text], [bundle, js.text]] as const) {
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, target);
    }
    const tmpManifest = `${manifest}.${process.pid}.tmp`;
    await writeFile(tmpManifest, JSON.stringify({ format: BUNDLE_FORMAT, version, inputs } satisfies Manifest));
    await rename(tmpManifest, manifest);
  }
  const s = await stat(bundle);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(`${pathToFileURL(bundle).href}?v=${s.mtimeMs}`)) as Record<string, unknown>;
  } catch (err) {
    throw new ModuleLoadError(err, await bundleFrames(err, bundle));
  }
  return { exports, frames: (thrown) => bundleFrames(thrown, bundle) };
}
