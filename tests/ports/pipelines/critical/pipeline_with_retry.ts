// corpus: valid/critical/pipeline_with_retry.yaml (no .py upstream)
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const add = pythonComponent({
  name: 'add',
  source: { code: 'def add(a: float, b: float) -> float:\n    return sum([a, b])\n' },
  inputs: { a: z.number(), b: z.number() },
  outputs: { Output: z.number() },
});

export default pipeline({ name: 'test-pipeline', inputs: { a: z.number().default(1.0), b: z.number().default(7.0) } }, (p, s) => {
  s.task(add, { a: p.a, b: p.b }).withRetry({ maxRetryCount: 3 });
});
