// corpus: valid/parameters_complex.yaml
import { collected, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def double(num: int) -> int:
    return 2 * num


def simple_add(nums: List[int]) -> int:
    return sum(nums)


def nested_add(nums: List[List[int]]) -> int:
    return 0


def add_two_numbers(x: List[int], y: List[int]) -> int:
    return sum(x) + sum(y)
`;
const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { Output: z.int() } });
const simpleAdd = pythonComponent({ name: 'simple_add', source: { code }, inputs: { nums: z.array(z.int()) }, outputs: { Output: z.int() } });
const nestedAdd = pythonComponent({ name: 'nested_add', source: { code }, inputs: { nums: z.array(z.array(z.int())) }, outputs: { Output: z.int() } });
const addTwoNumbers = pythonComponent({
  name: 'add_two_numbers',
  source: { code },
  inputs: { x: z.array(z.int()), y: z.array(z.int()) },
  outputs: { Output: z.int() },
});

export default pipeline({ name: 'math-pipeline', outputs: { Output: z.int() } }, (_p, s) => {
  const { t1, t2 } = s.parallelFor([1, 2, 3], (a, s) => {
    const t1 = s.task(double, { num: a });
    const t2 = s.parallelFor([4, 5, 6], (b, s) => s.task(double, { num: b }));
    s.task(simpleAdd, { nums: collected(t2.outputs.Output) });
    return { t1, t2 };
  });
  s.task(nestedAdd, { nums: collected(t2.outputs.Output) as never });
  const { t3, t4 } = s.parallelFor([0, 0, 0], (_x, s) => ({
    t3: s.task(simpleAdd, { nums: collected(t1.outputs.Output) }),
    t4: s.task(nestedAdd, { nums: collected(t2.outputs.Output) as never }),
  }));
  return { Output: s.task(addTwoNumbers, { x: collected(t3.outputs.Output), y: collected(t4.outputs.Output) }).outputs.Output };
});
