import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * esbuild leaves `import.meta.url` alone, so in a bundle every module would see the bundle's own
 * URL — and `new URL('./train_model.py', import.meta.url)` would point next to the bundle. This
 * plugin gives each module its own source URL back: absolute (for a bundle used where it was made)
 * or relative to the bundle's folder (for a bundle shipped with the sources beside it). That holds
 * for JavaScript modules too: kfp-ts's seed components, bundled from its built files, find their
 * Python bodies that way.
 *
 * In a pipeline bundle (absolute mode), a module of the project that uses CommonJS's `__dirname` or
 * `__filename` (a pipeline in a CommonJS package, where `import.meta` is a TypeScript error) gets
 * them declared with its own folder and path, as Node would give a CommonJS module.
 */
// Spelled in pieces: this file is itself bundled with this plugin, which must not rewrite it.
const IMPORT_META_URL = ['import', 'meta', 'url'].join('.');
const IMPORT_META_URL_RE = new RegExp(`\\b${IMPORT_META_URL.replace(/\./g, '\\.')}\\b`, 'g');
const USES_CJS_PATHS = /\b__(?:dirname|filename)\b/;
const DECLARES_CJS_PATHS = /\b(?:const|let|var)\s+__(?:dirname|filename)\b/;

function loaderOf(file: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  const ext = path.extname(file).replace(/^\.[cm]?/, '');
  return ext === 'tsx' || ext === 'ts' || ext === 'jsx' ? ext : 'js';
}

export function sourceUrlPlugin(mode: { readonly relativeTo?: string } = {}): Plugin {
  return {
    name: 'kfp-ts-source-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        // zod is most of what a bundle reads and never uses either.
        if (/[\\/]node_modules[\\/]zod[\\/]/.test(args.path)) return undefined;
        let text = await readFile(args.path, 'utf8');
        const usesUrl = text.includes(IMPORT_META_URL);
        const projectFile = mode.relativeTo === undefined && !/[\\/]node_modules[\\/]/.test(args.path);
        const cjsPaths = projectFile && USES_CJS_PATHS.test(text) && !DECLARES_CJS_PATHS.test(text);
        if (!usesUrl && !cjsPaths) return undefined;
        if (usesUrl) {
          const expr = mode.relativeTo
            ? `new URL(${JSON.stringify(path.relative(mode.relativeTo, args.path).split(path.sep).join('/'))}, ${IMPORT_META_URL}).href`
            : JSON.stringify(pathToFileURL(args.path).href);
          text = text.replace(IMPORT_META_URL_RE, expr);
        }
        if (cjsPaths) {
          // On the first line (after a #! line), so the lines below keep their numbers.
          const decl = `const __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};`;
          const shebang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
          text = shebang > 0 ? `${text.slice(0, shebang)}${decl}${text.slice(shebang)}` : `${decl}${text}`;
        }
        return { contents: text, loader: loaderOf(args.path) };
      });
    },
  };
}
