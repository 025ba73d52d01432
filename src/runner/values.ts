/**
 * Parameter values as the KFP backend converts them. The driver and launcher hold every value as a
 * `google.protobuf.Value` (numbers are doubles) and turn them into text in three slightly
 * different ways; each function here is one of them, named for where the backend does it.
 */
import { compareCodePoints } from '../code-point-order.ts';
import type { JsonValue, ParameterType } from '../ir/index.ts';

/** Go's `strconv.FormatFloat(v, 'f', -1, 64)`: the shortest decimal that reads back, never an exponent. */
export function formatFloatF(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const shortest = String(n);
  if (!/e/i.test(shortest)) return shortest;
  const [mantissa = '', exponentText = '0'] = shortest.split(/e/i);
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const pointAt = (mantissa.replace('-', '').indexOf('.') === -1 ? mantissa.replace('-', '').length : mantissa.replace('-', '').indexOf('.')) + exponent;
  let text: string;
  if (pointAt <= 0) text = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) text = digits + '0'.repeat(pointAt - digits.length);
  else text = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${text}` : text;
}

/** Go's `%g` for a float64 (the driver's format for non-integral numbers): exponent from 1e21 up or below 1e-4. */
function formatFloatG(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m = '', e = '0'] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return formatFloatF(n);
}

/**
 * JSON the way Go's `encoding/json` writes a decoded value: object keys sorted by their bytes (by
 * code point), no spaces, and
 * `<`, `>`, `&`, U+2028, U+2029 escaped. The backend writes list and struct parameters, and the
 * cache key it hashes, this way.
 */
export function goJson(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v)).join(',')}]`;
  const keys = Object.keys(value).sort(compareCodePoints);
  return `{${keys.map((k) => `${goString(k)}:${goJson((value as { readonly [k: string]: JsonValue })[k])}`).join(',')}}`;
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** encoding/json's float64: like JavaScript's shortest form, with exponents from 1e21 up and below 1e-6. */
function goNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [m = '', e = '0'] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return formatFloatF(n);
}

/** `metadata.PbValueToText`: how the driver turns any value into a STRING parameter. */
export function valueToText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatFloatF(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return goJson(value);
}

/** The driver's `pbValueToString`: an input parameter placed into a container argument. */
export function argumentText(value: JsonValue): string {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? BigInt(value).toString() : formatFloatG(value);
  return valueToText(value);
}

export type ParameterCheck = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

/**
 * The driver's check of a resolved input against its declared type: a STRING input takes any value
 * as text (lists and structs as JSON); every other type must match the value's kind (a number for
 * either number type; a struct for STRUCT, TASK_FINAL_STATUS and TASK_CONFIG); null only where the
 * driver itself set it.
 */
export function checkParameterType(value: JsonValue, type: ParameterType | undefined): ParameterCheck {
  if (type === 'STRING') return { ok: true, value: typeof value === 'string' ? value : valueToText(value) };
  if (type === undefined || type === 'PARAMETER_TYPE_ENUM_UNSPECIFIED') return { ok: true, value };
  const actual = kindOf(value);
  const fits =
    (actual === 'number' && (type === 'NUMBER_DOUBLE' || type === 'NUMBER_INTEGER')) ||
    (actual === 'bool' && type === 'BOOLEAN') ||
    (actual === 'list' && type === 'LIST') ||
    (actual === 'struct' && (type === 'STRUCT' || type === 'TASK_FINAL_STATUS' || type === 'TASK_CONFIG'));
  if (actual === 'null') return { ok: false, message: 'got null' };
  return fits ? { ok: true, value } : { ok: false, message: `type mismatch: expected ${type}, got ${actual}` };
}

export function kindOf(value: JsonValue): 'null' | 'string' | 'number' | 'bool' | 'list' | 'struct' {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return Array.isArray(value) ? 'list' : 'struct';
}

/**
 * `metadata.TextToPbValue`: an output parameter read from its output file, by its declared type.
 * Throws with the reason when the text does not fit.
 */
export function parseParameterText(text: string, type: ParameterType | undefined): JsonValue {
  switch (type) {
    case 'STRING':
      return text;
    case 'NUMBER_INTEGER': {
      const t = text.trim();
      if (!/^[+-]?\d+$/.test(t)) throw new Error(`"${t}" is not an integer`);
      return Number(t);
    }
    case 'NUMBER_DOUBLE': {
      const t = text.trim();
      const n = Number(t);
      if (t === '' || Number.isNaN(n) && t !== 'NaN') throw new Error(`"${t}" is not a number`);
      return n;
    }
    case 'BOOLEAN': {
      const t = text.trim();
      // Go's strconv.ParseBool
      if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(t)) return true;
      if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(t)) return false;
      throw new Error(`"${t}" is not a boolean`);
    }
    case 'LIST':
    case 'STRUCT': {
      const parsed: unknown = JSON.parse(text);
      const isList = Array.isArray(parsed);
      const isStruct = typeof parsed === 'object' && parsed !== null && !isList;
      if ((type === 'LIST' && !isList) || (type === 'STRUCT' && !isStruct)) throw new Error(`expected a JSON ${type === 'LIST' ? 'list' : 'object'}`);
      return parsed as JsonValue;
    }
    default:
      throw new Error(`output parameters of type ${type ?? 'unspecified'} cannot be read from a file`);
  }
}

/** Deep equality of JSON values (numbers by value, key order ignored). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return goJson(a) === goJson(b);
}
