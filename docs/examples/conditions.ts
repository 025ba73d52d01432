// Conditions (kfp's dsl.If / dsl.Elif / dsl.Else): the body's tasks run only when the condition
// holds. Operators: eq, ne, lt, le, gt, ge, on pipeline parameters and task outputs. The last
// argument names the group in the UI.
import * as z from 'zod';
import { eq, ge, lt, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const flipCoin = pythonComponent({ name: 'flip_coin', source, outputs: { Output: z.string() } });
export const processShard = pythonComponent({ name: 'process_shard', source, inputs: { shard: z.string(), scale: z.int().default(1) }, outputs: { Output: z.int() } });
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline({ name: 'conditions', inputs: { threshold: z.int().default(5), mode: z.string().default('full') } }, (p, s) => {
  const coin = s.task(flipCoin, {});
  s.if(eq(coin.outputs.Output, 'heads'), (s) => void s.task(say, { message: 'heads' }), 'on-heads')
    .elif(eq(coin.outputs.Output, 'tails'), (s) => void s.task(say, { message: 'tails' }))
    .else((s) => void s.task(say, { message: 'on its edge' }));

  const size = s.task(processShard, { shard: p.mode });
  s.if(ge(size.outputs.Output, p.threshold), (s) => {
    // Conditions nest.
    s.if(eq(p.mode, 'full'), (s) => void s.task(say, { message: 'large and full' }));
  });
  s.if(lt(size.outputs.Output, 2), (s) => void s.task(say, { message: 'tiny' }));
});
