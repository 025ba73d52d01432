// corpus: valid/pipeline_with_google_artifact_type.yaml
import { artifactType, input, output, pipeline, pythonComponent } from '../../../src/index.ts';

// kfp's test writes a module `aiplatform` with these artifact classes.
const VertexModel = artifactType('google.VertexModel', '0.0.0', { pythonClass: 'aiplatform.VertexModel' });
const VertexDataset = artifactType('google.VertexDataset', '0.0.0', { pythonClass: 'aiplatform.VertexDataset' });

const code = `
def model_producer(model: Output[aiplatform.VertexModel]):
    with open(model.path, 'w') as f:
        f.write('my model')


def model_consumer(model: Input[VertexModel],
                   dataset: Input[VertexDataset]):
    print('Model', model.uri, 'Dataset', dataset.uri)
`;
const packagesToInstall = ['aiplatform'];
const modelProducer = pythonComponent({ name: 'model_producer', source: { code }, packagesToInstall, outputs: { model: output(VertexModel) } });
const modelConsumer = pythonComponent({ name: 'model_consumer', source: { code }, packagesToInstall, inputs: { model: input(VertexModel), dataset: input(VertexDataset) } });

export default pipeline({ name: 'pipeline-with-google-types' }, (_p, s) => {
  const producerTask = s.task(modelProducer, {});
  const importer = s.importer({ artifactUri: 'gs://ml-pipeline-playground/shakespeare1.txt', artifactType: VertexDataset, reimport: false, metadata: { key: 'value' } });
  s.task(modelConsumer, { model: producerTask.outputs.model, dataset: importer.outputs.artifact });
});
