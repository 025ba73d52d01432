/**
 * ParallelFor: over a LIST parameter (with parallelism), literal numbers (with a display name),
 * a task output of dicts (item fields, the whole item, a condition on a field), literal dicts
 * (fields), nested loops over parameters; pipeline inputs and f-strings inside loops, conditions
 * on task outputs inside a loop, `.after` inside and outside loops.
 */
import { eq, gt, itemField, pipeline, str, z } from '../../../src/index.ts';
import { notify, makeGrid, showStruct, showNumber, rollDie } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'loops',
    description: 'ParallelFor over literal items, parameters and task outputs',
    inputs: {
      names: z.array(z.string()).default(['a', 'b']),
      plain: z.array(z.unknown()).default([1, 2]),
      sizes: z.array(z.int()).default([4, 6]),
      limit: z.int().default(3),
      prefix: z.string().default('run'),
    },
  },
  (p, s) => {
    s.parallelFor(p.names, (name, s) => void s.task(notify, { message: name, channel: p.prefix }), { parallelism: 2 });
    s.parallelFor(
      [6, 8, 12],
      (sides, s) => {
        const die = s.task(rollDie, { sides });
        s.task(showNumber, { number: p.limit }).after(die);
        s.if(gt(die.outputs.Output, 3), (s) => void s.task(notify, { message: str`${p.prefix}: big roll` }));
      },
      { displayName: 'dice' },
    );
    const grid = s.task(makeGrid, { size: p.limit });
    s.parallelFor(grid.outputs.Output, (cell, s) => {
      s.task(showNumber, { number: itemField(cell, 'depth') });
      s.task(showStruct, { config: cell });
      s.if(eq(itemField(cell, 'width'), 1), (s) => void s.task(notify, { message: 'narrow' }));
    });
    s.parallelFor(
      [
        { a: 'x', b: 1 },
        { a: 'y', b: 2 },
      ],
      (item, s) => {
        s.task(notify, { message: itemField(item, 'a') });
        s.parallelFor(p.plain, (inner, s) => {
          s.task(showNumber, { number: inner as never });
          s.task(showNumber, { number: p.limit });
        });
        s.parallelFor(p.sizes, (size, s) => void s.task(rollDie, { sides: size }));
      },
    );
    s.task(notify, { message: 'after the loops' }).after(grid);
  },
);
