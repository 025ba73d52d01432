/**
 * Exit handlers: an exit task with a PipelineTaskFinalStatus input (named group), an exit task
 * without one, tasks and a condition inside a handler, `ignoreUpstreamFailure`, the same
 * component as exit task and as an ordinary task.
 */
import { lt, pipeline, z } from '../../../src/index.ts';
import { notify, flipCoin, fail, train, reportStatus } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'exit-handlers',
    displayName: 'Exit handlers',
    description: 'Exit tasks, final status, ignore_upstream_failure',
    inputs: { label: z.string().default('nightly'), epochs: z.int().default(2) },
  },
  (p, s) => {
    const final = s.task(reportStatus, { run_label: p.label });
    s.exitHandler(
      final,
      (s) => {
        const loss = s.task(train, { epochs: p.epochs });
        s.task(fail, { message: 'boom' }).after(loss);
        s.if(lt(loss.outputs.Output, 0.5), (s) => void s.task(notify, { message: p.label }));
      },
      'guarded',
    );
    const cleanup = s.task(notify, { message: 'cleanup', channel: '#ops' });
    s.exitHandler(cleanup, (s) => void s.task(train, { epochs: 1 }));
    const coin = s.task(flipCoin, { seed: p.epochs });
    s.task(notify, { message: 'runs anyway', channel: coin.outputs.Output }).ignoreUpstreamFailure();
    s.task(notify, { message: 'after the coin', channel: '#x' }).after(coin).ignoreUpstreamFailure();
    s.task(reportStatus, { run_label: 'standalone' }).after(coin).ignoreUpstreamFailure();
  },
);
