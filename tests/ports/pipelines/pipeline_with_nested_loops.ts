// corpus: valid/pipeline_with_nested_loops.yaml
import { itemField, pipeline, pythonComponent, z } from '../../../src/index.ts';

const printOp = pythonComponent({
  name: 'print_op',
  source: { code: "def print_op(msg: str, msg2: Optional[str] = None):\n    print(f'msg: {msg}, msg2: {msg2}')\n" },
  inputs: { msg: z.string(), msg2: z.string().optional() },
});

const loopParameter = [
  { p_a: [{ q_a: '1' }, { q_a: '2' }], p_b: 'hello' },
  { p_a: [{ q_a: '11' }, { q_a: '22' }], p_b: 'halo' },
];

export default pipeline({ name: 'pipeline-with-nested-loops', inputs: { loop_parameter: z.array(z.unknown()).default(loopParameter) } }, (p, s) => {
  // Nested loop with withParams loop args
  s.parallelFor(p.loop_parameter, (item, s) => {
    s.parallelFor(itemField(item as never, 'p_a') as never, (itemPA, s) => {
      s.task(printOp, { msg: itemField(itemPA as never, 'q_a') as never });
    });
  });
  // Nested loop with withItems loop args
  s.parallelFor(['1', '2'], (outterItem, s) => {
    s.task(printOp, { msg: outterItem });
    s.parallelFor(['100', '200', '300'], (innerItem, s) => {
      s.task(printOp, { msg: outterItem, msg2: innerItem });
    });
  });
});
