// corpus: valid/local_execution/local_execution_pipeline_with_retry.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const flaky = pythonComponent({
  name: 'flaky',
  source: { code: 'def flaky(counter_path: str) -> str:\n    return counter_path\n' },
  inputs: { counter_path: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'pipeline-with-retry', inputs: { counter_path: z.string() }, outputs: { Output: z.string() } }, (p, s) => {
  const t = s.task(flaky, { counter_path: p.counter_path }).withRetry({ maxRetryCount: 3, backoffDuration: '0s', backoffFactor: 1.0 });
  return { Output: t.outputs.Output };
});
