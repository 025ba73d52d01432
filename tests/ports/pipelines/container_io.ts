// corpus: valid/container_io.yaml — kfp compiled the component on its own: `pipelineOfComponent`.
import { containerComponent, pipelineOfComponent, z } from '../../../src/index.ts';

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

export default pipelineOfComponent(containerIo);
