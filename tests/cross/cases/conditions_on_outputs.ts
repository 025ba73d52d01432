/**
 * Conditions between task outputs and on a nested pipeline's output: two outputs compared (a
 * named If and an Elif), a float output against an int output inside a condition on a pipeline's
 * output, and an If/Else whose branches run a nested pipeline, their outputs met by OneOf.
 */
import { eq, gt, le, ne, pipeline, z, type TaskHandle } from '../../../src/index.ts';

import { flipCoin, notify, rollDie, train } from '../fixtures/work-components.ts';

const flip = pipeline({ name: 'flip', inputs: { seed: z.int().default(0) }, outputs: { Output: z.string() } }, (p, s) => ({
  Output: s.task(flipCoin, { seed: p.seed }).outputs.Output,
}));

type Flip = TaskHandle<{ Output: z.ZodString }>;

export default pipeline({ name: 'conditions-on-outputs', inputs: { sides: z.int().default(6) } }, (p, s) => {
  const a = s.task(rollDie, { sides: p.sides });
  const b = s.task(rollDie, { sides: p.sides });
  const loss = s.task(train, { epochs: a.outputs.Output });
  const f = s.task(flip, { seed: b.outputs.Output });
  s.if(gt(a.outputs.Output, b.outputs.Output), (s) => void s.task(notify, { message: 'a' }), 'a-wins').elif(
    eq(a.outputs.Output, b.outputs.Output),
    (s) => void s.task(notify, { message: 'tie' }),
  );
  s.if(ne(f.outputs.Output, 'heads'), (s) => {
    s.if(le(loss.outputs.Output, a.outputs.Output), (s) => void s.task(notify, { message: 'low', channel: f.outputs.Output }));
  });
  const flips: Flip[] = [];
  s.if(eq(f.outputs.Output, 'heads'), (s) => void flips.push(s.task(flip, { seed: 1 }))).else((s) => void flips.push(s.task(flip, { seed: 2 })));
  const [g, h] = flips as [Flip, Flip];
  s.task(notify, { message: s.oneOf(g.outputs.Output, h.outputs.Output) });
});
