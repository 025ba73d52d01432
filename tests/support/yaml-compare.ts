import { parsePyYamlDocuments, parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';

/**
 * Parses one or two IR documents kfp-ts wrote, as PyYAML does (kfp's own reader: e.g. an unquoted
 * key `y` stays a string), and requires every reader of IR to read them the same way: a plain
 * value other readers would read differently is an error. Throws on a parse error rather than
 * returning a cut document.
 */
export function loadIr(text: string): unknown[] {
  const parsed = parseYamlDocuments(text);
  if (parsed.diagnostics.length) throw new Error(`YAML parse error: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.docs;
}

/**
 * Parses documents kfp 2.17.3 wrote, as PyYAML reads them and nothing more. kfp's PyYAML writes a
 * string such as `1e+16` plain (PyYAML reads no float without a dot), which go-yaml and YAML 1.2
 * read as a number: loadIr refuses that in kfp-ts's output, but in kfp's it is kfp's own choice.
 */
export function loadKfpIr(text: string): unknown[] {
  const parsed = parsePyYamlDocuments(text);
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
