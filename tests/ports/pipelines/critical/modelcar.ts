// corpus: valid/critical/modelcar.yaml (no .py upstream)
import { Model, input, output, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def build_model_car(model: dsl.Output[dsl.Model]):
    model.uri = "oci://registry.domain.local/org/repo:v1.0"


def get_model_files_list(input_model: dsl.Input[dsl.Model]) -> str:
    return input_model.path
`;
const baseImage = 'python:3.11';
const buildModelCar = pythonComponent({ name: 'build_model_car', source: { code }, baseImage, outputs: { model: output(Model) } });
const getModelFilesList = pythonComponent({ name: 'get_model_files_list', source: { code }, baseImage, inputs: { input_model: input(Model) }, outputs: { Output: z.string() } });

export default pipeline({ name: 'pipeline-with-modelcar-model', inputs: { model_uri: z.string().default('oci://registry.domain.local/modelcar:test') } }, (p, s) => {
  s.task(buildModelCar, {}).withCaching(false);
  const model = s.importer({ artifactUri: p.model_uri, artifactType: Model });
  s.task(getModelFilesList, { input_model: model.outputs.artifact }).withCaching(false);
});
