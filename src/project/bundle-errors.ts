import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A place in one of the user's source files (1-based line and column, as editors count). */
export interface SourceFrame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * An error thrown while a bundled pipeline module was imported, with the stack's frames in the
 * bundle mapped back to the user's files.
 */
export class ModuleLoadError extends Error {
  constructor(
    readonly thrown: unknown,
    readonly frames: readonly SourceFrame[],
  ) {
    super(thrown instanceof Error ? thrown.message : String(thrown));
  }
}

/**
 * Maps the stack frames of `thrown` that point into `bundleFile` through its source map
 * (`bundleFile + '.map'`), with Node's own SourceMap reader. Node could do this itself with source
 * maps enabled, but then it parses the map of every bundle on every import; reading it only when
 * something threw keeps that off the path of a compile that succeeds.
 */
export async function bundleFrames(thrown: unknown, bundleFile: string): Promise<SourceFrame[]> {
  const stack = thrown instanceof Error ? (thrown.stack ?? '') : '';
  const name = path.basename(bundleFile);
  const positions = [...stack.matchAll(/(\S+?):(\d+):(\d+)\)?$/gm)].filter((m) => m[1]!.split('?')[0]!.endsWith(name));
  if (positions.length === 0) return [];
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(await readFile(`${bundleFile}.map`, 'utf8')));
  } catch {
    return [];
  }
  const frames: SourceFrame[] = [];
  for (const m of positions) {
    const entry = map.findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) continue;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(bundleFile), entry.originalSource);
    frames.push({ file: source, line: entry.originalLine + 1, column: entry.originalColumn + 1 });
  }
  return frames;
}

/** esbuild could not bundle the pipeline file (a syntax error, an import it cannot resolve, …). */
export class BundleError extends Error {
  constructor(
    message: string,
    /** Where in which file, when esbuild says (1-based line and column). */
    readonly location?: { readonly file: string; readonly line: number; readonly column: number },
  ) {
    super(message);
  }
}
