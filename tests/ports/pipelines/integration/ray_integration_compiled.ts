// corpus: valid/integration/ray_integration_compiled.yaml (no .py upstream; caching disabled by default)
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const rayFn = pythonComponent({
  name: 'ray_fn',
  source: { code: 'def ray_fn() -> int:\n    return 0\n' },
  outputs: { Output: z.int() },
  baseImage: 'registry.access.redhat.com/ubi9/python-311:latest',
  packagesToInstall: ['codeflare-sdk==0.32.2'],
});

export const compileOptions = { disableCachingByDefault: true };

export default pipeline({ name: 'ray-integration-test', description: 'Ray Integration Test' }, (_p, s) => {
  s.task(rayFn, {});
});
