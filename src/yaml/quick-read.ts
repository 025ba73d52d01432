/**
 * The fast way through a well-formed file. The `yaml` package reads a 20 MB pipeline at about
 * 3 MB/s (its parser makes several generator objects per token), so the validator first lets
 * js-yaml (about ten times faster) read the file with PyYAML's resolvers for plain scalars. When
 * js-yaml reads it without complaint and nothing in it needs a closer look, its documents are the
 * ones PyYAML reads; otherwise this returns undefined and the `yaml` package's reading
 * (./yaml-documents.ts), which locates every problem, decides. Anything that needs a closer look
 * sends the file there: a tab, a plain scalar whose value depends on the reader, a timestamp,
 * `=` or `<<`, a key some reader would not read as that string (js-yaml turns keys into strings,
 * so a quoted `'1'` and a plain `1` look alike), a repeated key, an explicit tag, nesting deeper
 * than MAX_DEPTH, an alias (the careful reading bounds how far aliases expand).
 */
import { defineScalarTag, loadAll, mapTag, NOT_RESOLVED, Schema, seqTag, strTag } from 'js-yaml';
import { isOrdinaryWord, plainIsStringEverywhere, plainReadings, READERS, sameReading, type Reading } from './plain-scalar-readings.ts';

class NeedsCloserLook extends Error {}

// Numbers every reader reads alike (decimal integers without leading zeros, decimals with a dot).
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]+)?$/;

function value(r: Reading): unknown {
  switch (r.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'number':
      return r.value;
    default:
      throw new NeedsCloserLook();
  }
}

// Every plain scalar goes through here (the only implicit tag), resolved as PyYAML resolves it.
const pyyamlPlain = defineScalarTag('tag:kfp-ts.local,2026:pyyaml-plain', {
  implicit: true,
  implicitFirstChars: null,
  identify: () => false,
  resolve: (source) => {
    if (isOrdinaryWord(source)) return NOT_RESOLVED;
    if (PLAIN_NUMBER.test(source)) return Number(source);
    const r = plainReadings(source);
    if (r.PyYAML.kind === 'string') {
      if (READERS.some((name) => name !== 'go-yaml v2' && r[name].kind !== 'string')) throw new NeedsCloserLook();
      return NOT_RESOLVED;
    }
    if (!sameReading(r.PyYAML, r['go-yaml v3']) || !sameReading(r.PyYAML, r['YAML 1.2'])) throw new NeedsCloserLook();
    return value(r.PyYAML);
  },
});

const SCHEMA = new Schema([strTag, seqTag, mapTag, pyyamlPlain]);

/** Keys are plain strings every reader reads as themselves; depth was bounded by the parser. */
function keysAreStrings(docs: readonly unknown[]): boolean {
  const stack: unknown[] = [...docs];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof v === 'object' && v !== null) {
      for (const key in v) {
        if (!plainIsStringEverywhere(key)) return false;
        const item = (v as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
    }
  }
  return true;
}

/** The file's documents when the fast reading can vouch for them, else undefined. */
export function quickRead(text: string, maxDepth: number): unknown[] | undefined {
  if (text.includes('\t')) return undefined;
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: SCHEMA, maxDepth, maxAliases: 0 });
  } catch {
    // A syntax error, a repeated key, a tag, too deep, or NeedsCloserLook: the yaml package's
    // reading reports it precisely.
    return undefined;
  }
  return keysAreStrings(docs) ? docs : undefined;
}
