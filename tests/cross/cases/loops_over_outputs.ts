/**
 * ParallelFor, the less common shapes: over a LIST-of-objects pipeline parameter (sub-variables as
 * arguments, one of them a struct), over an item's sub-variable (nested, with parallelism; its
 * outputs collected inside the outer loop), over an outer task's output from inside a loop with an
 * If/Elif/Else on the inner item's fields and a pipeline parameter (condition-branches numbered
 * inside loops), over a task output produced inside the loop (artifacts collected), and an outer
 * literal loop's item and a task output used inside a nested loop.
 *
 * Sub-variables and outer loop items are kept out of f-strings here: kfp 2.17.3 writes IR that
 * refers to undeclared inputs for them (see tests/cross/README.md).
 */
import { collected, eq, gt, itemField, pipeline, pythonComponent, str, z } from '../../../src/index.ts';

import { mergeDatasets, writeShard } from '../fixtures/artifact-components.ts';
import { double, makeGrid, notify, showNumber, showStruct, total } from '../fixtures/work-components.ts';

const source = new URL('../fixtures/work.py', import.meta.url);
const baseImage = 'python:3.11-slim';
const makeShards = pythonComponent({ name: 'make_shards', source, baseImage, inputs: { count: z.int() }, outputs: { Output: z.array(z.int()) } });
const makeConfig = pythonComponent({ name: 'make_config', source, baseImage, inputs: { name: z.string() }, outputs: { Output: z.record(z.string(), z.string()) } });

export default pipeline(
  {
    name: 'loops-over-outputs',
    inputs: {
      jobs: z.array(z.object({ label: z.string(), sizes: z.array(z.int()), opts: z.record(z.string(), z.int()) })).default([
        { label: 'a', sizes: [1, 2], opts: { lr: 1 } },
        { label: 'b', sizes: [3], opts: { lr: 2 } },
      ]),
      count: z.int().default(2),
    },
  },
  (p, s) => {
    const grid = s.task(makeGrid, { size: p.count });
    s.parallelFor(
      p.jobs,
      (job, s) => {
        s.task(notify, { message: itemField(job, 'label'), channel: str`#${p.count}` });
        s.task(showStruct, { config: itemField(job, 'opts') });
        const d = s.parallelFor(
          itemField(job, 'sizes'),
          (size, s) => {
            const d = s.task(double, { number: size });
            s.if(gt(d.outputs.Output, 2), (s) => void s.task(showNumber, { number: d.outputs.Output }));
            return d;
          },
          { parallelism: 1 },
        );
        s.task(total, { numbers: collected(d.outputs.Output) });
        s.parallelFor(grid.outputs.Output, (cell, s) => {
          s.if(eq(itemField(cell, 'depth'), 0), (s) => void s.task(showNumber, { number: itemField(cell, 'width') }))
            .elif(eq(itemField(cell, 'width'), p.count), (s) => void s.task(notify, { message: 'same' }))
            .else((s) => void s.task(showStruct, { config: cell }));
        });
      },
      { parallelism: 3 },
    );
    s.parallelFor(
      [1, 2],
      (n, s) => {
        const shards = s.task(makeShards, { count: n });
        const w = s.parallelFor(shards.outputs.Output, (shard, s) => s.task(writeShard, { index: shard }), { parallelism: 2 });
        s.task(mergeDatasets, { parts: collected(w.outputs.shard) });
        const conf = s.task(makeConfig, { name: 'x' });
        s.parallelFor(grid.outputs.Output, (g, s) => {
          s.task(showStruct, { config: conf.outputs.Output });
          s.task(notify, { message: str`${p.count}/x` });
          s.task(double, { number: n });
          s.task(showNumber, { number: itemField(g, 'depth') });
        });
      },
      { displayName: 'outer' },
    );
  },
);
