import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { version as kfpTsVersion } from '../version.ts';
import { SUPPORTED_ZOD, supportedZodVersion } from '../zod-support.ts';

/** A zod package a pipeline bundle would carry: where it is installed and its version. */
export interface InstalledZod {
  readonly dir: string;
  readonly version: string;
}

/** The pipeline's bundle would carry a zod that kfp-ts does not support (zod 3, say). */
export class UnsupportedZodError extends Error {
  constructor(readonly found: readonly InstalledZod[]) {
    const list = found.map((z) => `zod ${z.version} (${z.dir})`).join(', ');
    super(
      `kfp-ts ${kfpTsVersion} needs zod ${SUPPORTED_ZOD} (a peer dependency), but the pipeline imports ${list}. ` +
        `Install a supported zod in the project: npm install zod@${SUPPORTED_ZOD}`,
    );
  }
}

/**
 * Checks every zod package that went into a bundle (the project's, and the one kfp-ts itself
 * resolves). Without this, zod 3 fails later and obscurely: `z.int` is undefined in zod 3, so the
 * user's module throws "(void 0) is not a function", or a schema is not recognised as one.
 */
export function checkZodVersions(metafile: Metafile): void {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*[\\/]node_modules[\\/]zod)[\\/]/.exec(path.resolve(input));
    if (m) dirs.add(m[1]!);
  }
  const unsupported: InstalledZod[] = [];
  for (const dir of dirs) {
    let version = 'of unknown version';
    try {
      version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // reported below as unknown
    }
    if (!supportedZodVersion(version)) unsupported.push({ dir, version });
  }
  if (unsupported.length > 0) throw new UnsupportedZodError(unsupported);
}
