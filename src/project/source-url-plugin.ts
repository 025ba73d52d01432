import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * esbuild leaves `import.meta.url` alone, so in a bundle every module would see the bundle's own
 * URL — and `new URL('./train_model.py', import.meta.url)` would point next to the bundle. This
 * plugin gives each TypeScript module its own source URL back: absolute (for a bundle used where it
 * was made) or relative to the bundle's folder (for a bundle shipped with the sources beside it).
 */
// Spelled in pieces: this file is itself bundled with this plugin, which must not rewrite it.
const IMPORT_META_URL = ['import', 'meta', 'url'].join('.');
const IMPORT_META_URL_RE = new RegExp(`\\b${IMPORT_META_URL.replace(/\./g, '\\.')}\\b`, 'g');

export function sourceUrlPlugin(mode: { readonly relativeTo?: string } = {}): Plugin {
  return {
    name: 'kfp-ts-source-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(IMPORT_META_URL)) return undefined;
        const expr = mode.relativeTo
          ? `new URL(${JSON.stringify(path.relative(mode.relativeTo, args.path).split(path.sep).join('/'))}, ${IMPORT_META_URL}).href`
          : JSON.stringify(pathToFileURL(args.path).href);
        return { contents: text.replace(IMPORT_META_URL_RE, expr), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}
