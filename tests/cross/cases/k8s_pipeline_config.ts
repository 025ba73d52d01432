/**
 * Pipeline-level Kubernetes config (kfp's dsl.PipelineConfig): a workspace (size trimmed as kfp
 * does) with a PVC spec patch of the two fields the backend accepts, the three TTLs (a zero TTL is
 * left out) and the run's active deadline.
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const step = containerComponent({
  name: 'step',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

export default pipeline(
  {
    name: 'k8s-pipeline-config',
    pipelineConfig: kubernetes.pipelineConfig({
      workspace: {
        size: ' 10Gi ',
        kubernetes: { pvcSpecPatch: { storageClassName: 'fast', accessModes: ['ReadWriteMany'] } },
      },
      ttlSecondsAfterFinished: 3600,
      ttlSecondsAfterSuccess: 0,
      ttlSecondsAfterFailure: 86400,
      activeDeadlineSeconds: 7200,
    }),
  },
  (_p, s) => {
    s.task(step, {});
  },
);
