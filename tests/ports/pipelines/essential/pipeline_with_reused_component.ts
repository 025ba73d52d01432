// corpus: valid/essential/pipeline_with_reused_component.yaml — kfp loads add_numbers from a
// compiled component file; the port declares the same lightweight component.
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const addNumbers = pythonComponent({
  name: 'add_numbers',
  source: { code: 'def add_numbers(a: int, b: int) -> int:\n    return sum([a, b])\n' },
  inputs: { a: z.int(), b: z.int() },
  outputs: { Output: z.int() },
});

export default pipeline({ name: 'pipeline-with-reused-component', inputs: { a: z.int().default(2), b: z.int().default(5) } }, (p, s) => {
  const first = s.task(addNumbers, { a: p.a, b: 3 });
  const second = s.task(addNumbers, { a: first.outputs.Output, b: p.b });
  s.task(addNumbers, { a: second.outputs.Output, b: 7 });
});
