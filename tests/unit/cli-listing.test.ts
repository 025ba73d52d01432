/**
 * `--limit` of `runs list` / `pipelines list` (src/cli/listing.ts): a whole number written in
 * digits from 1 to 1000, else `<command>/invalid-limit`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pageSize } from '../../src/cli/listing.ts';

afterEach(() => {
  process.exitCode = undefined;
});

function withErrors(limit: string | undefined): { size: number | undefined; errors: string[] } {
  const errors: string[] = [];
  const size = pageSize({ out: () => {}, err: (t) => errors.push(t) }, limit, 'runs');
  return { size, errors };
}

describe('pageSize', () => {
  it('takes 20 when --limit is not given, and whole numbers from 1 to 1000', () => {
    expect(withErrors(undefined)).toEqual({ size: 20, errors: [] });
    expect(withErrors('1')).toEqual({ size: 1, errors: [] });
    expect(withErrors('1000')).toEqual({ size: 1000, errors: [] });
  });

  it('refuses other spellings and ranges with runs/invalid-limit and exit code 2 (a wrong command line)', () => {
    for (const limit of ['0', '1001', '1e2', '0x10', '2.5', '-3', ' 5', '']) {
      const { size, errors } = withErrors(limit);
      expect(size, limit).toBeUndefined();
      expect(errors, limit).toHaveLength(1);
      expect(errors[0], limit).toContain('[runs/invalid-limit]');
      expect(process.exitCode).toBe(2);
      process.exitCode = undefined;
    }
  });
});
