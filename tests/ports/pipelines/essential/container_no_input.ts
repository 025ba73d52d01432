// corpus: valid/essential/container_no_input.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { containerComponent, pipelineOfComponent } from '../../../../src/index.ts';

const containerNoInput = containerComponent({
  name: 'container_no_input',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo', 'hello world'], args: [] }),
});

export default pipelineOfComponent(containerNoInput);
