// corpus: valid/pipeline_with_dynamic_importer_metadata.yaml
// kfp's metadata dict uses run-time values as keys (`make_name_op.output: …`, `name: …`): the
// second importer gives its metadata as [key, value] entries, which allow them.
import { Dataset, pipeline, pythonComponent, str, z } from '../../../src/index.ts';

const DEFAULT_ARTIFACT_URI = 'gs://ml-pipeline-playground/shakespeare1.txt';
const DEFAULT_IMAGE_URI = 'us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest';

const code = `
def make_name(name: str) -> str:
    return str(name)
`;
const makeName = pythonComponent({ name: 'make_name', source: { code }, inputs: { name: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'pipeline-with-importer',
    inputs: {
      name: z.string().default('default-name'),
      int_input: z.int().default(1),
      pipeline_input_artifact_uri: z.string().default(DEFAULT_ARTIFACT_URI),
      pipeline_input_image_uri: z.string().default(DEFAULT_IMAGE_URI),
    },
  },
  (p, s) => {
    s.importer({
      artifactUri: p.pipeline_input_artifact_uri,
      artifactType: Dataset,
      reimport: false,
      metadata: { name: [p.name, 'alias-name'], containerSpec: { imageUri: p.pipeline_input_image_uri } },
    });
    const makeNameOp = s.task(makeName, { name: 'a-different-name' });
    s.importer({
      artifactUri: DEFAULT_ARTIFACT_URI,
      artifactType: Dataset,
      reimport: false,
      metadata: [
        ['name', str`prefix-${makeNameOp.outputs.Output}`],
        ['list-of-data', [makeNameOp.outputs.Output, p.name, p.int_input]],
        [makeNameOp.outputs.Output, makeNameOp.outputs.Output],
        [p.name, DEFAULT_IMAGE_URI],
        ['containerSpec', { imageUri: DEFAULT_IMAGE_URI }],
      ],
    });
  },
);
