// corpus: valid/container_with_artifact_output.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { Model, containerComponent, output, pipelineOfComponent, z } from '../../../src/index.ts';

const comp = containerComponent({
  name: 'container_with_artifact_output',
  inputs: { num_epochs: z.int() },
  outputs: { model: output(Model), model_config_path: z.string() },
  implementation: ({ inputs, outputs }) => ({
    image: 'gcr.io/my-image',
    command: ['sh', 'run.sh'],
    args: [
      '--epochs', inputs.num_epochs,
      '--model_path', outputs.model.uri,
      '--model_metadata', outputs.model.metadata,
      '--model_config_path', outputs.model_config_path.path,
    ],
  }),
});

export default pipelineOfComponent(comp);
