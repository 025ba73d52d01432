/**
 * Control flow inside and around a pipeline used as a component: the inner pipeline has an exit
 * handler with a PipelineTaskFinalStatus task (named group), an If/Else whose OneOf is its output;
 * the outer pipeline runs it in a ParallelFor over a parameter (with parallelism), feeds the
 * OneOf output to a task beside it and returns that task's outputs collected.
 *
 * The outer pipeline's component (is_ready) is used by no inner pipeline, so kfp's renaming of
 * clashing components does not come into play.
 */
import { collected, eq, pipeline, z, type TaskHandle } from '../../../src/index.ts';

import { flipCoin, isReady, notify, pickImage, reportStatus } from '../fixtures/work-components.ts';

const guardedPick = pipeline(
  { name: 'guarded-pick', inputs: { seed: z.int(), label: z.string().default('run') }, outputs: { Output: z.string() } },
  (p, s) => {
    const final = s.task(reportStatus, { run_label: p.label });
    s.exitHandler(final, (s) => void s.task(notify, { message: p.label }), 'guard');
    const coin = s.task(flipCoin, { seed: p.seed });
    const picks: TaskHandle<{ Output: z.ZodString }>[] = [];
    s.if(eq(coin.outputs.Output, 'heads'), (s) => void picks.push(s.task(pickImage, { flavour: 'slim' }))).else(
      (s) => void picks.push(s.task(pickImage, { flavour: 'alpine' })),
    );
    const [a, b] = picks as [TaskHandle<{ Output: z.ZodString }>, TaskHandle<{ Output: z.ZodString }>];
    return { Output: s.oneOf(a.outputs.Output, b.outputs.Output) };
  },
);

export default pipeline(
  { name: 'nested-groups-composition', inputs: { seeds: z.array(z.int()).default([1, 2, 3]) }, outputs: { Output: z.array(z.boolean()) } },
  (p, s) => {
    const ready = s.parallelFor(
      p.seeds,
      (seed, s) => {
        const picked = s.task(guardedPick, { seed });
        return s.task(isReady, { name: picked.outputs.Output });
      },
      { parallelism: 2 },
    );
    return { Output: collected(ready.outputs.Output) };
  },
);
