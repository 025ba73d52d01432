/**
 * kfp writes an IfPresent placeholder's Else only when it is truthy in Python
 * (src/compiler/lower-executor.ts): `IfPresentPlaceholder('x', ['--x', x], '')` and `…, [])` have
 * no Else; `…, 'none')` has one.
 */
import { describe, expect, it } from 'vitest';
import { containerComponent, ifPresent, pipeline, z, type CommandLineElement } from '../../src/index.ts';
import { compileOk } from './support.ts';

/** The IfPresent struct kfp-ts writes for `ifPresent('x', ['--x', x], otherwise)`. */
function ifPresentWritten(otherwise?: CommandLineElement | readonly CommandLineElement[]): unknown {
  const c = containerComponent({
    name: 'opt',
    inputs: { x: z.string().optional() },
    implementation: ({ inputs }) => ({ image: 'alpine', command: ['run', ifPresent('x', ['--x', inputs.x], otherwise)] }),
  });
  const spec = compileOk(pipeline({ name: 'p' }, (_p, s) => void s.task(c, {})));
  return JSON.parse(spec.deploymentSpec.executors['exec-opt'].container.command[1]);
}

describe('IfPresent Else', () => {
  const then = ['--x', "{{$.inputs.parameters['x']}}"];
  it('is left out when not given, empty text or an empty list', () => {
    for (const otherwise of [undefined, '', []]) expect(ifPresentWritten(otherwise), JSON.stringify(otherwise)).toStrictEqual({ IfPresent: { InputName: 'x', Then: then } });
  });
  it('is written when it holds something', () => {
    expect(ifPresentWritten('none')).toStrictEqual({ IfPresent: { InputName: 'x', Then: then, Else: 'none' } });
    expect(ifPresentWritten(['--y'])).toStrictEqual({ IfPresent: { InputName: 'x', Then: then, Else: ['--y'] } });
  });
});
