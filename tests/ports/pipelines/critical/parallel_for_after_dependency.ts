// corpus: valid/critical/parallel_for_after_dependency.yaml
import { pipeline, pythonComponent, z, type TaskHandle } from '../../../../src/index.ts';

const printOp = pythonComponent({
  name: 'print_op',
  source: { code: 'def print_op(message: str) -> str:\n    return message\n' },
  inputs: { message: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'loop-with-after-dependency-set' }, (_p, s) => {
  let one!: TaskHandle;
  s.parallelFor([1, 2, 3], (_item, s) => {
    one = s.task(printOp, { message: 'foo' });
  });
  s.task(printOp, { message: 'bar' }).after(one);
  s.task(printOp, { message: 'baz' }).after(one);
});
