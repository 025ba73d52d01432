/**
 * Python's `int(str)`, `float(str)` and `str(x)` for the values of a v1 component's defaults: kfp
 * casts a default with them, so `'0.3'` becomes 0.3, `int('07')` 7, and a float default of a
 * `String` input the text Python prints for it (`str(1e16)` is `'1e+16'`).
 */

const INT_TEXT = /^[+-]?\d+(?:_\d+)*$/;
const FLOAT_TEXT = /^[+-]?(?:(?:\d+(?:_\d+)*)?\.\d+(?:_\d+)*|\d+(?:_\d+)*\.?)(?:[eE][+-]?\d+(?:_\d+)*)?$/;

/** Python's int() of a text (base 10); throws Python's message otherwise. */
export function parsePythonInt(text: string): number {
  const t = text.trim();
  if (!INT_TEXT.test(t)) throw new Error(`invalid literal for int() with base 10: '${text}'`);
  return Number(t.replace(/_/g, ''));
}

/** Python's float() of a text. A value the IR cannot carry (inf, nan) is refused. */
export function parsePythonFloat(text: string): number {
  const t = text.trim();
  if (/^[+-]?(?:inf|infinity|nan)$/i.test(t)) throw new Error(`the default '${text}' is not a finite number, which the IR cannot hold`);
  if (!FLOAT_TEXT.test(t)) throw new Error(`could not convert string to float: '${text}'`);
  return Number(t.replace(/_/g, ''));
}

/** Python's repr() of a float: the shortest round-trip digits, exponent form outside 1e-4..1e16. */
export function pythonFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = n.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** Python's str() of a YAML scalar; `isFloat` when PyYAML read the number as a float (`3.0`). */
export function pythonStr(value: string | number | boolean, isFloat = false): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return isFloat ? pythonFloatRepr(value) : String(value);
}
