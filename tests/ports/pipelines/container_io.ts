// corpus: valid/container_io.yaml — kfp compiled the component on its own; kfp-ts has no
// single-component compile, so the port wraps it in a pipeline of the same shape.
import { containerComponent, pipeline, z } from '../../../src/index.ts';

const containerIo = containerComponent({
  name: 'container_io',
  inputs: { text: z.string() },
  outputs: { output_path: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['my_program', inputs.text],
    args: ['--output_path', outputs.output_path.path],
  }),
});

export default pipeline({ name: 'container-io', inputs: { text: z.string() }, outputs: { output_path: z.string() } }, (p, s) => {
  const t = s.task(containerIo, { text: p.text });
  return { output_path: t.outputs.output_path };
});
