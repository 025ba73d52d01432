// corpus: valid/arguments_parameters.yaml — kfp compiled the component on its own
// (`pipelineOfComponent`) with pipeline_parameters={'param1': 'hello'} (a default without
// isOptional).
import { cmd, containerComponent, pipelineOfComponent, z } from '../../../src/index.ts';

const echo = containerComponent({
  name: 'echo',
  inputs: { param1: z.string(), param2: z.string() },
  implementation: ({ inputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['echo'],
    args: [cmd`${inputs.param1}-${inputs.param2}`],
  }),
});

export const compileOptions = { pipelineParameters: { param1: 'hello' } };

export default pipelineOfComponent(echo);
