/**
 * Importers (kfp's dsl.importer): a constant URI with reimport and literal metadata, a URI from a
 * parameter with run-time metadata (a parameter used twice shares one input; str`` templates),
 * a custom artifact type; imported artifacts feeding tasks.
 */
import { Dataset, Model, pipeline, str, z } from '../../../src/index.ts';

import { BQTable, inspectEverything, makeEverything, trainOn } from '../fixtures/artifact-components.ts';

export default pipeline(
  {
    name: 'importers',
    description: 'Artifacts imported by URI',
    inputs: { data_uri: z.string().default('gs://acme/data/train.csv'), tag: z.string().default('v1'), epochs: z.int().default(2) },
  },
  (p, s) => {
    const model = s.importer({
      artifactUri: 'gs://acme/models/base',
      artifactType: Model,
      reimport: true,
      metadata: { framework: 'sklearn', layers: [1, 2], nested: { ok: true } },
    });
    const data = s.importer({
      artifactUri: p.data_uri,
      artifactType: Dataset,
      metadata: { tag: p.tag, label: str`${p.tag}-${p.epochs}`, epochs: p.epochs, again: p.tag },
    });
    const table = s.importer({ artifactUri: 'bq://acme.dataset.table', artifactType: BQTable });
    const trained = s.task(trainOn, { data: data.outputs.artifact, epochs: p.epochs });
    const made = s.task(makeEverything, { seed: p.epochs });
    s.task(inspectEverything, {
      anything: table.outputs.artifact,
      dataset: data.outputs.artifact,
      model: model.outputs.artifact,
      metrics: made.outputs.metrics,
      confusion: made.outputs.confusion,
      sliced: made.outputs.sliced,
      page: made.outputs.page,
      notes: made.outputs.notes,
      report: table.outputs.artifact,
      extra: data.outputs.artifact,
    });
    trained.after(model);
  },
);
