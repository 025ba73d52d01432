/**
 * Where kfp allows an exit handler, beside groups: after an If/Else chain and after an If alone
 * (both leave the top level open again), and at the top level of a pipeline run as a task inside
 * an If. (The placements kfp refuses are compared in exit-handler-placement.test.ts.)
 *
 * The inner pipeline's components (train, report_status) are used by no other pipeline of the
 * case, so kfp's renaming of clashing components does not come into play.
 */
import { eq, pipeline, z } from '../../../src/index.ts';
import { double, flipCoin, notify, reportStatus, showNumber, train } from '../fixtures/work-components.ts';

const guardedTrain = pipeline({ name: 'guarded-train', inputs: { epochs: z.int().default(1) } }, (p, s) => {
  const final = s.task(reportStatus, { run_label: 'inner' });
  s.exitHandler(final, (s) => void s.task(train, { epochs: p.epochs }), 'inner-guard');
});

export default pipeline(
  { name: 'exit-handler-placement', inputs: { mode: z.string().default('full'), epochs: z.int().default(2) } },
  (p, s) => {
    const coin = s.task(flipCoin, { seed: p.epochs });
    s.if(eq(coin.outputs.Output, 'heads'), (s) => void s.task(guardedTrain, { epochs: p.epochs })).else((s) => void s.task(notify, { message: 'tails' }));
    const cleanup = s.task(notify, { message: 'cleanup', channel: '#ops' });
    s.exitHandler(cleanup, (s) => void s.task(double, { number: p.epochs }), 'after-chain');
    s.if(eq(p.mode, 'full'), (s) => void s.task(showNumber, { number: p.epochs }));
    const last = s.task(notify, { message: 'last' });
    s.exitHandler(last, (s) => void s.task(double, { number: 3 }));
  },
);
