import { tsString } from './ts-literals.ts';

/**
 * How the project loads the generated module. An ES module finds a file beside itself with
 * `import.meta.url`; in a CommonJS module `import.meta` is a TypeScript error (TS1470) and Node
 * gives `__dirname` instead (kfp-ts's bundle of a pipeline gives each module both).
 */
export type ModuleFormat = 'esm' | 'cjs';

// Spelled in pieces: the CLI bundle's source-URL plugin rewrites that expression wherever it
// appears in a module's text, this generated text included.
const IMPORT_META_URL = ['import', 'meta', 'url'].join('.');

/**
 * The expression, in the generated module, for a file named relative to the module (`./x.yaml`,
 * `../python/train.py`): `new URL('./x.yaml', import.meta.url)` in an ES module, `__dirname +
 * '/x.yaml'` in a CommonJS one.
 */
export function besideModule(fromModule: string, format: ModuleFormat): string {
  if (format === 'esm') return `new URL(${tsString(fromModule)}, ${IMPORT_META_URL})`;
  return `__dirname + ${tsString(`/${fromModule.replace(/^\.\//, '')}`)}`;
}
