// corpus: valid/artifacts_simple.yaml
import { Dataset, collected, containerComponent, input, output, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def double(num: int, out_dataset: Output[Dataset]):
    pass


def add(in_datasets: Input[List[Dataset]], out_dataset: Output[Dataset]):
    pass
`;

const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { out_dataset: output(Dataset) } });
const add = pythonComponent({
  name: 'add',
  source: { code },
  inputs: { in_datasets: input(Dataset, { list: true }) },
  outputs: { out_dataset: output(Dataset) },
});

// A stand-in program: sums the integers in the input files.
const ADD_PROGRAM = `
import argparse
import json
import os

def main(in_datasets, out_dataset_uri):
    in_dicts = json.loads(in_datasets)
    uris = [d['uri'] for d in in_dicts]
    total = 0
    for uri in uris:
        with open(uri.replace('gs://', '/gcs/')) as f:
            total += int(f.read())

    outpath = out_dataset_uri.replace('gs://', '/gcs/')
    os.makedirs(os.path.dirname(outpath), exist_ok=True)
    with open(outpath, 'w') as f:
        f.write(str(total))

parser = argparse.ArgumentParser()
parser.add_argument('in_datasets')
parser.add_argument('out_dataset_uri')
args = parser.parse_args()

main(args.in_datasets, args.out_dataset_uri)
`;

const addContainer = containerComponent({
  name: 'add_container',
  inputs: { in_datasets: input(Dataset, { list: true }) },
  outputs: { out_dataset: output(Dataset) },
  implementation: ({ inputs, outputs }) => ({
    image: 'registry.access.redhat.com/ubi9/python-311:latest',
    command: ['python', '-c'],
    args: [ADD_PROGRAM, inputs.in_datasets, outputs.out_dataset.uri],
  }),
});

export default pipeline({ name: 'math-pipeline', outputs: { Output: output(Dataset, { list: true }) } }, (_p, s) => {
  const t = s.parallelFor([1, 2, 3], (x, s) => s.task(double, { num: x }));
  s.task(add, { in_datasets: collected(t.outputs.out_dataset) });
  s.task(addContainer, { in_datasets: collected(t.outputs.out_dataset) });
  return { Output: collected(t.outputs.out_dataset) };
});
