// Parameters are zod schemas: z.string(), z.int(), z.number(), z.boolean(), z.array(...),
// z.object(...) / z.record(...); .default(v) and .optional() make them optional. Artifacts are
// input(Type) / output(Type) with a type from kfp's system types (Dataset, Model, Metrics, …);
// input(Type, { optional: true }) may be left unconnected, and input(Type, { list: true }) takes a
// list of artifacts — what `collected()` gathers from a loop (loops.ts).
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const describe = pythonComponent({
  name: 'describe',
  source,
  inputs: { config: z.record(z.string(), z.int()), tags: z.array(z.string()), note: z.string().optional() },
  outputs: { Output: z.string() },
});
export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const train = pythonComponent({
  name: 'train',
  source,
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});
export const useModel = pythonComponent({ name: 'use_model', source, inputs: { model: input(Model), baseline: input(Model, { optional: true }) }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'parameters-and-artifacts',
    inputs: {
      rows: z.int().default(100),
      learning_rate: z.number().default(0.05),
      verbose: z.boolean().default(false),
      tags: z.array(z.string()).default(['nightly']),
      config: z.record(z.string(), z.int()).default({ depth: 3 }),
      note: z.string().optional(),
    },
  },
  (p, s) => {
    s.task(describe, { config: p.config, tags: p.tags, note: p.note });
    const data = s.task(loadData, { source: 'gs://my-bucket/a.csv', rows: p.rows });
    const first = s.task(train, { data: data.outputs.data, learning_rate: p.learning_rate });
    const second = s.task(train, { data: data.outputs.data, epochs: 10 });
    s.task(useModel, { model: second.outputs.model });
    s.task(useModel, { model: second.outputs.model, baseline: first.outputs.model });
  },
);
