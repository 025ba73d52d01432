/**
 * PROTOTYPE, not used by kfp-ts: a YAML writer for the IR's JSON-shaped documents that produces
 * the same bytes as src/emit/emit-yaml.ts, to measure what replacing the `yaml` Document round
 * trip would save (see bench/README.md, "Hot spots").
 *
 * The structure (maps with sorted keys, block sequences not indented under their key, `{}`/`[]`
 * for empty collections) is written directly. Each distinct string scalar and key is still
 * rendered once by the `yaml` package with the emitter's options (YAML 1.1 quoting, literal block
 * scalars) and memoized, so quoting rules stay the library's; a 3,000-task pipeline repeats the
 * same few hundred strings thousands of times.
 */
import { Document } from 'yaml';
import { headerComment } from '../../src/emit/header.ts';

type Json = Record<string, unknown>;

const DOUBLE_FIELDS = new Set(['cpuLimit', 'cpuRequest', 'memoryLimit', 'memoryRequest', 'backoffFactor']);
// Mirrors src/emit/emit-yaml.ts as of 965e017 (Struct/Value subtrees are doubles throughout).
const VALUE_SUBTREES = new Set(['defaultValue', 'constant', 'metadata', 'deploymentSpec', 'pvcSpecPatch']);
const DOC_OPTIONS = { version: '1.1', sortMapEntries: true } as const;
const STRING_OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: false, singleQuote: true } as const;

/** `value` as it follows `key: ` at indent 0; later lines (block scalars) carry their indent. */
const valueCache = new Map<string, string[]>();
const keyCache = new Map<string, string>();

/**
 * Names like `comp-step-2` or `pipelinechannel--step-Output` are plain in YAML 1.1 unless they are
 * one of its booleans or nulls (checked case-blind, a superset); anything else goes to `yaml`.
 */
const SURELY_PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const YAML11_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

function plain(s: string): boolean {
  return SURELY_PLAIN.test(s) && !YAML11_WORDS.test(s);
}

function renderedValue(s: string): string[] {
  if (plain(s)) return [s];
  let r = valueCache.get(s);
  if (r === undefined) {
    const text = new Document({ k: s }, DOC_OPTIONS).toString(STRING_OPTIONS);
    r = text.slice(3, -1).split('\n');
    valueCache.set(s, r);
  }
  return r;
}

function renderedKey(k: string): string {
  if (plain(k)) return k;
  let r = keyCache.get(k);
  if (r === undefined) {
    const text = new Document({ [k]: 0 }, DOC_OPTIONS).toString(STRING_OPTIONS);
    r = text.slice(0, -4);
    keyCache.set(k, r);
  }
  return r;
}

/** yaml's stringifyNumber, including its minFractionDigits rule for doubles. */
function number(n: number, double: boolean): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n < 0 ? '-.inf' : '.inf';
  let s = Object.is(n, -0) ? '-0' : JSON.stringify(n);
  if (double && /^-?\d/.test(s) && !s.includes('e') && !s.includes('.')) s += '.0';
  return s;
}

/** Pushes a scalar's text: the first line after `prefix`, later lines indented by `indent`. */
function pushScalar(out: string[], prefix: string, value: unknown, indent: string, double: boolean): boolean {
  if (value === null || value === undefined) out.push(`${prefix}null`);
  else if (typeof value === 'boolean') out.push(`${prefix}${value}`);
  else if (typeof value === 'number') out.push(`${prefix}${number(value, double)}`);
  else if (typeof value === 'string') {
    const lines = renderedValue(value);
    out.push(`${prefix}${lines[0]}`);
    for (let i = 1; i < lines.length; i++) out.push(lines[i] === '' ? '' : `${indent}${lines[i]}`);
  } else return false;
  return true;
}

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function writeMap(out: string[], m: Json, indent: string, firstPrefix: string | undefined, inValue: boolean): void {
  const keys = Object.keys(m).filter((k) => m[k] !== undefined).sort();
  keys.forEach((k, i) => {
    const v = m[k];
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    writeEntry(out, `${lead}${renderedKey(k)}:`, v, indent, inValue || VALUE_SUBTREES.has(k), inValue || DOUBLE_FIELDS.has(k));
  });
}

function writeEntry(out: string[], head: string, v: unknown, indent: string, inValue: boolean, double: boolean): void {
  if (Array.isArray(v)) {
    if (v.length === 0) out.push(`${head} []`);
    else {
      out.push(head);
      writeSeq(out, v, indent, inValue);
    }
  } else if (isMap(v)) {
    if (Object.keys(v).every((k) => v[k] === undefined)) out.push(`${head} {}`);
    else {
      out.push(head);
      writeMap(out, v, `${indent}  `, undefined, inValue);
    }
  } else pushScalar(out, `${head} `, v, indent, double);
}

function writeSeq(out: string[], items: readonly unknown[], indent: string, inValue: boolean): void {
  for (const item of items) {
    if (isMap(item) && Object.keys(item).some((k) => item[k] !== undefined)) writeMap(out, item, `${indent}  `, `${indent}- `, inValue);
    else if (Array.isArray(item) && item.length > 0) {
      // `- - x`: rare in the IR; written the long way round.
      out.push(`${indent}-`);
      writeSeq(out, item, `${indent}  `, inValue);
    } else if (Array.isArray(item)) out.push(`${indent}- []`);
    else if (isMap(item)) out.push(`${indent}- {}`);
    else pushScalar(out, `${indent}- `, item, `${indent}`, inValue);
  }
}

function toYaml(doc: Json, allValues: boolean): string {
  const out: string[] = [];
  writeMap(out, doc, '', undefined, allValues);
  return `${out.join('\n')}\n`;
}

/** Same contract as src/emit/emit-yaml.ts's emitPipelineYaml. */
export function fastEmitPipelineYaml(pipelineSpec: Json, platformSpec?: Json): string {
  let out = headerComment(pipelineSpec) + toYaml(pipelineSpec, false);
  if (platformSpec) out += '---\n' + toYaml(platformSpec, false);
  return out;
}
