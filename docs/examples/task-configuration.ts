// Task configuration: each call records its setting on the task and returns the task's handle,
// chained or one call per statement alike. `after` orders tasks that share no data; resources, environment, retries, display name and image are
// kfp's set_* calls. Settings may come from pipeline parameters.
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({ name: 'load_data', source, inputs: { source: z.string(), rows: z.int().default(100) }, outputs: { data: output(Dataset) } });
export const train = pythonComponent({
  name: 'train',
  source,
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});
export const say = pythonComponent({ name: 'say', source, inputs: { message: z.string() } });

export default pipeline({ name: 'task-configuration', inputs: { image: z.string().default('python:3.12-slim'), memory: z.string().default('8Gi') } }, (p, s) => {
  const data = s.task(loadData, { source: 'gs://my-bucket/train.csv' }).withDisplayName('Load the training data');
  s.task(train, { data: data.outputs.data })
    .withResources({ cpuRequest: '1', cpuLimit: '4', memoryRequest: '2Gi', memoryLimit: p.memory })
    .withResources({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: 1 })
    .withEnv({ OMP_NUM_THREADS: '4' })
    .withRetry({ maxRetryCount: 3, backoffDuration: '30s', backoffFactor: 2, backoffMaxDuration: '10m' });
  s.task(say, { message: 'data is ready' }).after(data).withContainerImage(p.image);
});
