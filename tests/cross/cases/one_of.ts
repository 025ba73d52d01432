/**
 * oneOf() (kfp's dsl.OneOf): the output of whichever If/Elif/Else branch ran — parameters and
 * artifacts, as a task argument and as a pipeline output; two chains
 * numbering their OneOfs separately.
 */
import { eq, gt, pipeline, z, type Scope, type TaskHandle } from '../../../src/index.ts';
import { flipCoin, pickImage, notify } from '../fixtures/work-components.ts';
import { writeShard, trainOn } from '../fixtures/artifact-components.ts';

export default pipeline({ name: 'one-of', inputs: { seed: z.int().default(1) }, outputs: { Output: z.string() } }, (p, s) => {
  const coin = s.task(flipCoin, { seed: p.seed });
  // Each branch's tasks, captured so their outputs can meet in oneOf().
  const branch = (s: Scope, flavour: string, index: number) => ({ image: s.task(pickImage, { flavour }), shard: s.task(writeShard, { index }) });
  const ran: ReturnType<typeof branch>[] = [];
  s.if(eq(coin.outputs.Output, 'heads'), (s) => void ran.push(branch(s, 'slim', 1)), 'heads')
    .elif(eq(coin.outputs.Output, 'tails'), (s) => void ran.push(branch(s, 'alpine', 2)))
    .else((s) => void ran.push(branch(s, 'bookworm', 3)));
  const [a, b, c] = ran as [ReturnType<typeof branch>, ReturnType<typeof branch>, ReturnType<typeof branch>];
  const image = s.oneOf(a.image.outputs.Output, b.image.outputs.Output, c.image.outputs.Output);
  s.task(notify, { message: image });
  s.task(trainOn, { data: s.oneOf(a.shard.outputs.shard, b.shard.outputs.shard, c.shard.outputs.shard) });
  const picks: TaskHandle<{ Output: z.ZodString }>[] = [];
  s.if(gt(p.seed, 0), (s) => void picks.push(s.task(pickImage, { flavour: 'left' }))).else((s) => void picks.push(s.task(pickImage, { flavour: 'right' })));
  const [d, e] = picks as [TaskHandle<{ Output: z.ZodString }>, TaskHandle<{ Output: z.ZodString }>];
  return { Output: s.oneOf(d.outputs.Output, e.outputs.Output) };
});
