// corpus: valid/container_with_if_placeholder.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { Dataset, containerComponent, ifPresent, output, pipelineOfComponent, z } from '../../../src/index.ts';

const comp = containerComponent({
  name: 'container_with_if_placeholder',
  inputs: { optional_input: z.string().default('default') },
  outputs: { dataset: output(Dataset), output_path: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: [
      'my_program',
      ifPresent('optional_input', [inputs.optional_input], ['bye']),
      '--dataset',
      ifPresent('optional_input', [outputs.dataset.uri], ['bye']),
    ],
    args: ['--output_path', outputs.output_path.path],
  }),
});

export default pipelineOfComponent(comp);
