// corpus: valid/hello_world.yaml
import { containerComponent, pipeline } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  implementation: () => ({ image: 'registry.access.redhat.com/ubi9/python-311:latest', command: ['echo'], args: ['hello world'] }),
});

export default pipeline({ name: 'echo' }, (_p, s) => {
  s.task(echo, {});
});
