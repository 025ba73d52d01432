// corpus: valid/critical/pipeline_with_artifact_custom_path.yaml
import { Dataset, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def component_output_artifact(out_dataset: Output[Dataset]):
    out_dataset.set_path('/tmp/out_dataset')


def validate_input_artifact(in_dataset: Input[Dataset]) -> bool:
    return in_dataset is not None
`;

const componentOutputArtifact = pythonComponent({ name: 'component_output_artifact', source: { code }, outputs: { out_dataset: output(Dataset) } });
const validateInputArtifact = pythonComponent({
  name: 'validate_input_artifact',
  source: { code },
  inputs: { in_dataset: input(Dataset) },
  outputs: { Output: z.boolean() },
});

export default pipeline({ name: 'pipeline-with-custom-path-artifact', description: 'pipeline with artifact with custom path' }, (_p, s) => {
  const out = s.task(componentOutputArtifact, {}).withCaching(false);
  s.task(validateInputArtifact, { in_dataset: out.outputs.out_dataset });
});
