// corpus: valid/container_with_concat_placeholder.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { Dataset, concat, containerComponent, output, pipelineOfComponent, z } from '../../../src/index.ts';

const comp = containerComponent({
  name: 'container_with_concat_placeholder',
  inputs: { text1: z.string() },
  outputs: { text2: output(Dataset), output_path: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['my_program', concat('prefix-', inputs.text1, outputs.text2.uri)],
    args: ['--output_path', outputs.output_path.path],
  }),
});

export default pipelineOfComponent(comp);
