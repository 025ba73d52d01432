// corpus: valid/artifacts_complex.yaml
import { Dataset, collected, ge, input, output, pipeline, pythonComponent, z, type TaskHandle } from '../../../src/index.ts';

const code = `
def double(
    num: int,
    out_dataset: Output[Dataset],
):
    with open(out_dataset.path, 'w') as f:
        f.write(str(num * 2))


def add(
    in_datasets: Input[List[Dataset]],
    out_dataset: Output[Dataset],
):
    with open(out_dataset.path, 'w') as f:
        f.write(str(len(in_datasets)))


def add_two_ints(
    in_dataset1: Input[Dataset],
    in_dataset2: Input[Dataset],
    out_dataset: Output[Dataset],
):
    with open(out_dataset.path, 'w') as f:
        f.write(in_dataset1.path + in_dataset2.path)
`;

const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { out_dataset: output(Dataset) } });
const add = pythonComponent({ name: 'add', source: { code }, inputs: { in_datasets: input(Dataset, { list: true }) }, outputs: { out_dataset: output(Dataset) } });
const addTwoInts = pythonComponent({
  name: 'add_two_ints',
  source: { code },
  inputs: { in_dataset1: input(Dataset), in_dataset2: input(Dataset) },
  outputs: { out_dataset: output(Dataset) },
});

const addTwoListsOfDatasets = pipeline(
  {
    name: 'add-two-lists-of-datasets',
    inputs: { in_datasets1: input(Dataset, { list: true }), in_datasets2: input(Dataset, { list: true }) },
    outputs: { Output: output(Dataset) },
  },
  (p, s) => {
    const sum1 = s.task(add, { in_datasets: p.in_datasets1 });
    const sum2 = s.task(add, { in_datasets: p.in_datasets2 });
    return { Output: s.task(addTwoInts, { in_dataset1: sum1.outputs.out_dataset, in_dataset2: sum2.outputs.out_dataset }).outputs.out_dataset };
  },
);

export default pipeline(
  {
    name: 'math-pipeline',
    inputs: { threshold: z.int().default(2) },
    outputs: { sum: output(Dataset), datasets: output(Dataset, { list: true }) },
  },
  (p, s) => {
    let double2: TaskHandle<NonNullable<(typeof double)['__outputs']>> | undefined;
    const { double1 } = s.parallelFor([1, 2, 3], (x, s) => {
      const double1 = s.task(double, { num: x });
      s.parallelFor([1, 2, 3], (y, s) => {
        s.if(ge(y, p.threshold), (s) => {
          double2 = s.task(double, { num: y });
        });
      });
      return { double1 };
    });
    const sum = s.task(addTwoListsOfDatasets, {
      in_datasets1: collected(double1.outputs.out_dataset),
      in_datasets2: collected(double2!.outputs.out_dataset),
    });
    return { sum: sum.outputs.Output, datasets: collected(double1.outputs.out_dataset) };
  },
);
