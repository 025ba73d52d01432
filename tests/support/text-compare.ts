/**
 * Comparisons of the text a user reads, beyond the parsed documents (yaml-compare.ts): kfp's header
 * comment block, and the text of every number (kfp writes proto doubles as `2.0`, never `2`).
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

/** The comment block at the top of a compiled file: its lines up to the first that is no comment. */
export function headerLines(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => !l.startsWith('#'));
  return lines.slice(0, end === -1 ? lines.length : end);
}

/**
 * A header line with every Python dict in its `[Default: …]` (a dict, or a list holding dicts)
 * written with sorted keys. kfp prints
 * a STRUCT default through protobuf's Struct, whose map the upb runtime iterates in an order seeded
 * per process: the same pipeline gets `{'names': ['a'], 'max': 3.0}` in one run and
 * `{'max': 3.0, 'names': ['a']}` in the next. Only the order of a dict's entries is forgiven.
 */
export function withSortedDicts(line: string): string {
  const at = line.search(/ \[Default: [{[]/);
  if (at === -1 || !line.endsWith(']')) return line;
  const literal = line.slice(at + ' [Default: '.length, -1);
  const parsed = parsePythonLiteral(literal);
  return parsed === undefined ? line : `${line.slice(0, at)} [Default: ${writeSorted(parsed)}]`;
}

type Py =
  | { readonly kind: 'leaf'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly Py[] }
  | { readonly kind: 'dict'; readonly entries: readonly (readonly [string, Py])[] };

/** Python's str() of a dict or list, to a tree whose leaves keep their text; undefined if it is not one. */
function parsePythonLiteral(s: string): Py | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Error('not a Python literal');
  };
  const skip = (): void => {
    while (s[i] === ' ') i++;
  };
  const str = (): string => {
    const quote = s[i++];
    let out = quote!;
    while (i < s.length && s[i] !== quote) out += s[i] === '\\' ? s[i++]! + s[i++]! : s[i++]!;
    if (s[i] !== quote) fail();
    i++;
    return out + quote;
  };
  const value = (): Py => {
    skip();
    const c = s[i];
    if (c === '{') {
      i++;
      const entries: [string, Py][] = [];
      skip();
      while (s[i] !== '}') {
        skip();
        const key = s[i] === "'" || s[i] === '"' ? str() : fail();
        skip();
        if (s[i++] !== ':') fail();
        entries.push([key, value()]);
        skip();
        if (s[i] === ',') i++;
        else if (s[i] !== '}') fail();
      }
      i++;
      return { kind: 'dict', entries };
    }
    if (c === '[') {
      i++;
      const items: Py[] = [];
      skip();
      while (s[i] !== ']') {
        items.push(value());
        skip();
        if (s[i] === ',') i++;
        else if (s[i] !== ']') fail();
        skip();
      }
      i++;
      return { kind: 'list', items };
    }
    if (c === "'" || c === '"') return { kind: 'leaf', text: str() };
    const m = /^[^,\]}]+/.exec(s.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return { kind: 'leaf', text: m[0].trim() };
  };
  try {
    const v = value();
    skip();
    return i === s.length ? v : undefined;
  } catch {
    return undefined;
  }
}

function writeSorted(v: Py): string {
  if (v.kind === 'list') return `[${v.items.map(writeSorted).join(', ')}]`;
  if (v.kind === 'leaf') return v.text;
  const entries = [...v.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${k}: ${writeSorted(x)}`).join(', ')}}`;
}

/**
 * Every number whose text differs between two YAML files of the same documents, as
 * `path: ours | theirs` (e.g. `doc0/…/backoffFactor: 2 | 2.0`). Walks both documents in step;
 * what exists on one side only is the parsed comparison's business, not this one's.
 */
export function numberTextDifferences(ours: string, theirs: string): string[] {
  const parse = (text: string) => parseAllDocuments(text, { version: '1.1' });
  const a = parse(ours);
  const b = parse(theirs);
  if (!Array.isArray(a) || !Array.isArray(b)) throw new Error('expected a stream of YAML documents');
  const out: string[] = [];
  const walk = (x: Node | null | undefined, y: Node | null | undefined, p: string): void => {
    if (!x || !y) return;
    if (isMap(x) && isMap(y)) {
      const other = new Map(y.items.map((pair) => [String(isScalar(pair.key) ? pair.key.value : pair.key), pair.value as Node]));
      for (const pair of x.items) {
        const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
        walk(pair.value as Node, other.get(k), `${p}/${k}`);
      }
    } else if (isSeq(x) && isSeq(y)) {
      x.items.forEach((item, i) => walk(item as Node, y.items[i] as Node, `${p}/${i}`));
    } else if (isScalar(x) && isScalar(y) && (typeof x.value === 'number' || typeof y.value === 'number')) {
      if (x.source !== y.source) out.push(`${p}: ${x.source ?? String(x.value)} | ${y.source ?? String(y.value)}`);
    }
  };
  a.forEach((doc, i) => walk(doc.contents, b[i]?.contents, `doc${i}`));
  return out;
}
