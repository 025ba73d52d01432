// corpus: valid/local_execution/local_execution_pipeline_with_k8s_only_methods.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const echo = pythonComponent({
  name: 'echo',
  source: { code: 'def echo(message: str) -> str:\n    return message\n' },
  inputs: { message: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline(
  { name: 'pipeline-with-k8s-only-methods', inputs: { message: z.string().default('hello') }, outputs: { Output: z.string() } },
  (p, s) => {
    const t = s.task(echo, { message: p.message }).withResources({ cpuLimit: '1000m', memoryLimit: '256Mi', acceleratorType: 'nvidia.com/gpu' });
    return { Output: t.outputs.Output };
  },
);
