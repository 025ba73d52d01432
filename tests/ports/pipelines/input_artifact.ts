// corpus: valid/input_artifact.yaml — a single component compiled on its own:
// `pipelineOfComponent`, as kfp compiles a component.
import { Dataset, input, pipelineOfComponent, pythonComponent } from '../../../src/index.ts';

const inputArtifact = pythonComponent({
  name: 'input_artifact',
  source: { code: 'def input_artifact(data: Input[Dataset]):\n    print(data.uri)\n' },
  inputs: { data: input(Dataset) },
});

export default pipelineOfComponent(inputArtifact);
