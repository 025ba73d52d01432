// corpus: valid/sequential_v1.yaml
import { cmd, containerComponent, pipeline, z } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  inputs: { message: z.string() },
  implementation: ({ inputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['sh', '-c'],
    args: [cmd`echo ${inputs.message}`],
  }),
});

export default pipeline({ name: 'sequential', inputs: { param1: z.string(), param2: z.string() } }, (p, s) => {
  s.task(echo, { message: p.param1 });
  s.task(echo, { message: p.param2 });
});
