/** A workspace with nothing but its size: kfp still writes an empty PVC spec patch. */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const step = containerComponent({
  name: 'step',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

export default pipeline({ name: 'k8s-workspace-only', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1.5Gi' } }) }, (_p, s) => {
  s.task(step, {});
});
