// corpus: valid/conditional_producer_and_consumers.yaml
import { collected, eq, ge, pipeline, pythonComponent, z, type TaskHandle } from '../../../src/index.ts';

const code = `
def double(num: int) -> int:
    return 2 * num


def add(nums: List[int]) -> int:
    return sum(nums)
`;
const double = pythonComponent({ name: 'double', source: { code }, inputs: { num: z.int() }, outputs: { Output: z.int() } });
const add = pythonComponent({ name: 'add', source: { code }, inputs: { nums: z.array(z.int()) }, outputs: { Output: z.int() } });

export default pipeline({ name: 'math-pipeline', inputs: { threshold: z.int().default(2) }, outputs: { Output: z.array(z.int()) } }, (p, s) => {
  const t = s.parallelFor([1, 2, 3], (x, s) => {
    let d: TaskHandle<{ Output: z.ZodInt }> | undefined;
    s.if(ge(x, p.threshold), (s) => void (d = s.task(double, { num: x })));
    return d!;
  });
  let sum: TaskHandle<{ Output: z.ZodInt }> | undefined;
  s.if(eq(p.threshold, 2), (s) => void (sum = s.task(add, { nums: collected(t.outputs.Output) })));
  // kfp's `dsl.Collected(t.output)` where t is now the add task inside the condition.
  return { Output: collected(sum!.outputs.Output) };
});
