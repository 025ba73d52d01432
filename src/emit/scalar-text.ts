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
      if (lines === undefined) this.strings.set(v, (lines = surelyPlain(v) ? [v] : render(v, false)));
      return lines;
    }
    const memo = memoKey(v, double);
    let lines = this.others.get(memo);
    if (lines === undefined) this.others.set(memo, (lines = render(v, double)));
    return lines;
  }

  /** A mapping key as written before its `:`. */
  key(k: string): string {
    let text = this.keys.get(k);
    // Past 1,024 characters a key must be explicit (`? key`).
    if (text === undefined) this.keys.set(k, (text = k.length <= 1024 && surelyPlain(k) ? k : renderKey(k)));
    return text;
  }
}

function renderKey(k: string): string {
  const d = new Document({ [k]: 0 }, DOCUMENT_OPTIONS);
  const key = isMap(d.contents) ? d.contents.items[0]?.key : undefined;
  if (isScalar(key)) key.type = forcedStringType(k);
  const whole = escapeRawCharacters(d.toString(TO_STRING_OPTIONS));
  // An explicit (`? `) or multi-line key would need a layout of its own.
  if (!whole.endsWith(': 0\n') || whole.startsWith('? ') || whole.slice(0, -4).includes('\n')) throw new NotLaidOut(`key ${JSON.stringify(k)}`);
  return whole.slice(0, -4);
}

function render(v: unknown, double: boolean): readonly string[] {
  if (double && typeof v === 'number') return [pyyamlFloat(v)];
  const d = new Document({ k: v }, DOCUMENT_OPTIONS);
  const node = d.get('k', true);
  if (isScalar(node) && typeof node.value === 'string') node.type = forcedStringType(node.value);
  const text = escapeRawCharacters(d.toString(TO_STRING_OPTIONS));
  if (!text.startsWith('k: ') || !text.endsWith('\n')) throw new NotLaidOut(`scalar ${JSON.stringify(v)}`);
  return text.slice(3, -1).split('\n');
}

/** Numbers, booleans and null, each with whether it is written as a double. */
function memoKey(v: unknown, double: boolean): string {
  switch (typeof v) {
    case 'number':
      return `${double ? 'd' : 'n'}${Object.is(v, -0) ? '-0' : String(v)}`;
    case 'boolean':
      return `b${v}`;
    default:
      if (v === null) return 'null';
      throw new NotLaidOut(`a ${typeof v} value`);
  }
}
