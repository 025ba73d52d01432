import { parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';

/**
 * Parses one or two IR documents exactly as PyYAML does (kfp's own reader): e.g. an unquoted key
 * `y` stays a string. Throws on a parse error rather than returning a cut document.
 */
export function loadIr(text: string): unknown[] {
  const parsed = parseYamlDocuments(text);
  if (parsed.diagnostics.length) throw new Error(`YAML parse error: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.docs;
}

/** Every place two parsed documents differ, as `path: ours | theirs` lines (empty when equal). */
export function irDifferences(ours: unknown[], theirs: unknown[], ignore: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, p: string): void => {
    if (ignore(p)) return;
    const objA = a !== null && typeof a === 'object';
    const objB = b !== null && typeof b === 'object';
    if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
      const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
      for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${p}/${k}`);
      return;
    }
    if (a !== b) out.push(`${p}: ${JSON.stringify(a)?.slice(0, 200)} | ${JSON.stringify(b)?.slice(0, 200)}`);
  };
  if (ours.length !== theirs.length) out.push(`document count: ${ours.length} | ${theirs.length}`);
  ours.forEach((d, i) => walk(d, theirs[i], `doc${i}`));
  return out;
}

export const ignoreSdkVersion = (p: string): boolean => p === 'doc0/sdkVersion';
