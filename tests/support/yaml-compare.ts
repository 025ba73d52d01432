import { parseAllDocuments } from 'yaml';

/** Parses one or two IR documents as PyYAML would (YAML 1.1). */
export function loadIr(text: string): unknown[] {
  const docs = parseAllDocuments(text, { version: '1.1' });
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  for (const d of docs)
    if (d.errors.length) throw new Error(`YAML parse error: ${d.errors.map((e) => e.message).join('; ')}`);
  return docs.map((d) => d.toJS());
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
