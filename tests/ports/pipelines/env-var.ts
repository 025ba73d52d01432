// corpus: valid/env-var.yaml (compiled with caching disabled by default: `cachingOptions: {}`)
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const comp = pythonComponent({
  name: 'comp',
  source: { code: 'def comp(env_var: str) -> str:\n    import os\n    return os.environ.get(env_var, "")\n' },
  inputs: { env_var: z.string() },
  outputs: { Output: z.string() },
  baseImage: 'public.ecr.aws/docker/library/python:3.12',
});

export const compileOptions = { disableCachingByDefault: true };

export default pipeline({ name: 'test-env-exists', inputs: { env_var: z.string() }, outputs: { Output: z.string() } }, (p, s) => {
  const t = s.task(comp, { env_var: p.env_var });
  return { Output: t.outputs.Output };
});
