/**
 * The text of a double, as kfp writes it: kfp-ts's pythonFloatRepr (the header's `[Default: …]`)
 * and pyyamlFloat (every proto double in the YAML) against Python's repr() and PyYAML's
 * safe_dump for 20,000 doubles drawn from a fixed seed — every magnitude, both signs, -0, the
 * largest and smallest, infinities and NaN — and the boundaries where the two languages change
 * notation (1e-4, 1e-6, 1e16, 1e21).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonFloatRepr, pyyamlFloat } from '../../src/emit/python-float.ts';
import { REPO, venvPython } from '../support/repo.ts';

const SEED = 20261216;

function bitsOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return [...new Uint8Array(view.buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const boundaries = [1e-4, 9.999999999999999e-5, 1e-5, 1e-6, 1.024e-6, 9.99e-7, 1e-7, 1e15, 9999999999999998, 1e16, 1e17, 1e20, 1e21, 1e22, 2 ** 53, 0.1, 0.5, 2, 100];

describe("floats written as kfp's Python writes them", () => {
  it('GIVEN 20,000 doubles WHEN written by kfp-ts THEN each text equals Python repr() and PyYAML safe_dump', () => {
    const drawn = fc.sample(fc.oneof(fc.double(), fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map((i) => i * 1.0), fc.double({ min: -1e-3, max: 1e-3 })), { seed: SEED, numRuns: 20_000 });
    const values = [...boundaries, ...boundaries.map((b) => -b), 0, -0, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, ...drawn];
    const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'yaml-readers', 'python_floats.py')], { input: JSON.stringify(values.map(bitsOf)), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    const python = JSON.parse(r.stdout) as [repr: string, pyyaml: string][];
    expect(python).toHaveLength(values.length);
    const mismatches = values.flatMap((x, i) => {
      const [repr, dumped] = python[i]!;
      const ours = [pythonFloatRepr(x), pyyamlFloat(x)];
      return ours[0] === repr && ours[1] === dumped ? [] : [`${bitsOf(x)}: kfp-ts ${ours.join(' / ')}, Python ${repr} / ${dumped}`];
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
