/**
 * Bundles the CLI into dist/ (run by `npm ci` / `npm install` through the `prepare` script).
 * Node then loads a few plain JavaScript files instead of transpiling ~100 TypeScript modules on
 * every command. Each command stays a separate chunk, loaded only when it runs.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceUrlPlugin } from '../src/project/source-url-plugin.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(REPO, 'dist');

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(REPO, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // Native or loader packages stay outside, and ts-morph (an optional dependency that only
  // `kfp-ts codegen` loads); everything else is bundled.
  external: ['esbuild', 'tsx', 'ts-morph'],
  // CommonJS dependencies bundled into ESM still call require().
  banner: { js: "import { createRequire as __kfpTsRequire } from 'node:module'; const require = __kfpTsRequire(import.meta.url);" },
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceUrlPlugin({ relativeTo: path.join(outdir, 'chunks') })],
});
console.log(`built ${path.relative(REPO, outdir)}/cli.mjs`);
