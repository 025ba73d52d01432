/**
 * A workspace with a size and access modes only (without access modes, a backend that has no
 * default workspace spec refuses the run); no TTL or deadline.
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const step = containerComponent({
  name: 'step',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

export default pipeline({ name: 'k8s-workspace-only', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1.5Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } } }) }, (_p, s) => {
  s.task(step, {});
});
