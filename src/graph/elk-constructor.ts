import elkBundled from 'elkjs/lib/elk.bundled.js';

type ElkConstructor = typeof elkBundled.default;

/**
 * elkjs's layout engine (with its worker built in). The package is CommonJS: Node and esbuild hand
 * an ESM default import the exported class itself, while its type declarations describe a
 * `default` property; this takes whichever is there.
 */
export const ELK: ElkConstructor = (elkBundled as { default?: ElkConstructor }).default ?? (elkBundled as unknown as ElkConstructor);
