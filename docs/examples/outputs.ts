// Outputs: a Python return value is the output `Output`; a NamedTuple's fields are outputs of
// their own; artifacts are output(Type) parameters of the function. A pipeline declares outputs
// too and returns them from its body — then it can be a task of another pipeline.
import * as z from 'zod';
import { Dataset, Metrics, Model, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const train = pythonComponent({
  name: 'train',
  source,
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  // `-> float`: the return value is `Output`.
  outputs: { model: output(Model), Output: z.number() },
});
export const evaluate = pythonComponent({
  name: 'evaluate',
  source,
  inputs: { model: input(Model), threshold: z.number().default(0.8) },
  // `-> NamedTuple("Outputs", accuracy=float, passed=bool)`: one output per field.
  outputs: { metrics: output(Metrics), accuracy: z.number(), passed: z.boolean() },
});
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline(
  { name: 'outputs', inputs: { source: z.string().default('gs://my-bucket/train.csv') }, outputs: { model: output(Model), loss: z.number(), accuracy: z.number() } },
  (p, s) => {
    const data = s.task(loadData, { source: p.source });
    const trained = s.task(train, { data: data.outputs.data });
    const scored = s.task(evaluate, { model: trained.outputs.model });
    s.task(say, { message: 'trained' }).after(scored);
    return { model: trained.outputs.model, loss: trained.outputs.Output, accuracy: scored.outputs.accuracy };
  },
);
