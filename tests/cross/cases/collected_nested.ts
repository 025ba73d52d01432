/**
 * Loop item and collected() types: a task inside two nested loops collected into a
 * `List[List[int]]` input (kfp collects once per loop level; `collected()` is typed `number[][]`),
 * and the items of untyped lists (`list` parameters) passed to an int and a str input without a
 * cast, as kfp accepts them.
 */
import { collected, pipeline, pythonComponent, z } from '../../../src/index.ts';
import { showNumber } from '../fixtures/work-components.ts';

const source = new URL('../fixtures/grid.py', import.meta.url);
const multiply = pythonComponent({ name: 'multiply', source, inputs: { a: z.int(), b: z.int() }, outputs: { Output: z.int() } });
const sumRows = pythonComponent({ name: 'sum_rows', source, inputs: { rows: z.array(z.array(z.int())) }, outputs: { Output: z.int() } });
const shout = pythonComponent({ name: 'shout', source, inputs: { text: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'collected-nested',
    inputs: { rows: z.array(z.unknown()).default([1, 2]), cols: z.array(z.int()).default([3, 4]), labels: z.array(z.unknown()).default(['7', '8']) },
  },
  (p, s) => {
    const grid = s.parallelFor(p.rows, (a, s) => s.parallelFor(p.cols, (b, s) => s.task(multiply, { a, b })));
    s.task(sumRows, { rows: collected(grid.outputs.Output) });
    s.parallelFor(p.labels, (label, s) => {
      s.task(shout, { text: label });
      s.task(showNumber, { number: label });
    });
  },
);
