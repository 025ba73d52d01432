/**
 * kfp-kubernetes helpers are typed: a run-time name must be a string parameter, JSON settings take
 * STRUCT (or, for tolerations, LIST) parameters, enumerations are closed, and CreatePVC/DeletePVC
 * are components with kfp's inputs. Each `@ts-expect-error` sits on the one line that must fail.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { containerComponent, Dataset, kubernetes, output, pipeline, z, type TaskHandle } from '../../src/index.ts';

const use = containerComponent({ name: 'use', implementation: () => ({ image: 'alpine' }) });
const makeData = containerComponent({
  name: 'make_data',
  outputs: { data: output(Dataset), count: z.int() },
  implementation: ({ outputs }) => ({ image: 'alpine', args: [outputs.data.path, outputs.count.path] }),
});

describe('kubernetes helper types', () => {
  it('takes string parameters and task outputs as names, and nothing else', () => {
    pipeline(
      {
        name: 'k8s-types',
        inputs: {
          pvc: z.string(),
          replicas: z.int(),
          selector: z.record(z.string(), z.string()),
          tolerations: z.array(z.record(z.string(), z.unknown())),
        },
      },
      (p, s) => {
        const pvc = s.task(kubernetes.CreatePVC, { access_modes: ['ReadWriteOnce'], size: '1Gi' });
        const made = s.task(makeData, {});
        let t = s.task(use, {});
        t = kubernetes.mountPvc(t, { pvcName: pvc.outputs.name, mountPath: '/a' });
        t = kubernetes.mountPvc(t, { pvcName: p.pvc, mountPath: '/b' });
        // @ts-expect-error an int parameter is not a PVC name
        kubernetes.mountPvc(t, { pvcName: p.replicas, mountPath: '/c' });
        // @ts-expect-error an artifact is not a Secret name
        kubernetes.useSecretAsEnv(t, { secretName: made.outputs.data, secretKeyToEnv: {} });
        // @ts-expect-error an int task output is not a ConfigMap name
        kubernetes.useConfigMapAsVolume(t, { configMapName: made.outputs.count, mountPath: '/d' });
        kubernetes.setImagePullSecrets(t, [p.pvc, 'static']);

        t = kubernetes.addNodeSelectorJson(t, p.selector);
        // @ts-expect-error a string parameter is not a node selector object
        kubernetes.addNodeSelectorJson(t, p.pvc);
        t = kubernetes.addTolerationJson(t, p.tolerations);
        t = kubernetes.addTolerationJson(t, [{ key: 'a', operator: 'Exists' }]);
        // @ts-expect-error a string parameter is not a toleration
        kubernetes.addTolerationJson(t, p.pvc);
        // @ts-expect-error tolerations have two operators
        kubernetes.addToleration(t, { operator: 'Maybe' });
        // @ts-expect-error pull policies are Always, Never, IfNotPresent
        kubernetes.setImagePullPolicy(t, 'Sometimes');
        // @ts-expect-error Gt compares node labels, not pod labels
        kubernetes.addPodAffinity(t, { topologyKey: 'zone', matchPodExpressions: [{ key: 'n', operator: 'Gt' }] });
        kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: 'n', operator: 'Gt', values: ['1'] }] });

        expectTypeOf(kubernetes.setTimeout(t, 5)).toEqualTypeOf<typeof t>();
        expectTypeOf(pvc.outputs.name).toEqualTypeOf<typeof p.pvc>();
        // @ts-expect-error CreatePVC needs a size
        s.task(kubernetes.CreatePVC, { access_modes: ['ReadWriteOnce'] });
        // @ts-expect-error DeletePVC needs the PVC's name
        s.task(kubernetes.DeletePVC, {});
        s.task(kubernetes.DeletePVC, { pvc_name: pvc.outputs.name }).after(t);
      },
    );
  });

  it('keeps the output types of the task it configures', () => {
    pipeline({ name: 'k8s-types-2' }, (_p, s) => {
      const made = kubernetes.addPodLabel(s.task(makeData, {}), { labelKey: 'a', labelValue: 'b' });
      expectTypeOf(made).toEqualTypeOf<TaskHandle<{ data: ReturnType<typeof output<'system.Dataset'>>; count: z.ZodInt }>>();
    });
  });
});
