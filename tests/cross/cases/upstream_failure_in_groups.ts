/**
 * ignoreUpstreamFailure (kfp's `ignore_upstream_failure`, trigger strategy
 * ALL_UPSTREAM_TASKS_COMPLETED) away from the root: on a task inside a loop taking a defaulted
 * input from a task beside it, on a task inside a condition after a root task, on a task after a
 * task inside a loop (the loop group becomes the dependency), and on a pipeline used as a component.
 */
import { eq, pipeline, z } from '../../../src/index.ts';

import { flipCoin, notify, rollDie, showNumber } from '../fixtures/work-components.ts';

const inner = pipeline({ name: 'inner-with-default', inputs: { channel: z.string().default('#inner') } }, (p, s) => {
  s.task(notify, { message: 'inner', channel: p.channel });
});

export default pipeline(
  { name: 'upstream-failure-in-groups', inputs: { seeds: z.array(z.int()).default([1, 2]), mode: z.string().default('on') } },
  (p, s) => {
    const coin = s.parallelFor(p.seeds, (seed, s) => {
      const coin = s.task(flipCoin, { seed });
      s.task(notify, { message: 'in loop', channel: coin.outputs.Output }).ignoreUpstreamFailure();
      return coin;
    });
    const die = s.task(rollDie, { sides: 6 });
    s.if(eq(p.mode, 'on'), (s) => void s.task(notify, { message: 'in condition', channel: '#c' }).after(die).ignoreUpstreamFailure());
    s.task(showNumber, { number: 3 }).after(coin).ignoreUpstreamFailure();
    s.task(inner, { channel: '#x' }).after(die).ignoreUpstreamFailure();
  },
);
