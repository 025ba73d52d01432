import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { version } from '../version.ts';

/** Bump when the way bundles are made changes, so older cached bundles are rebuilt. */
const BUNDLE_FORMAT = 6;

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
    const result = await build({
      entryPoints: [abs],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // The project's packages stay external (Node loads them from node_modules as usual); only
      // without a node_modules to resolve from must the bundle carry them itself.
      packages: modules ? 'external' : undefined,
      sourcemap: 'inline',
      // Set (though nothing is written by esbuild) so the source map's paths are relative to
      // where the bundle will live, and stack traces name the user's files.
      outfile: bundle,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceUrlPlugin(), kfpTsFromSource()],
    });
    const inputs = await Promise.all(
      Object.keys(result.metafile.inputs).map(async (p) => {
        const full = path.resolve(p);
        const s = await stat(full);
        return { path: full, mtimeMs: s.mtimeMs, size: s.size };
      }),
    );
    await mkdir(cacheDir, { recursive: true });
    // Write then rename: a concurrent compile never reads half a bundle.
    const tmp = `${bundle}.${process.pid}.tmp`;
    await writeFile(tmp, result.outputFiles[0]!.text);
    await rename(tmp, bundle);
    const tmpManifest = `${manifest}.${process.pid}.tmp`;
    await writeFile(tmpManifest, JSON.stringify({ format: BUNDLE_FORMAT, version, inputs } satisfies Manifest));
    await rename(tmpManifest, manifest);
  }
  // Stack traces then name the user's file and line, not the bundle's.
  process.setSourceMapsEnabled(true);
  const s = await stat(bundle);
  return (await import(`${pathToFileURL(bundle).href}?v=${s.mtimeMs}`)) as Record<string, unknown>;
}
