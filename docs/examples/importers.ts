// Importers (kfp's dsl.importer): an artifact that already exists, registered by its URI so tasks
// can take it. The URI and metadata may be constants or pipeline parameters; `reimport` registers
// it again on every run.
import * as z from 'zod';
import { Dataset, Model, input, output, pipeline, pythonComponent } from 'kfp-ts';

const source = new URL('./python/ml.py', import.meta.url);

export const train = pythonComponent({
  name: 'train',
  source,
  inputs: { data: input(Dataset), epochs: z.int().default(3), learning_rate: z.number().default(0.01) },
  outputs: { model: output(Model), Output: z.number() },
});
export const useModel = pythonComponent({ name: 'use_model', source, inputs: { model: input(Model), baseline: input(Model, { optional: true }) }, outputs: { Output: z.string() } });

export default pipeline({ name: 'importers', inputs: { data_uri: z.string().default('gs://my-bucket/train.csv'), owner: z.string().default('ml-team') } }, (p, s) => {
  const data = s.importer({ artifactUri: p.data_uri, artifactType: Dataset, metadata: { owner: p.owner, format: 'csv' } });
  const baseline = s.importer({ artifactUri: 'gs://my-bucket/models/baseline', artifactType: Model, reimport: true });
  const trained = s.task(train, { data: data.outputs.artifact });
  s.task(useModel, { model: trained.outputs.model, baseline: baseline.outputs.artifact });
});
