// corpus: valid/pythonic_artifacts_with_multiple_returns.yaml
import { Artifact, Dataset, input, output, pipeline, pythonComponent } from '../../../src/index.ts';

const code = `
def dataset_splitter(
    in_dataset: Dataset
) -> NamedTuple(
        'outputs',
        dataset1=Dataset,
        dataset2=Dataset,
):
    outputs = NamedTuple('outputs', dataset1=Dataset, dataset2=Dataset)
    return outputs(dataset1=Dataset(uri=dsl.get_uri(suffix='a')), dataset2=Dataset(uri=dsl.get_uri(suffix='b')))


def make_dataset() -> Artifact:
    return Artifact(uri=dsl.get_uri('dataset'))
`;

const datasetSplitter = pythonComponent({
  name: 'dataset_splitter',
  source: { code },
  inputs: { in_dataset: input(Dataset) },
  outputs: { dataset1: output(Dataset), dataset2: output(Dataset) },
});
const makeDataset = pythonComponent({ name: 'make_dataset', source: { code }, outputs: { Output: output(Artifact) } });

// Upstream returns task.outputs['dataset1'] for both outputs.
const splitterPipeline = pipeline(
  { name: 'splitter-pipeline', inputs: { in_dataset: input(Dataset) }, outputs: { dataset1: output(Dataset), dataset2: output(Dataset) } },
  (p, s) => {
    const task = s.task(datasetSplitter, { in_dataset: p.in_dataset });
    return { dataset1: task.outputs.dataset1, dataset2: task.outputs.dataset1 };
  },
);

export default pipeline({ name: 'split-datasets-and-return-first', outputs: { Output: output(Dataset) } }, (_p, s) => {
  const t1 = s.task(makeDataset, {});
  return { Output: s.task(splitterPipeline, { in_dataset: t1.outputs.Output }).outputs.dataset1 };
});
