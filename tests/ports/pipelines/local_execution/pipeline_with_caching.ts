// corpus: valid/local_execution/pipeline_with_caching.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const addOne = pythonComponent({
  name: 'add_one',
  source: { code: 'def add_one(x: int) -> int:\n    return 1 + x\n' },
  inputs: { x: z.int() },
  outputs: { Output: z.int() },
});

export default pipeline({ name: 'pipeline-with-caching', inputs: { x: z.int().default(1) }, outputs: { Output: z.int() } }, (p, s) => {
  const t = s.task(addOne, { x: p.x }).withCaching(true);
  return { Output: t.outputs.Output };
});
