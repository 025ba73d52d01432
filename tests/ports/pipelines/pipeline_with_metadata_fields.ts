// corpus: valid/pipeline_with_metadata_fields.yaml
import { Dataset, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def str_to_dataset(string: str, dataset: Output[Dataset]):
    """Convert string to dataset.

    Args:
        string: The string.

    Returns:
        dataset: The dataset.
    """
    dataset.metadata['stand_in'] = string


def dataset_joiner(
    dataset_a: Input[Dataset],
    dataset_b: Input[Dataset],
    out_dataset: Output[Dataset],
) -> str:
    """Concatenate dataset_a and dataset_b.

    Also returns the concatenated string.

    Args:
        dataset_a: First dataset.
        dataset_b: Second dataset.

    Returns:
        out_dataset: The concatenated dataset.
        Output: The concatenated string.
    """
    return dataset_a.uri + dataset_b.uri
`;
const strToDataset = pythonComponent({ name: 'str_to_dataset', source: { code }, inputs: { string: z.string() }, outputs: { dataset: output(Dataset) } });
const datasetJoiner = pythonComponent({
  name: 'dataset_joiner',
  source: { code },
  inputs: { dataset_a: input(Dataset), dataset_b: input(Dataset) },
  outputs: { out_dataset: output(Dataset), Output: z.string() },
});

// kfp takes the pipeline's input/output descriptions from its docstring; here they are declared.
export default pipeline(
  {
    name: 'dataset-concatenator',
    description: 'A pipeline that joins string to in_dataset.',
    inputs: {
      string: z.string().describe('String to concatenate to in_artifact.'),
      in_dataset: input(Dataset, { description: 'Dataset to which to concatenate string.' }),
    },
    outputs: { Output: output(Dataset, { description: 'The final concatenated dataset.' }) },
  },
  (p, s) => {
    const first = s.task(strToDataset, { string: p.string });
    const t = s.task(datasetJoiner, { dataset_a: first.outputs.dataset, dataset_b: p.in_dataset });
    return { Output: t.outputs.out_dataset };
  },
);
