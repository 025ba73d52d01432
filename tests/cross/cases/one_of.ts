/**
 * oneOf() (kfp's dsl.OneOf): the output of whichever If/Elif/Else branch ran — parameters and
 * artifacts, as a task argument and as a pipeline output; two chains
 * numbering their OneOfs separately.
 */
import { eq, gt, input, output, pipeline, pythonComponent, z, Dataset, Model, type Scope, type TaskHandle } from '../../../src/index.ts';

const source = new URL('../fixtures/work.py', import.meta.url);
const artifacts = new URL('../fixtures/artifacts.py', import.meta.url);
const baseImage = 'python:3.11-slim';
const flipCoin = pythonComponent({ name: 'flip_coin', source, baseImage, inputs: { seed: z.int().default(0) }, outputs: { Output: z.string() } });
const pickImage = pythonComponent({ name: 'pick_image', source, baseImage, inputs: { flavour: z.string() }, outputs: { Output: z.string() } });
const notify = pythonComponent({ name: 'notify', source, baseImage, inputs: { message: z.string(), channel: z.string().default('#ml') } });
const writeShard = pythonComponent({ name: 'write_shard', source: artifacts, baseImage: 'python:3.12', inputs: { index: z.int() }, outputs: { shard: output(Dataset) } });
const trainOn = pythonComponent({
  name: 'train_on',
  source: artifacts,
  baseImage: 'python:3.12',
  inputs: { data: input(Dataset), epochs: z.int().default(1) },
  outputs: { model: output(Model) },
});

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
