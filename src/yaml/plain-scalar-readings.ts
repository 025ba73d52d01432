/**
 * What each YAML reader that meets a compiled pipeline makes of an unquoted (plain) scalar. The
 * emitter quotes every string some reader would not read back as that string; the validator
 * refuses a plain scalar whose value depends on the reader. The readers:
 *
 * - PyYAML `safe_load_all` (YAML 1.1): kfp's loader and every Python tool. Its implicit resolvers
 *   (yaml/resolver.py) differ from the 1.1 spec: `y`/`n` stay strings, a float needs a dot and a
 *   signed exponent (`1e3` is a string), `=` resolves to tag:yaml.org,2002:value and `<<` to the
 *   merge tag, neither of which safe_load can construct as a value; `1:30` is sexagesimal 90,
 *   `010` octal 8, `2001-12-14` a date (no JSON form).
 * - go-yaml v3 (gopkg.in/yaml.v3): the KFP API server reads the pipeline document with it. YAML
 *   1.2 booleans and nulls only, but numbers are whatever Go's strconv.ParseInt(s, 0, 64) takes
 *   after removing every `_` (`0o17`, `0x1F`, `017` octal, `1_0` = 10), else the float pattern
 *   (`1e3`, `08` = 8.0, `+.5`); a leading `.` tries strconv.ParseFloat.
 * - go-yaml v2 (sigs.k8s.io/yaml, which the backend uses for the platform document and Kubernetes
 *   tooling uses everywhere): v3's numbers, plus the 1.1 booleans `y`, `n`, `yes`, `on`, `off`, ….
 * - the YAML 1.2 core schema (the npm `yaml` package's default, and any 1.2 reader): `0o17` is 15,
 *   `010` is 10, `1e3` is 1000, `1_000` and `1:30` are strings.
 *
 * Timestamps: PyYAML makes a date or datetime (no JSON form); go-yaml keeps them as strings when it
 * decodes into interface{}, which is what the backend does.
 */

import { Document, type ScalarTag } from 'yaml';

/** One reader's value for a plain scalar, comparable across readers (numbers by value). */
export type Reading =
  | { readonly kind: 'string' }
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'merge' }
  /** PyYAML's `=` (tag:yaml.org,2002:value): safe_load fails on it. */
  | { readonly kind: 'unconstructable' };

export type ReaderName = 'PyYAML' | 'go-yaml v3' | 'go-yaml v2' | 'YAML 1.2';
export const READERS: readonly ReaderName[] = ['PyYAML', 'go-yaml v3', 'go-yaml v2', 'YAML 1.2'];

const STRING: Reading = { kind: 'string' };
const NULL: Reading = { kind: 'null' };
const TRUE: Reading = { kind: 'bool', value: true };
const FALSE: Reading = { kind: 'bool', value: false };
const num = (value: number): Reading => ({ kind: 'number', value });

// PyYAML's implicit resolvers (yaml/resolver.py), verbatim.
export const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
export const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
export const PYYAML_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
export const PYYAML_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PYYAML_NULL = /^(?:~|null|Null|NULL|)$/;
const PYYAML_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

function sexagesimal(digits: string, parse: (part: string) => number): number {
  return digits.split(':').reduce((total, part) => total * 60 + parse(part), 0);
}

/** PyYAML's construct_yaml_int. */
export function pyyamlInt(source: string): number {
  let value = source.replace(/_/g, '');
  const sign = value.startsWith('-') ? -1 : 1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * parseInt(value.slice(2), 16);
  if (value.startsWith('0')) return sign * parseInt(value, 8);
  if (value.includes(':')) return sign * sexagesimal(value, (p) => parseInt(p, 10));
  return sign * parseInt(value, 10);
}

/** PyYAML's construct_yaml_float. */
export function pyyamlFloat(source: string): number {
  let value = source.replace(/_/g, '').toLowerCase();
  const sign = value.startsWith('-') ? -1 : 1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) return sign * sexagesimal(value, (p) => parseFloat(p));
  return sign * parseFloat(value);
}

function pyyaml(s: string): Reading {
  if (PYYAML_NULL.test(s)) return NULL;
  if (PYYAML_TRUE.test(s)) return TRUE;
  if (PYYAML_FALSE.test(s)) return FALSE;
  if (PYYAML_INT.test(s)) return num(pyyamlInt(s));
  if (PYYAML_FLOAT.test(s)) return num(pyyamlFloat(s));
  if (PYYAML_TIMESTAMP.test(s)) return { kind: 'timestamp' };
  if (s === '<<') return { kind: 'merge' };
  if (s === '=') return { kind: 'unconstructable' };
  return STRING;
}

