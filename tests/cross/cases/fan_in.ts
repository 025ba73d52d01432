/**
 * Fan-in with collected(): parameter outputs of a loop task into a LIST input, artifact outputs
 * from nested loops into a list-of-artifacts input, a loop inside a condition collected within
 * it, and collected outputs as pipeline outputs; a loop over a list of artifacts and `.after` on
 * a task in a loop (the loop group becomes the dependency).
 */
import { Dataset, Model, collected, gt, input, output, pipeline, pythonComponent, str, z } from '../../../src/index.ts';

const source = new URL('../fixtures/work.py', import.meta.url);
const artifacts = new URL('../fixtures/artifacts.py', import.meta.url);
const baseImage = 'python:3.11-slim';
const double = pythonComponent({ name: 'double', source, baseImage, inputs: { number: z.int() }, outputs: { Output: z.int() } });
const total = pythonComponent({ name: 'total', source, baseImage, inputs: { numbers: z.array(z.int()) }, outputs: { Output: z.int() } });
const notify = pythonComponent({ name: 'notify', source, baseImage, inputs: { message: z.string(), channel: z.string().default('#ml') } });
const writeShard = pythonComponent({
  name: 'write_shard',
  source: artifacts,
  baseImage: 'python:3.12',
  inputs: { index: z.int() },
  outputs: { shard: output(Dataset) },
});
const trainOn = pythonComponent({
  name: 'train_on',
  source: artifacts,
  baseImage: 'python:3.12',
  inputs: { data: input(Dataset), epochs: z.int().default(1) },
  outputs: { model: output(Model) },
});
const mergeDatasets = pythonComponent({
  name: 'merge_datasets',
  source: artifacts,
  baseImage: 'python:3.12',
  inputs: { parts: input(Dataset, { list: true }) },
  outputs: { merged: output(Dataset), Output: z.int() },
});

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
