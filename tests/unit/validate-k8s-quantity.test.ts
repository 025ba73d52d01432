/**
 * parseQuantity (src/validate/k8s-quantity.ts) against Kubernetes' own resource.ParseQuantity. The
 * verdicts below were computed once with a Go program calling k8s.io/apimachinery v0.35.2
 * `resource.ParseQuantity` (the version tests/backend/go.mod builds the KFP backend with): `ok` is
 * accepted with Sign() >= 0, `negative` accepted with Sign() < 0, `suffix` refused with ErrSuffix,
 * `format` refused with ErrFormatWrong. tests/backend-check/refusal-warnings.test.ts runs a subset
 * through the backend itself.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from '../../src/validate/k8s-quantity.ts';

const GO_VERDICTS = {
  ok: ["0", "+0", "-0", "000", "-000", "+", "-", "1", "+1", "-0.0", "0.0", "-.0", ".", "-00.00Gi", "-0Gi", "0Gi", "1n", "1u", "1m", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei", "1e3", "1E3", "1e+3", "1e-3", "1E-3", "1E+3", "e3", "Gi", "1.", ".5", "1.5e3", "0e3", "12Gi", "1.25Gi", "123.456", "0.5m", "1E", "00.00", "-00", "0.", "-0.", "1.5e-3", "1e18", "1e-18", "1e99", "1e+99", "1e-99", "1E-7", "1e0000000000000000003", "1e00000000000000000003", "1e+000000000000000003", "1e+0000000000000000003", "5e1234567890123456789", "1e9223372036854775807", "1e-9223372036854775808", "1e09223372036854775807", "1e+9223372036854775807", "1e0000000000000000000000000000000000003", "2E-0000000000000000000001"],
  negative: ["-1", "-0.5", "-.5", "-1e-3", "-0.000001", "-12.5Mi"],
  suffix: ["1K", "1i", "1e", "1ee3", "1me3", "10K", "1k5", "1E+", "1e-", "++1", "+-1", "-+1", "1e", "1Ee3", "5-", "5+3", "1m+3", "1+3", "1i3", "1-", "1e9223372036854775808", "1e-9223372036854775809", "1e99999999999999999999"],
  format: ["", "1.5.3", "1 Gi", " 1", "1Gi ", "1,000", "1\n", "1Mi\n", "\n1", "1gi", "1KiB", "1e3e", "0x10", "1_000", "\u0661"],
} as const;

const verdict = (text: string) => {
  const r = parseQuantity(text);
  return r.ok ? (r.negative ? 'negative' : 'ok') : r.error === QUANTITY_SUFFIX_ERROR ? 'suffix' : r.error === QUANTITY_FORMAT_ERROR ? 'format' : r.error;
};

describe('Kubernetes quantities as the KFP backend parses a workspace size', () => {
  for (const [expected, texts] of Object.entries(GO_VERDICTS)) {
    it(`GIVEN ${texts.length} sizes ParseQuantity answers "${expected}" for WHEN parsed THEN parseQuantity agrees on each`, () => {
      expect(Object.fromEntries(texts.map((t) => [t, verdict(t)]))).toEqual(Object.fromEntries(texts.map((t) => [t, expected])));
    });
  }

  it('GIVEN the two errors WHEN quoted THEN they are resource.ErrFormatWrong and ErrSuffix word for word', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(QUANTITY_SUFFIX_ERROR).toBe("unable to parse quantity's suffix");
  });
});
