import * as z from 'zod';
import { Dataset, Model, input, ne, output, pipeline, pythonComponent } from 'kfp-ts';

// Each component runs a Python function from python/ml.py. Its signature must agree with this
// declaration (names, kinds, types, defaults), or the compile says where they differ.
const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({
  name: 'load_data',
  source,
  inputs: { source: z.string(), rows: z.int().default(100) },
  outputs: { data: output(Dataset) },
});

export const train = pythonComponent({
  name: 'train',
  source,
  packagesToInstall: ['scikit-learn==1.9.1'],
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});

export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline(
  { name: 'quickstart', inputs: { source: z.string().default('gs://my-bucket/train.csv'), webhook: z.string().default('') } },
  (p, s) => {
    const data = s.task(loadData, { source: p.source });
    const trained = s.task(train, { data: data.outputs.data, epochs: 5 }).withResources({ cpuLimit: '2', memoryLimit: '4Gi' });
    s.if(ne(p.webhook, ''), (s) => {
      s.task(say, { message: p.webhook }).after(trained);
    });
  },
);
