// corpus: valid/nested_with_parameters.yaml
import { collected, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def double(num: int) -> int:
    return 2 * num


def add(nums: List[List[int]]) -> int:
    return 0


def add_two_nums(x: int, y: int) -> int:
    return x + y
`;
const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { Output: z.int() } });
const add = pythonComponent({ name: 'add', source: { code }, inputs: { nums: z.array(z.array(z.int())) }, outputs: { Output: z.int() } });
const addTwoNums = pythonComponent({ name: 'add_two_nums', source: { code }, inputs: { x: z.int(), y: z.int() }, outputs: { Output: z.int() } });

export default pipeline({ name: 'math-pipeline', outputs: { Output: z.array(z.int()) } }, (_p, s) => {
  const t3 = s.parallelFor([1, 2, 3], (x, s) =>
    s.parallelFor([1, 2, 3], (y, s) => {
      const t1 = s.task(double, { num: x });
      const t2 = s.task(double, { num: y });
      return s.task(addTwoNums, { x: t1.outputs.Output, y: t2.outputs.Output });
    }),
  );
  s.task(add, { nums: collected(t3.outputs.Output) as never });
  return { Output: collected(t3.outputs.Output) as never };
});
