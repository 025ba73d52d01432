// OneOf (kfp's dsl.OneOf): the output of whichever branch of an If/Elif/Else chain ran, one per
// branch (the chain needs an Else). Branch bodies return their tasks so the outputs can meet.
import * as z from 'zod';
import { eq, pipeline, pythonComponent, type TaskHandle } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const flipCoin = pythonComponent({ name: 'flip_coin', source, outputs: { Output: z.string() } });
export const pick = pythonComponent({ name: 'pick', source, inputs: { choice: z.string() }, outputs: { Output: z.string() } });
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline({ name: 'one-of', outputs: { Output: z.string() } }, (_p, s) => {
  const coin = s.task(flipCoin, {});
  const picks: TaskHandle<{ Output: z.ZodString }>[] = [];
  s.if(eq(coin.outputs.Output, 'heads'), (s) => void picks.push(s.task(pick, { choice: 'heads' })))
    .else((s) => void picks.push(s.task(pick, { choice: 'tails' })));
  const [onHeads, onTails] = picks as [TaskHandle<{ Output: z.ZodString }>, TaskHandle<{ Output: z.ZodString }>];
  const chosen = s.oneOf(onHeads.outputs.Output, onTails.outputs.Output);
  s.task(say, { message: chosen });
  return { Output: chosen };
});
