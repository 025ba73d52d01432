/**
 * Conditions: If/Elif/Else chains (named), nested Ifs, a chain without Else followed by a task,
 * every operator, on pipeline parameters and on task outputs of each primitive type, mixed
 * int/float comparisons, booleans, and `.after` into a condition.
 */
import { eq, ge, gt, le, lt, ne, pipeline, z } from '../../../src/index.ts';
import { flipCoin, rollDie, isReady, train, notify } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'conditions',
    description: 'If/Elif/Else on parameters and task outputs',
    inputs: {
      threshold: z.number().default(0.5),
      mode: z.string().default('fast'),
      attempts: z.int().default(3),
      enabled: z.boolean().default(true),
      name: z.string().default('x'),
    },
  },
  (p, s) => {
    const coin = s.task(flipCoin, { seed: p.attempts });
    const die = s.task(rollDie, { sides: p.attempts });
    const ready = s.task(isReady, { name: p.name });
    const loss = s.task(train, { epochs: p.attempts });

    s.if(eq(coin.outputs.Output, 'heads'), (s) => void s.task(notify, { message: 'heads' }), 'heads')
      .elif(eq(coin.outputs.Output, 'tails'), (s) => void s.task(notify, { message: 'tails' }), 'tails')
      .else((s) => void s.task(notify, { message: 'on its edge' }), 'edge');

    s.if(gt(die.outputs.Output, 4), (s) => {
      s.if(eq(p.mode, 'fast'), (s) => void s.task(notify, { message: coin.outputs.Output, channel: p.mode }));
      s.if(ne(p.mode, 'fast'), (s) => void s.task(notify, { message: 'slow' }).after(ready));
    });

    s.if(ge(die.outputs.Output, 3), (s) => void s.task(notify, { message: 'three or more' }))
      .elif(lt(die.outputs.Output, 2), (s) => void s.task(notify, { message: 'one' }))
      .elif(le(die.outputs.Output, 2), (s) => void s.task(notify, { message: 'two' }));
    s.task(notify, { message: 'after a chain without else' });

    s.if(ne(p.threshold, 0.5), (s) => void s.task(notify, { message: 'custom threshold' }));
    s.if(gt(p.attempts, p.threshold), (s) => void s.task(notify, { message: 'int against float' }));
    s.if(lt(loss.outputs.Output, 0.25), (s) => void s.task(notify, { message: 'low loss' }));
    s.if(ge(loss.outputs.Output, p.attempts), (s) => void s.task(notify, { message: 'float output against int parameter' }));
    s.if(eq(p.enabled, true), (s) => {
      s.if(eq(ready.outputs.Output, false), (s) => void s.task(notify, { message: p.name }));
    });
    s.if(eq(p.attempts, 3), (s) => void s.task(notify, { message: 'three attempts' })).else(
      (s) => void s.task(notify, { message: 'other attempts' }),
    );
  },
);
