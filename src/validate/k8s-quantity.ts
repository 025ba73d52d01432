/**
 * Kubernetes' resource.ParseQuantity (k8s.io/apimachinery v0.35), as far as whether it accepts a
 * string and the error it returns: the KFP backend parses a workspace size with it when a run is
 * created. kfp (and kfp-ts) check sizes with a looser pattern that lets `10K` through, which
 * Kubernetes refuses (its decimal kilo is a lowercase `k`).
 */

/** ParseQuantity's error texts (resource.ErrFormatWrong, ErrSuffix). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 10, 64) succeeds: a sign, any number of digits (leading zeros too), within int64. */
function isInt64(text: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX;
}

export type QuantityCheck = { readonly ok: true; readonly negative: boolean } | { readonly ok: false; readonly error: string };

/**
 * Whether ParseQuantity accepts `text`, and whether the quantity is below zero.
 *
 * @example
 * parseQuantity('10Gi'); // { ok: true, negative: false }
 * parseQuantity('10K');  // { ok: false, error: "unable to parse quantity's suffix" }
 */
export function parseQuantity(text: string): QuantityCheck {
  if (text === '') return { ok: false, error: QUANTITY_FORMAT_ERROR };
  // A sign, digits, an optional fraction, then the suffix. (parseQuantityString's shortcut for a
  // sign and zeros alone gives what this gives them: zero, not negative.)
  // Stryker disable next-line StringLiteral,Regex: the pattern matches every text from its start to its end, and a missing fraction is tested for digits 1-9 only
  const [, sign, whole = '', fraction = '', rest = ''] = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/s.exec(text)!;
  const suffix = /^[eEinumkKMGTP]*[-+]?\d*$/.test(rest) ? rest : undefined;
  if (suffix === undefined) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const exponent = (suffix.startsWith('e') || suffix.startsWith('E')) && isInt64(suffix.slice(1));
  if (!SUFFIXES.has(suffix) && !exponent) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  const nonZero = /[1-9]/.test(whole + fraction);
  return { ok: true, negative: sign === '-' && nonZero };
}
