// corpus: valid/cross_loop_after_topology.yaml
import { pipeline, pythonComponent, z, type TaskHandle } from '../../../src/index.ts';

const printOp = pythonComponent({
  name: 'print_op',
  source: { code: 'def print_op(message: str):\n    print(message)\n' },
  inputs: { message: z.string() },
});

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  let one!: TaskHandle, three!: TaskHandle, five!: TaskHandle, seven!: TaskHandle;
  s.parallelFor([1, 2], (_i, s) => {
    one = s.task(printOp, { message: 'one' });
  });
  s.parallelFor([1, 2], (_i, s) => {
    s.task(printOp, { message: 'two' }).after(one);
  });
  s.parallelFor([1, 2], (_i, s) => {
    three = s.task(printOp, { message: 'three' });
    s.parallelFor([1, 2], (_j, s) => {
      s.task(printOp, { message: 'four' }).after(three);
    });
  });
  s.parallelFor([1, 2], (_i, s) => {
    five = s.task(printOp, { message: 'five' });
  });
  s.task(printOp, { message: 'six' }).after(five);
  s.parallelFor([1, 2], (_i, s) => {
    s.parallelFor([1, 2], (_j, s) => {
      seven = s.task(printOp, { message: 'seven' });
    });
    s.task(printOp, { message: 'eight' }).after(seven);
  });
});
