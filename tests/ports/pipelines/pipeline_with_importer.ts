// corpus: valid/pipeline_with_importer.yaml
import { Dataset, Model, eq, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def train(
    dataset: Input[Dataset]
) -> NamedTuple('Outputs', [
    ('scalar', str),
    ('model', Model),
]):
    """Dummy Training step."""
    return ('123', '')


def pass_through_op(value: str) -> str:
    return value
`;
const train = pythonComponent({ name: 'train', source: { code }, inputs: { dataset: input(Dataset) }, outputs: { scalar: z.string(), model: output(Model) } });

export default pipeline({ name: 'pipeline-with-importer', inputs: { dataset2: z.string().default('gs://ml-pipeline-playground/shakespeare2.txt') } }, (p, s) => {
  const importer1 = s.importer({ artifactUri: 'gs://ml-pipeline-playground/shakespeare1.txt', artifactType: Dataset, reimport: false, metadata: { key: 'value' } });
  const train1 = s.task(train, { dataset: importer1.outputs.artifact });
  s.if(eq(train1.outputs.scalar, '123'), (s) => {
    const importer2 = s.importer({ artifactUri: p.dataset2, artifactType: Dataset, reimport: true });
    s.task(train, { dataset: importer2.outputs.artifact });
  });
});
