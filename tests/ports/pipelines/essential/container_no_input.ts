// corpus: valid/essential/container_no_input.yaml — a single component compiled on its own
// (wrapped in a pipeline of the same shape).
import { containerComponent, pipeline } from '../../../../src/index.ts';

const containerNoInput = containerComponent({
  name: 'container_no_input',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo', 'hello world'], args: [] }),
});

export default pipeline({ name: 'container-no-input' }, (_p, s) => {
  s.task(containerNoInput, {});
});
