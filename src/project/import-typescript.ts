import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { version } from '../version.ts';
import { BundleError, bundleFrames, ModuleLoadError } from './bundle-errors.ts';

/** Bump when the way bundles are made changes, so older cached bundles are rebuilt. */
const BUNDLE_FORMAT = 11;

interface Manifest {
  readonly format: number;
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly mtimeMs: number; readonly size: number }[];
}

/**
 * `import … from 'kfp-ts'` resolves to this package's TypeScript entry, which plain Node cannot
 * load: bundle kfp-ts itself from source instead of leaving it external like other packages.
 */
function kfpTsFromSource(): Plugin {
  return {
    name: 'kfp-ts-from-source',
    setup(build) {
      build.onResolve({ filter: /^kfp-ts$/ }, () => ({ path: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'index.ts') }));
    },
  };
}

/**
 * The project's packages stay external (Node loads them from node_modules as usual), except zod:
 * its ESM build is ~95 modules, and Node loading them one by one cost a one-task compile more CPU
 * than all of kfp-ts (`import 'zod'` alone: ~130 ms over a bare `node`). Bundled, only what the
 * pipeline uses is kept when it imports `* as z` (README). kfp-ts reads zod schemas by their
 * `_zod.def` data, never by class identity, so a bundled copy and a package's own copy mix safely.
 */
function packagesExternalButZod(): Plugin {
  return {
    name: 'kfp-ts-packages-external-but-zod',
    setup(build) {
      // esbuild's pattern for "a package path": not ./, ../ or absolute, nor a #-specifier (the
      // package.json "imports" field, which esbuild resolves to the project's own files).
      build.onResolve({ filter: /^[^./#]|^\.[^./]|^\.\.[^/]/ }, (args) => {
        if (/^zod(?:\/|$)/.test(args.path)) return undefined;
        // An installed package stays external. Anything else is left to esbuild: a tsconfig `paths`
        // alias resolves to the project's own files (and is bundled), and a package that is not
        // installed fails now, at the user's line, not later against the bundle when Node runs it.
        if (isBuiltin(args.path) || packageInstalled(args.path, args.resolveDir)) return { path: args.path, external: true };
        return undefined;
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

/** The nearest node_modules above `dir`: bundles written there resolve the project's packages. */
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

/**
 * Imports a TypeScript module with no loader hooks: esbuild bundles it (the user's own files; the
 * packages they import stay external) into a cache next to the project's node_modules, reused
 * until one of its source files changes. A pipeline compile then costs no transpiling at all on
 * the second run.
 */
export async function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const abs = path.resolve(file);
  const modules = nodeModulesAbove(path.dirname(abs));
  const cacheDir = modules ? path.join(modules, '.cache', 'kfp-ts') : path.join(os.tmpdir(), 'kfp-ts-cache');
  const key = createHash('sha256').update(abs).digest('hex').slice(0, 20);
  const bundle = path.join(cacheDir, `${key}.mjs`);
  const manifest = path.join(cacheDir, `${key}.json`);

  if (!(await fresh(manifest))) {
    const { build } = await import('esbuild');
    const { sourceUrlPlugin } = await import('./source-url-plugin.ts');
    const result = await bundleOrExplain(() =>
      build({
        entryPoints: [abs],
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
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
        // Packages stay external where a node_modules can load them; without one the bundle
        // must carry every package itself.
        plugins: [sourceUrlPlugin(), kfpTsFromSource(), ...(modules ? [packagesExternalButZod()] : [])],
      }),
    );
    const inputs = await Promise.all(
      Object.keys(result.metafile.inputs).map(async (p) => {
        const full = path.resolve(p);
        const s = await stat(full);
        return { path: full, mtimeMs: s.mtimeMs, size: s.size };
      }),
    );
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
  try {
    return (await import(`${pathToFileURL(bundle).href}?v=${s.mtimeMs}`)) as Record<string, unknown>;
  } catch (err) {
    throw new ModuleLoadError(err, await bundleFrames(err, bundle));
  }
}
