// corpus: valid/nested_return.yaml — a single component compiled on its own: `pipelineOfComponent`,
// as kfp compiles a component.
import { pipelineOfComponent, pythonComponent, z } from '../../../src/index.ts';

const nestedReturn = pythonComponent({
  name: 'nested_return',
  source: { code: "def nested_return() -> List[Dict[str, str]]:\n    return [{'k': 'v'}]\n" },
  outputs: { Output: z.array(z.record(z.string(), z.string())) },
});

export default pipelineOfComponent(nestedReturn);
