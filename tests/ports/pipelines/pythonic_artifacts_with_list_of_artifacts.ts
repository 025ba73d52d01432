// corpus: valid/pythonic_artifacts_with_list_of_artifacts.yaml
import { Dataset, collected, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def make_dataset(text: str) -> Dataset:
    dataset = Dataset(uri=dsl.get_uri(), metadata={'length': len(text)})
    with open(dataset.path, 'w') as f:
        f.write(text)
    return dataset


def join_datasets(datasets: List[Dataset]) -> Dataset:
    return ''
`;
const makeDataset = pythonComponent({ name: 'make_dataset', source: { code }, inputs: { text: z.string() }, outputs: { Output: output(Dataset) } });
const joinDatasets = pythonComponent({ name: 'join_datasets', source: { code }, inputs: { datasets: input(Dataset, { list: true }) }, outputs: { Output: output(Dataset) } });

export default pipeline(
  { name: 'make-and-join-datasets', inputs: { texts: z.array(z.string()).default(['Hello', ',', ' ', 'world!']) }, outputs: { Output: output(Dataset) } },
  (p, s) => {
    const t1 = s.parallelFor(p.texts, (text, s) => s.task(makeDataset, { text }));
    return { Output: s.task(joinDatasets, { datasets: collected(t1.outputs.Output) }).outputs.Output };
  },
);
