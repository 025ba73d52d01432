// corpus: valid/mounted_cabundle_configmap.yaml — a single component compiled on its own
// (wrapped in a pipeline of the same shape).
import { containerComponent, pipeline } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo'], args: ['hello world'] }),
});

export default pipeline({ name: 'echo' }, (_p, s) => {
  s.task(echo, {});
});
