// corpus: valid/nested_return.yaml — a single component compiled on its own (wrapped in a
// pipeline of the same shape).
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const nestedReturn = pythonComponent({
  name: 'nested_return',
  source: { code: "def nested_return() -> List[Dict[str, str]]:\n    return [{'k': 'v'}]\n" },
  outputs: { Output: z.array(z.record(z.string(), z.string())) },
});

export default pipeline({ name: 'nested-return', outputs: { Output: z.array(z.record(z.string(), z.string())) } }, (_p, s) => {
  const t = s.task(nestedReturn, {});
  return { Output: t.outputs.Output };
});
