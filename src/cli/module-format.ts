import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleFormat } from '../codegen/beside-module.ts';

/**
 * Whether Node, and TypeScript's `node16`/`nodenext`, load `file` as an ES module or as CommonJS:
 * `.mts`/`.mjs` are ES modules, `.cts`/`.cjs` CommonJS, and any other file follows the nearest
 * package.json's `"type"` (`"module"`, else CommonJS). A file under no package.json (or an
 * unreadable one) is taken for an ES module, kfp-ts's own kind.
 */
export function moduleFormatOf(file: string): ModuleFormat {
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.c[jt]s$/.test(file)) return 'cjs';
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const type = packageType(path.join(dir, 'package.json'));
    if (type !== undefined) return type === 'module' ? 'esm' : 'cjs';
    if (path.dirname(dir) === dir) return 'esm';
  }
}

/** The "type" of a package.json (`commonjs` when it has none); undefined when there is no such file. */
function packageType(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const type = typeof parsed === 'object' && parsed !== null && 'type' in parsed ? parsed.type : undefined;
    return typeof type === 'string' ? type : 'commonjs';
  } catch {
    return 'module';
  }
}
