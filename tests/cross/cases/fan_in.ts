/**
 * Fan-in with collected(): parameter outputs of a loop task into a LIST input, artifact outputs
 * from nested loops into a list-of-artifacts input, a loop inside a condition collected within
 * it, and collected outputs as pipeline outputs; a loop over a list of artifacts and `.after` on
 * a task in a loop (the loop group becomes the dependency).
 */
import { Dataset, collected, gt, input, output, pipeline, str, z } from '../../../src/index.ts';
import { double, total, notify } from '../fixtures/work-components.ts';
import { writeShard, trainOn, mergeDatasets } from '../fixtures/artifact-components.ts';

export default pipeline(
  {
    name: 'fan-in',
    inputs: { more: input(Dataset, { list: true }), numbers: z.array(z.int()).default([1, 2, 3]), shards: z.array(z.int()).default([0, 1]) },
    outputs: { doubled: z.array(z.int()), parts: output(Dataset, { list: true }) },
  },
  (p, s) => {
    const d = s.parallelFor(p.numbers, (number, s) => s.task(double, { number }));
    const t = s.task(total, { numbers: collected(d.outputs.Output) });
    s.task(notify, { message: str`${t.outputs.Output}` });
    const shard = s.parallelFor(p.shards, (index, s) => s.parallelFor([1, 2], (_copy, s) => s.task(writeShard, { index })), {
      parallelism: 1,
    });
    s.task(mergeDatasets, { parts: collected(shard.outputs.shard) });
    s.if(gt(t.outputs.Output, 3), (s) => {
      const d2 = s.parallelFor(p.numbers, (again, s) => s.task(double, { number: again }));
      s.task(total, { numbers: collected(d2.outputs.Output) });
    });
    const trained = s.parallelFor(p.more, (part, s) => s.task(trainOn, { data: part, epochs: 1 }), { parallelism: 2 });
    s.task(notify, { message: 'trained' }).after(trained);
    return { doubled: collected(d.outputs.Output), parts: collected(shard.outputs.shard) };
  },
);
