// corpus: valid/input_artifact.yaml — a single component compiled on its own (wrapped in a
// pipeline of the same shape).
import { Dataset, input, pipeline, pythonComponent } from '../../../src/index.ts';

const inputArtifact = pythonComponent({
  name: 'input_artifact',
  source: { code: 'def input_artifact(data: Input[Dataset]):\n    print(data.uri)\n' },
  inputs: { data: input(Dataset) },
});

export default pipeline({ name: 'input-artifact', inputs: { data: input(Dataset) } }, (p, s) => {
  s.task(inputArtifact, { data: p.data });
});
