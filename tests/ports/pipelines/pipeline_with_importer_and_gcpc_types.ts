// corpus: valid/pipeline_with_importer_and_gcpc_types.yaml
// kfp loads consumer_op from component YAML text; the same component is declared here.
import { artifactType, containerComponent, input, pipeline } from '../../../src/index.ts';

/** kfp's `class VertexDataset(dsl.Artifact)`: an artifact representing a GCPC Vertex Dataset. */
const VertexDataset = artifactType('google.VertexDataset');

const consumerOp = containerComponent({
  name: 'consumer_op',
  inputs: { dataset: input(VertexDataset) },
  implementation: ({ inputs }) => ({ image: 'dummy', command: ['cmd'], args: [inputs.dataset.path] }),
});

export default pipeline({ name: 'pipeline-with-importer-and-gcpc-type' }, (_p, s) => {
  const importer1 = s.importer({ artifactUri: 'gs://ml-pipeline-playground/shakespeare1.txt', artifactType: VertexDataset, reimport: false, metadata: { key: 'value' } });
  s.task(consumerOp, { dataset: importer1.outputs.artifact });
});
