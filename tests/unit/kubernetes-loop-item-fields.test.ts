/**
 * A loop item's field as the value of a kfp-kubernetes setting (kfp's `secret_name=item.secret`).
 * kfp 2.17.3 writes `componentInputParameter: <items>-loop-item-subvar-<field>`, an input no
 * component has, so the task cannot run; kfp-ts refuses it with a diagnostic that says what to do
 * instead (before, it wrote the same reference and failed its own IR check as "a kfp-ts bug").
 */
import { describe, expect, it } from 'vitest';
import { containerComponent, itemField, kubernetes, pipeline, z } from '../../src/index.ts';
import type { ParameterChannel } from '../../src/dsl/channels.ts';
import type { TaskHandle } from '../../src/dsl/task-handle.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { codesAndPaths, compileErrors, type Json } from './support.ts';

const use = containerComponent({ name: 'use', implementation: () => ({ image: 'alpine:3.20', command: ['true'] }) });
const envs = z.array(z.object({ secret: z.string(), cm: z.string(), pvc: z.string() })).default([{ secret: 'a', cm: 'b', pvc: 'c' }]);

type Setting = (task: TaskHandle<Record<string, never>>, name: ParameterChannel<string>) => unknown;
const settings: [string, 'secret' | 'cm' | 'pvc', Setting, string][] = [
  ['a Secret as env', 'secret', (t, name) => kubernetes.useSecretAsEnv(t, { secretName: name, secretKeyToEnv: { k: 'K' } }), 'useSecretAsEnv/secretName'],
  ['a ConfigMap as a volume', 'cm', (t, name) => kubernetes.useConfigMapAsVolume(t, { configMapName: name, mountPath: '/cm' }), 'useConfigMapAsVolume/configMapName'],
  ['a PVC mount', 'pvc', (t, name) => kubernetes.mountPvc(t, { pvcName: name, mountPath: '/p' }), 'mountPvc/pvcName'],
  ['an image pull secret', 'secret', (t, name) => kubernetes.setImagePullSecrets(t, [name]), 'setImagePullSecrets/secretNames/0'],
];

describe('a loop item field as a kubernetes setting', () => {
  for (const [what, field, set, argument] of settings)
    it(`is refused for ${what} as kubernetes/invalid-argument, naming the field`, () => {
      // GIVEN a loop whose task takes the name from a field of the item
      const p = pipeline({ name: 'k', inputs: { envs } }, (p, s) => {
        s.parallelFor(p.envs, (e, s) => void set(s.task(use, {}), itemField(e, field)));
      });
      // WHEN compiled
      const ds = compileErrors(p);
      // THEN one kubernetes/invalid-argument, at the helper's argument of the task, naming the field
      expect(codesAndPaths(ds)).toEqual([['kubernetes/invalid-argument', `k/use/kubernetes/${argument}`]]);
      expect(ds[0]!.message).toContain(`a loop item's field ('${field}')`);
    });

  it('still takes the whole loop item', () => {
    // GIVEN a loop over Secret names whose item names the Secret
    const p = pipeline({ name: 'k', inputs: { names: z.array(z.string()).default(['a']) } }, (p, s) => {
      s.parallelFor(p.names, (name, s) => void kubernetes.useSecretAsVolume(s.task(use, {}), { secretName: name, mountPath: '/s' }));
    });
    // WHEN compiled
    const r = compilePipeline(p.build());
    // THEN the platform config reads the loop's item input
    expect(r.diagnostics).toEqual([]);
    expect((r.platformSpec as Json).platforms.kubernetes.deploymentSpec.executors['exec-use'].secretAsVolume[0].secretNameParameter).toEqual({
      componentInputParameter: 'pipelinechannel--names-loop-item',
    });
  });
});
