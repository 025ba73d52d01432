import { fileURLToPath } from 'node:url';

let cached: Promise<string> | undefined;

/**
 * The graph page's script with elkjs, bundled by esbuild into one inline-able IIFE (once per
 * process). Loaded only by `kfp-ts graph`.
 */
export function bundleGraphPageScript(): Promise<string> {
  cached ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../graph/page/page-main.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'inline',
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  })();
  return cached;
}
