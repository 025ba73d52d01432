/**
 * The supported zod range is declared once (src/zod-support.ts) and is package.json's peer range;
 * a schema from zod 3 is refused by name, not taken for "not a zod schema".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerComponent } from '../../src/dsl/component.ts';
import { SUPPORTED_ZOD, supportedZodVersion } from '../../src/zod-support.ts';
import { REPO } from '../support/repo.ts';

describe('zod support', () => {
  it('GIVEN package.json WHEN read THEN its zod peer range is SUPPORTED_ZOD, and zod is no plain dependency', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.peerDependencies['zod']).toBe(SUPPORTED_ZOD);
    expect(pkg.dependencies['zod']).toBeUndefined();
  });

  it('GIVEN versions WHEN checked against the caret range THEN only zod 4 from its floor fits', () => {
    expect(supportedZodVersion('4.0.0')).toBe(true);
    expect(supportedZodVersion('4.6.7')).toBe(true);
    expect(supportedZodVersion('3.25.76')).toBe(false);
    expect(supportedZodVersion('5.0.0')).toBe(false);
    expect(supportedZodVersion('of unknown version')).toBe(false);
  });

  it('GIVEN a zod 3 schema (shape of one: _def and safeParse) WHEN declared as an input THEN the problem names zod 3 and the range', () => {
    const zod3String = { _def: { typeName: 'ZodString' }, safeParse: () => ({ success: true }) };
    const c = containerComponent({ name: 'c', inputs: { text: zod3String as never }, implementation: () => ({ image: 'alpine' }) });
    const spec = c.node.interface.inputs['text'];
    expect(spec).toMatchObject({ kind: 'invalid' });
    expect((spec as { message: string }).message).toContain(`this is a zod 3 schema; kfp-ts needs zod ${SUPPORTED_ZOD}`);
  });
});
