/**
 * kfp-kubernetes settings whose values are known only at run time: Secret, ConfigMap, PVC and
 * image-pull-secret names, node selector, tolerations and node affinity JSON from pipeline
 * parameters and task outputs — at the root and inside an If, where kfp passes them through the
 * group as `pipelinechannel--` inputs (k8s_parameter_refs_loop has the ParallelFor forms). A task
 * output used this way makes the task depend on its producer.
 */
import { containerComponent, eq, kubernetes, pipeline, z } from '../../../src/index.ts';

const use = containerComponent({
  name: 'use',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

const nameOf = containerComponent({
  name: 'name_of',
  outputs: { name: z.string() },
  implementation: ({ outputs }) => ({ image: 'alpine:3.20', command: ['sh', '-c', 'echo -n settings > "$0"'], args: [outputs.name.path] }),
});

export default pipeline(
  {
    name: 'k8s-parameter-refs',
    inputs: {
      secret_name: z.string().default('db-credentials'),
      pull_secret: z.string().default('registry'),
      data_pvc: z.string().default('shared-data'),
      node_selector: z.record(z.string(), z.string()).default({ disktype: 'ssd' }),
      toleration: z.record(z.string(), z.unknown()).default({ key: 'gpu', operator: 'Exists' }),
      tolerations: z.array(z.record(z.string(), z.unknown())).default([{ key: 'a', operator: 'Exists' }]),
      node_affinity: z.record(z.string(), z.unknown()).default({}),
      mount_data: z.boolean().default(true),
    },
  },
  (p, s) => {
    const cm = s.task(nameOf, {});
    const pvc = s.task(kubernetes.CreatePVC, { pvc_name_suffix: '-work', access_modes: ['ReadWriteOnce'], size: '1Gi' });

    let t = s.task(use, {});
    t = kubernetes.useSecretAsEnv(t, { secretName: p.secret_name, secretKeyToEnv: { password: 'PASSWORD' } });
    t = kubernetes.useSecretAsVolume(t, { secretName: p.secret_name, mountPath: '/secret', optional: true });
    t = kubernetes.useConfigMapAsEnv(t, { configMapName: cm.outputs.name, configMapKeyToEnv: { k: 'K' } });
    t = kubernetes.useConfigMapAsVolume(t, { configMapName: cm.outputs.name, mountPath: '/cm' });
    t = kubernetes.mountPvc(t, { pvcName: pvc.outputs.name, mountPath: '/work' });
    t = kubernetes.mountPvc(t, { pvcName: p.data_pvc, mountPath: '/data', subPath: 'in' });
    t = kubernetes.setImagePullSecrets(t, [p.pull_secret, 'static-pull']);
    t = kubernetes.addNodeSelectorJson(t, p.node_selector);
    t = kubernetes.addTolerationJson(t, p.toleration);
    t = kubernetes.addTolerationJson(t, p.tolerations);
    t = kubernetes.addNodeAffinityJson(t, p.node_affinity);
    s.task(kubernetes.DeletePVC, { pvc_name: pvc.outputs.name }).after(t);

    s.if(eq(p.mount_data, true), (cs) => {
      let guarded = cs.task(use, {});
      guarded = kubernetes.mountPvc(guarded, { pvcName: p.data_pvc, mountPath: '/data' });
      kubernetes.useConfigMapAsVolume(guarded, { configMapName: cm.outputs.name, mountPath: '/cm' });
    });
  },
);