// go-yaml's resolve.go (v2.4 and v3.0): a table of exact words, then a hint from the first byte.
const GO_WORDS = new Map<string, Reading>([
  ...['true', 'True', 'TRUE'].map((w) => [w, TRUE] as const),
  ...['false', 'False', 'FALSE'].map((w) => [w, FALSE] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, NULL] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, num(NaN)] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, num(Infinity)] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, num(-Infinity)] as const),
  ['<<', { kind: 'merge' }],
]);
const GO_V2_WORDS = new Map<string, Reading>([
  ...GO_WORDS,
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((w) => [w, TRUE] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((w) => [w, FALSE] as const),
]);
/** strconv.ParseInt(s, 0, 64) / ParseUint's syntax (underscores already removed). */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function goInt(plain: string): number | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, hex, oct, bin, zeroOct, dec] = m;
  const magnitude =
    hex !== undefined ? BigInt(`0x${hex}`) : oct !== undefined ? BigInt(`0o${oct}`) : bin !== undefined ? BigInt(`0b${bin}`) : zeroOct !== undefined ? BigInt(`0o${zeroOct === '0' ? '0' : zeroOct.slice(1)}`) : BigInt(dec!);
  const value = sign === '-' ? -magnitude : magnitude;
  // ParseInt takes int64; ParseUint (no sign) takes uint64; beyond, the float pattern decides.
  if (value < INT64_MIN || value > UINT64_MAX || (sign !== '' && value > 2n ** 63n - 1n)) return undefined;
  return Number(value);
}

function goFloat(text: string): number | undefined {
  const value = Number(text);
  // strconv.ParseFloat reports out-of-range values as an error: the scalar stays a string.
  return Number.isFinite(value) ? value : undefined;
}

function goYaml(s: string, words: ReadonlyMap<string, Reading>): Reading {
  const word = words.get(s);
  if (word) return word;
  const first = s[0];
  if (first === '.') {
    const v = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s) ? goFloat(s) : undefined;
    return v === undefined ? STRING : num(v);
  }
  if (first === undefined || !/[-+0-9]/.test(first)) return STRING;
  const plain = s.replace(/_/g, '');
  const int = goInt(plain);
  if (int !== undefined) return num(int);
  if (GO_FLOAT.test(plain)) {
    const v = goFloat(plain);
    if (v !== undefined) return num(v);
  }
  return STRING;
}

// The YAML 1.2 core schema (yaml.org/spec/1.2.2 §10.3.2), as the npm yaml package implements it.
function yaml12(s: string): Reading {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return NULL;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return TRUE;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return FALSE;
  if (/^[-+]?[0-9]+$/.test(s)) return num(Number(s));
  if (/^0o[0-7]+$/.test(s)) return num(parseInt(s.slice(2), 8));
  if (/^0x[0-9a-fA-F]+$/.test(s)) return num(parseInt(s.slice(2), 16));
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return num(Number(s));
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return num(s.startsWith('-') ? -Infinity : Infinity);
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return num(NaN);
  return STRING;
}

/** Each reader's value for the plain scalar `s` (a single line). */
export function plainReadings(s: string): Record<ReaderName, Reading> {
  return { PyYAML: pyyaml(s), 'go-yaml v3': goYaml(s, GO_WORDS), 'go-yaml v2': goYaml(s, GO_V2_WORDS), 'YAML 1.2': yaml12(s) };
}

// The npm yaml package's own YAML 1.1 schema, which also resolves `E0`, `e5` and `.` as floats
// (its exponent pattern leaves the mantissa optional): such plain text is not a string to it.
const YAML11_TAGS = new Document(null, { version: '1.1' }).schema.tags.filter(
  (t): t is ScalarTag & { test: RegExp } => 'test' in t && t.test instanceof RegExp && t.default === true && t.tag !== 'tag:yaml.org,2002:str',
);

// A plain scalar that starts with a letter, `_` or `/` is a string to every reader but for a few
// whole words: booleans and nulls of either YAML version, and the npm yaml 1.1 schema's
// mantissa-less floats (`E0`, `e5`). The common case (names, paths, images) skips the resolvers.
const STARTS_AS_WORD = /^[A-Za-z_/]/;
const WORDS = /^(?:y|n|yes|no|on|off|true|false|null|[eE][-+]?[0-9]+)$/i;

/** A plain scalar every reader reads as a string without running its resolvers. */
export function isOrdinaryWord(s: string): boolean {
  return STARTS_AS_WORD.test(s) && !WORDS.test(s);
}

/** Whether every reader (those above, and the npm yaml package's 1.1 schema) reads `s` as the string `s`. */
export function plainIsStringEverywhere(s: string): boolean {
  if (STARTS_AS_WORD.test(s)) return !WORDS.test(s);
  if (YAML11_TAGS.some((t) => t.test.test(s))) return false;
  const r = plainReadings(s);
  return READERS.every((name) => r[name].kind === 'string');
}

export function sameReading(a: Reading, b: Reading): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'bool' && b.kind === 'bool') return a.value === b.value;
  if (a.kind === 'number' && b.kind === 'number') return Object.is(a.value, b.value) || a.value === b.value;
  return true;
}

export function describeReading(r: Reading): string {
  switch (r.kind) {
    case 'string':
      return 'a string';
    case 'null':
      return 'null';
    case 'bool':
      return `the boolean ${r.value}`;
    case 'number':
      return `the number ${r.value}`;
    case 'timestamp':
      return 'a timestamp';
    case 'merge':
      return 'a merge key';
    case 'unconstructable':
      return 'a value it cannot construct';
  }
}
