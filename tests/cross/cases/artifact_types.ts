/**
 * Every artifact type (system types and a custom schema title) as outputs and inputs; the generic
 * Artifact input taking other types; an optional artifact input; a list of artifacts; pipeline
 * artifact inputs and outputs.
 */
import {
  Artifact,
  ClassificationMetrics,
  Dataset,
  HTML,
  Markdown,
  Metrics,
  Model,
  SlicedClassificationMetrics,
  artifactType,
  input,
  output,
  pipeline,
  pythonComponent,
  z,
} from '../../../src/index.ts';

const source = new URL('../fixtures/artifacts.py', import.meta.url);
const baseImage = 'python:3.12';
const BQTable = artifactType('google.BQTable', '0.1.0', { pythonClass: 'bq_types.BQTable' });

const makeEverything = pythonComponent({
  name: 'make_everything',
  source,
  baseImage,
  inputs: { seed: z.int() },
  outputs: {
    artifact: output(Artifact),
    dataset: output(Dataset),
    model: output(Model),
    metrics: output(Metrics),
    confusion: output(ClassificationMetrics),
    sliced: output(SlicedClassificationMetrics),
    page: output(HTML),
    notes: output(Markdown),
    report: output(BQTable),
  },
});

const inspectEverything = pythonComponent({
  name: 'inspect_everything',
  source,
  baseImage,
  inputs: {
    anything: input(Artifact),
    dataset: input(Dataset),
    model: input(Model),
    metrics: input(Metrics),
    confusion: input(ClassificationMetrics),
    sliced: input(SlicedClassificationMetrics),
    page: input(HTML),
    notes: input(Markdown),
    report: input(BQTable),
    extra: input(Dataset, { optional: true }),
  },
  outputs: { summary: output(Markdown) },
});

const mergeDatasets = pythonComponent({
  name: 'merge_datasets',
  source,
  baseImage,
  inputs: { parts: input(Dataset, { list: true }) },
  outputs: { merged: output(Dataset), Output: z.int() },
});

const trainOn = pythonComponent({
  name: 'train_on',
  source,
  baseImage,
  inputs: { data: input(Dataset), epochs: z.int().default(1) },
  outputs: { model: output(Model) },
});

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
