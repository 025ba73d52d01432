import { Document, isMap, isScalar } from 'yaml';
import { plainIsStringEverywhere } from '../yaml/plain-scalar-readings.ts';
import { pyyamlFloat } from './python-float.ts';
import { escapeRawCharacters, forcedStringType } from './string-style.ts';
import { DOCUMENT_OPTIONS, TO_STRING_OPTIONS } from './yaml-document.ts';

/** Thrown when the `yaml` package writes a scalar in a form the block writer does not lay out. */
export class NotLaidOut extends Error {}

// Names like `comp-step-2` or `pipelinechannel--step-Output` are written plain unless some reader
// gives them another meaning (`yes`, `E0`: plainIsStringEverywhere). They are most of a large
// pipeline's strings, so they skip the library; everything else goes through it.
const SURELY_PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function surelyPlain(s: string): boolean {
  // Stryker disable next-line ConditionalExpression: a fast path only: without it every string is written by the yaml package, the same text
  return SURELY_PLAIN.test(s) && plainIsStringEverywhere(s);
}

/**
 * The text of scalars and keys, each rendered once by the `yaml` package with the emitter's
 * options and remembered: a 3,000-task pipeline repeats a few hundred distinct strings thousands
 * of times. Holds one compile's strings; make a new one per document set.
 */
export class ScalarText {
  private readonly strings = new Map<string, readonly string[]>();
  private readonly others = new Map<string, readonly string[]>();
  private readonly keys = new Map<string, string>();

  /**
   * A scalar as it follows `key: ` at indent 0, split into lines: later lines (of a block
   * scalar) carry their indent relative to the key's.
   */
  value(v: unknown, double: boolean): readonly string[] {
    if (typeof v === 'string') {
      let lines = this.strings.get(v);
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: a memo only (rendering again gives the same lines); render reads `double` only for a number
      if (lines === undefined) this.strings.set(v, (lines = surelyPlain(v) ? [v] : render(v, false)));
      return lines;
    }
    const memo = memoKey(v, double);
    let lines = this.others.get(memo);
    // Stryker disable next-line ConditionalExpression: a memo only (rendering again gives the same lines)
    if (lines === undefined) this.others.set(memo, (lines = render(v, double)));
    return lines;
  }

  /** A mapping key as written before its `:`. */
  key(k: string): string {
    let text = this.keys.get(k);
    // Past 1,024 characters a key must be explicit (`? key`): renderKey leaves it to the yaml package.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a memo and a fast path only: the yaml package writes a key of up to 1,024 characters that surelyPlain takes as that key, plain
    if (text === undefined) this.keys.set(k, (text = k.length <= 1024 && surelyPlain(k) ? k : renderKey(k)));
    return text;
  }
}

function renderKey(k: string): string {
  const d = new Document({ [k]: 0 }, DOCUMENT_OPTIONS);
  const key = isMap(d.contents) ? d.contents.items[0]?.key : undefined;
  if (isScalar(key)) key.type = forcedStringType(k);
  // `<key>: 0\n`. The yaml package writes a key it cannot put on one line (multi-line, or past
  // 1,024 characters) as an explicit `? <key>\n: 0\n`, which would need a layout of its own.
  const text = escapeRawCharacters(d.toString(TO_STRING_OPTIONS)).slice(0, -4);
  if (text.includes('\n')) {
    // Stryker disable next-line StringLiteral: emit-yaml.ts catches NotLaidOut and writes the document with the yaml package; the message is never shown
    throw new NotLaidOut(`key ${JSON.stringify(k)}`);
  }
  return text;
}

function render(v: unknown, double: boolean): readonly string[] {
  if (double && typeof v === 'number') return [pyyamlFloat(v)];
  const d = new Document({ k: v }, DOCUMENT_OPTIONS);
  const node = d.get('k', true);
  if (isScalar(node) && typeof node.value === 'string') node.type = forcedStringType(node.value);
  // The yaml package writes a one-entry map { k: scalar } as `k: <scalar>\n`.
  return escapeRawCharacters(d.toString(TO_STRING_OPTIONS)).slice(3, -1).split('\n');
}

/** Numbers, booleans and null, each with whether it is written as a double. */
function memoKey(v: unknown, double: boolean): string {
  switch (typeof v) {
    case 'number': {
      // The memo key must tell doubles from integers, and -0 from 0 (a Map takes them as one).
      // Stryker disable next-line StringLiteral: any two different prefixes would do
      const kind = double ? 'd' : 'n';
      // Stryker disable next-line UnaryOperator,StringLiteral: any text for -0 other than String(0) would do, and `+0` only swaps the texts of 0 and -0
      const value = Object.is(v, -0) ? '-0' : String(v);
      return `${kind}${value}`;
    }
    case 'boolean':
      return `b${v}`;
    default:
      // Stryker disable next-line ConditionalExpression,StringLiteral: a JSON document has no other value here (block-writer.ts writes undefined as null), and any key apart from the numbers' and booleans' would do
      if (v === null) return 'null';
      throw new NotLaidOut(`a ${typeof v} value`);
  }
}
