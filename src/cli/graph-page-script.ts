import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by scripts/build.ts in the CLI bundle; absent when this module runs as TypeScript. */
declare const __KFP_TS_CLI_BUNDLE__: boolean | undefined;

/**
 * The page script's file in dist/, written by the package build beside the CLI bundle. elkjs (its
 * only heavy part) is inside it, so an installed kfp-ts needs neither elkjs nor a bundling step
 * to draw a page.
 */
export const GRAPH_PAGE_SCRIPT_FILE = 'graph-page.js';

/** This package's root: two levels above src/cli/ (the CLI bundle resolves it the same way). */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What every copy of elkjs's licence header says; checked so that no build ships elkjs without it. */
const ELK_LICENSE = /SPDX-License-Identifier: EPL-2\.0/;

/**
 * The graph page's script — its drawing code and elkjs — bundled by esbuild from the sources into
 * one IIFE that a page inlines. elkjs's licence headers (EPL-2.0) are plain comments, which a
 * minifier drops; they are turned into legal comments (`/*!`), which esbuild keeps where they are.
 * Needs elkjs installed: the package build runs it, and so does `kfp-ts graph` run from the sources.
 */
export async function bundleGraphPageScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(PACKAGE_ROOT, 'src', 'graph', 'page', 'page-main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'inline',
    logLevel: 'silent',
    plugins: [
      {
        name: 'elkjs-license-header',
        setup(b) {
          b.onLoad({ filter: /[\\/]node_modules[\\/]elkjs[\\/].*\.js$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            const kept = text.replace(/\/\*(?:[^*]|\*(?!\/))*\*\//g, (comment) => (ELK_LICENSE.test(comment) ? `/*!${comment.slice(2)}` : comment));
            return { contents: kept, loader: 'js' };
          });
        },
      },
    ],
  });
  const script = result.outputFiles[0]!.text;
  if (!ELK_LICENSE.test(script)) throw new Error("The graph page's script lost elkjs's licence header (EPL-2.0): see bundleGraphPageScript.");
  return script;
}

let cached: Promise<string> | undefined;

/**
 * The script `kfp-ts graph -o x.html` inlines (once per process). The CLI bundle reads the copy
 * the package build wrote beside it (`dist/graph-page.js`), built from the same sources in the same
 * run, so the two always agree. Run from the TypeScript sources (this repository's tests, tsx) it
 * is bundled from them instead: dist/ may be stale or absent there, the sources never are.
 */
export function graphPageScript(): Promise<string> {
  cached ??= typeof __KFP_TS_CLI_BUNDLE__ === 'undefined' ? bundleGraphPageScript() : readFile(path.join(PACKAGE_ROOT, 'dist', GRAPH_PAGE_SCRIPT_FILE), 'utf8');
  return cached;
}
