// Python components (kfp's @dsl.component): the function lives in a .py file; the declaration
// types its inputs and outputs. Options are kfp's: base image, packages, pip index URLs, …
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const loadData = pythonComponent({
  name: 'load_data',
  source,
  baseImage: 'python:3.12-slim',
  inputs: { source: z.string(), rows: z.int().default(100) },
  outputs: { data: output(Dataset) },
});

export const train = pythonComponent({
  name: 'train',
  source,
  baseImage: 'python:3.12-slim',
  packagesToInstall: ['scikit-learn==1.9.1', 'pandas==3.1.1'],
  pipIndexUrls: ['https://pypi.org/simple'],
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});

// Inline source instead of a file: the code holds the function.
export const shout = pythonComponent({
  name: 'shout',
  source: { code: 'def shout(text: str) -> str:\n    return text.upper()\n' },
  inputs: { text: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'components-python', inputs: { source: z.string().default('gs://my-bucket/train.csv') } }, (p, s) => {
  const data = s.task(loadData, { source: p.source, rows: 500 });
  s.task(train, { data: data.outputs.data });
  s.task(shout, { text: p.source });
});
