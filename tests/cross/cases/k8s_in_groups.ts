/**
 * Constant kfp-kubernetes settings on tasks inside groups: an exit handler's exit task, tasks in
 * If / Elif / Else branches and in a nested If — each task's executor gets its own entry.
 */
import { containerComponent, eq, kubernetes, pipeline, z } from '../../../src/index.ts';

const step = containerComponent({
  name: 'step',
  inputs: { text: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.text] }),
});

export default pipeline({ name: 'k8s-in-groups', inputs: { mode: z.string().default('gpu'), deep: z.boolean().default(false) } }, (p, s) => {
  const cleanup = kubernetes.setTimeout(s.task(step, { text: 'cleanup' }), 300);
  s.exitHandler(cleanup, (es) => {
    kubernetes.useSecretAsEnv(es.task(step, { text: 'first' }), { secretName: 'creds', secretKeyToEnv: { token: 'TOKEN' } });
    es.if(eq(p.mode, 'gpu'), (gs) => {
      let t = gs.task(step, { text: 'gpu' });
      t = kubernetes.addNodeSelector(t, { labelKey: 'accelerator', labelValue: 'nvidia-l4' });
      kubernetes.addToleration(t, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
      gs.if(eq(p.deep, true), (ds) => {
        kubernetes.enableSharedMemory(ds.task(step, { text: 'deep' }), { size: '8Gi' });
      });
    })
      .elif(eq(p.mode, 'big'), (bs) => {
        kubernetes.addPodLabel(bs.task(step, { text: 'big' }), { labelKey: 'size', labelValue: 'big' });
      })
      .else((os) => {
        kubernetes.emptyDirMount(os.task(step, { text: 'other' }), { volumeName: 'scratch', mountPath: '/scratch' });
      });
  });
});
