// corpus: valid/container_with_placeholder_in_fstring.yaml — a single component compiled on its
// own: `pipelineOfComponent`, as kfp compiles a component.
import { Artifact, cmd, containerComponent, output, pipelineOfComponent, z } from '../../../src/index.ts';

const comp = containerComponent({
  name: 'container_with_placeholder_in_fstring',
  inputs: { text1: z.string().default('text!') },
  outputs: { output_artifact: output(Artifact) },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['my_program', cmd`prefix-${inputs.text1}`, cmd`${outputs.output_artifact.uri}/0`],
  }),
});

export default pipelineOfComponent(comp);
