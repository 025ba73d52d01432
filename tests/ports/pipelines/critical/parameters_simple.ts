// corpus: valid/critical/parameters_simple.yaml
import { cmd, collected, containerComponent, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def double(num: int) -> int:
    return 2 * num


def add(nums: List[int]) -> int:
    return sum(nums)
`;
const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { Output: z.int() } });
const add = pythonComponent({ name: 'add', source: { code }, inputs: { nums: z.array(z.int()) }, outputs: { Output: z.int() } });
const addContainer = containerComponent({
  name: 'add_container',
  inputs: { nums: z.array(z.int()) },
  outputs: { sum: z.int() },
  implementation: ({ inputs, outputs }) => ({
    image: 'jetbrainsinfra/jq',
    command: ['sh', '-c'],
    args: [cmd`
            set -ex
            mkdir -p $(dirname ${outputs.sum.path})
            echo ${inputs.nums} | jq 'add' > ${outputs.sum.path}
            `],
  }),
});

export default pipeline({ name: 'math-pipeline', outputs: { Output: z.array(z.int()) } }, (_p, s) => {
  const t = s.parallelFor([1, 2, 3], (x, s) => s.task(double, { num: x }));
  s.task(add, { nums: collected(t.outputs.Output) });
  s.task(addContainer, { nums: collected(t.outputs.Output) });
  return { Output: collected(t.outputs.Output) };
});
