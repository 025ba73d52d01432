/**
 * Every artifact type (system types and a custom schema title) as outputs and inputs; the generic
 * Artifact input taking other types; an optional artifact input; a list of artifacts; pipeline
 * artifact inputs and outputs.
 */
import { Dataset, Model, input, output, pipeline, z } from '../../../src/index.ts';
import { inspectEverything, makeEverything, mergeDatasets, trainOn } from '../fixtures/artifact-components.ts';

export default pipeline(
  {
    name: 'artifact-types',
    description: 'Every artifact type in and out.',
    inputs: {
      raw: input(Dataset, { description: 'An extra dataset for the second inspection.' }),
      parts: input(Dataset, { list: true, description: 'Datasets to merge.' }),
      seed: z.int().default(7),
    },
    outputs: { trained: output(Model), rows: z.int() },
  },
  (p, s) => {
    const made = s.task(makeEverything, { seed: p.seed });
    const o = made.outputs;
    s.task(inspectEverything, {
      anything: o.model,
      dataset: o.dataset,
      model: o.model,
      metrics: o.metrics,
      confusion: o.confusion,
      sliced: o.sliced,
      page: o.page,
      notes: o.notes,
      report: o.report,
    });
    s.task(inspectEverything, {
      anything: o.report,
      dataset: p.raw,
      model: o.model,
      metrics: o.metrics,
      confusion: o.confusion,
      sliced: o.sliced,
      page: o.page,
      notes: o.notes,
      report: o.report,
      extra: p.raw,
    });
    const merged = s.task(mergeDatasets, { parts: p.parts });
    const trained = s.task(trainOn, { data: merged.outputs.merged, epochs: 3 });
    return { trained: trained.outputs.model, rows: merged.outputs.Output };
  },
);
