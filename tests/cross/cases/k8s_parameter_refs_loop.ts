/**
 * kfp-kubernetes settings inside a ParallelFor over a pipeline parameter: the loop item as a
 * ConfigMap name, a pipeline parameter as a Secret name and toleration JSON, and an output of a
 * task outside the loop as a PVC name — all reach the loop's tasks as `pipelinechannel--` inputs
 * of the loop group.
 */
import { containerComponent, kubernetes, pipeline, z } from '../../../src/index.ts';

const use = containerComponent({
  name: 'use',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

export default pipeline(
  {
    name: 'k8s-parameter-refs-loop',
    inputs: {
      secret_name: z.string().default('db-credentials'),
      toleration: z.record(z.string(), z.unknown()).default({ key: 'gpu', operator: 'Exists' }),
      config_maps: z.array(z.string()).default(['one', 'two']),
    },
  },
  (p, s) => {
    const pvc = s.task(kubernetes.CreatePVC, { pvc_name_suffix: '-work', access_modes: ['ReadWriteOnce'], size: '1Gi' });
    s.parallelFor(p.config_maps, (item, ls) => {
      let inner = ls.task(use, {});
      inner = kubernetes.useConfigMapAsEnv(inner, { configMapName: item, configMapKeyToEnv: { k: 'K' } });
      inner = kubernetes.useSecretAsEnv(inner, { secretName: p.secret_name, secretKeyToEnv: { password: 'PASSWORD' } });
      inner = kubernetes.mountPvc(inner, { pvcName: pvc.outputs.name, mountPath: '/work' });
      kubernetes.addTolerationJson(inner, p.toleration);
    });
  },
);
