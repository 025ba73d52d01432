// Pipelines as components: a pipeline with declared inputs and outputs is a task of another
// pipeline, like a component. pipelineOfComponent(c) is the pipeline kfp makes when it compiles
// a single component on its own.
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pipelineOfComponent, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const train = pythonComponent({
  name: 'train',
  source,
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export const prepareAndTrain = pipeline(
  { name: 'prepare-and-train', inputs: { source: z.string(), epochs: z.int().default(3) }, outputs: { model: output(Model), loss: z.number() } },
  (p, s) => {
    const data = s.task(loadData, { source: p.source });
    const trained = s.task(train, { data: data.outputs.data, epochs: p.epochs });
    return { model: trained.outputs.model, loss: trained.outputs.Output };
  },
);

export const sayAlone = pipelineOfComponent(say);

export default pipeline({ name: 'nested-pipelines', inputs: { source: z.string().default('gs://my-bucket/train.csv') } }, (p, s) => {
  const quick = s.task(prepareAndTrain, { source: p.source, epochs: 1 });
  s.task(prepareAndTrain, { source: p.source, epochs: 20 }).after(quick);
  s.task(sayAlone, { message: 'both trained' }).after(quick);
});
