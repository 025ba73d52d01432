// How kfp's Python writes a float. JavaScript and Python agree on a double's shortest digits but not
// on where scientific notation starts or how it looks: JavaScript writes 1.024e-6 as `0.000001024`
// and 1e21 as `1e+21`; Python's repr() switches below 1e-4 and from 1e16 on, with a two-digit
// signed exponent (`1.024e-06`, `1e+16`), and PyYAML adds `.0` to a mantissa without a point
// (`1.0e+16`), so that YAML 1.1 reads the text as a float.

/** Python's `repr()` of a float (also its `str()`, which the header shows). */
export function pythonFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v === -Infinity ? '-inf' : 'inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  // toExponential() writes nothing but this form, hence no anchors.
  const m = /(-?)(\d)(?:\.(\d+))?e([+-]\d+)/.exec(v.toExponential());
  if (!m) throw new Error(`unexpected exponential form of ${v}`);
  const [, sign, lead, rest = '', expText] = m;
  const exp = Number(expText);
  const digits = lead! + rest;
  if (exp < -4 || exp >= 16) {
    const mantissa = rest ? `${lead}.${rest}` : lead!;
    // Stryker disable next-line EqualityOperator: exp is below -4 or at least 16 here, never 0
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A float as PyYAML's `represent_float` writes it (kfp's YAML for every proto double). */
export function pyyamlFloat(v: number): string {
  if (Number.isNaN(v)) return '.nan';
  if (!Number.isFinite(v)) return v === -Infinity ? '-.inf' : '.inf';
  const text = pythonFloatRepr(v);
  // repr() of a finite float always has a point or an exponent: only `1e+16` needs the `.0`.
  return text.includes('.') ? text : text.replace('e', '.0e');
}
