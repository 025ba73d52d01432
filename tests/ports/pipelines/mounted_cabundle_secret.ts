// corpus: valid/mounted_cabundle_secret.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { containerComponent, pipelineOfComponent } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo'], args: ['hello world'] }),
});

export default pipelineOfComponent(echo);
