// Loops (kfp's dsl.ParallelFor) over a literal list, a list parameter or a task's list output;
// `parallelism` caps how many iterations run at once; itemField reads a field of dict items;
// collected() gathers a task's output from every iteration into a list (kfp's dsl.Collected),
// parameters and artifacts alike.
import * as z from 'zod';
import { Dataset, collected, input, itemField, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const makeShards = pythonComponent({ name: 'make_shards', source, inputs: { count: z.int() }, outputs: { Output: z.array(z.string()) } });
export const processShard = pythonComponent({ name: 'process_shard', source, inputs: { shard: z.string(), scale: z.int().default(1) }, outputs: { Output: z.int() } });
export const total = pythonComponent({ name: 'total', source, inputs: { numbers: z.array(z.int()) }, outputs: { Output: z.int() } });
export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const merge = pythonComponent({ name: 'merge', source, inputs: { parts: input(Dataset, { list: true }) }, outputs: { merged: output(Dataset) } });

export default pipeline(
  {
    name: 'loops',
    inputs: {
      count: z.int().default(4),
      sources: z.array(z.string()).default(['gs://my-bucket/a.csv', 'gs://my-bucket/b.csv']),
      runs: z.array(z.object({ shard: z.string(), scale: z.int() })).default([{ shard: 'a', scale: 2 }]),
    },
  },
  (p, s) => {
    // Over a task's output, at most two at a time; the results collected into one list.
    const shards = s.task(makeShards, { count: p.count });
    const sizes = s.parallelFor(shards.outputs.Output, (shard, s) => s.task(processShard, { shard }), { parallelism: 2 });
    s.task(total, { numbers: collected(sizes.outputs.Output) });

    // Over a literal list.
    s.parallelFor([1, 2, 3], (scale, s) => void s.task(processShard, { shard: 'fixed', scale }));

    // Over dict items, field by field.
    s.parallelFor(p.runs, (run, s) => void s.task(processShard, { shard: itemField(run, 'shard'), scale: itemField(run, 'scale') }));

    // Over a list parameter; artifacts collected into a list input.
    const parts = s.parallelFor(p.sources, (src, s) => s.task(loadData, { source: src }));
    s.task(merge, { parts: collected(parts.outputs.data) });
  },
);
