// Caching: KFP reuses a task's earlier results when its inputs are the same, unless the task
// says otherwise. withCaching(false) turns it off for one task; withCaching(true, key) sets a
// cache key. `kfp-ts compile --disable-caching` (CompileOptions.disableCachingByDefault) turns
// it off for every task that does not ask for it — as this example is compiled in the guide.
import * as z from 'zod';
import { pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const flipCoin = pythonComponent({ name: 'flip_coin', source, outputs: { Output: z.string() } });
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

/** How the guide compiles this example: as `kfp-ts compile --disable-caching`. */
export const compileOptions = { disableCachingByDefault: true };

export default pipeline({ name: 'caching' }, (_p, s) => {
  const coin = s.task(flipCoin, {}).withCaching(true);
  s.task(say, { message: coin.outputs.Output });
  s.task(say, { message: 'cached under a key' }).withCaching(true, 'say-v1');
});
