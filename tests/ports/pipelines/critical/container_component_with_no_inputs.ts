// corpus: valid/critical/container_component_with_no_inputs.yaml
import { containerComponent, pipeline } from '../../../../src/index.ts';

const helloWorldContainer = containerComponent({
  name: 'hello_world_container',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo', 'hello world'], args: [] }),
});

export default pipeline({ name: 'v2-container-component-no-input' }, (_p, s) => {
  s.task(helloWorldContainer, {});
});
