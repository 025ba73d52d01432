/**
 * Components `kfp-ts codegen` generated — from kfp v1 component files (tests/cross/fixtures/generated/)
 * and from the seed components' Python files (src/components/), all checked fresh by tests/codegen —
 * are typed exactly as hand-written ones: each `@ts-expect-error` sits on the one line that must fail
 * to type-check, so every case can fail.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Model, containerComponent, output, pipeline, type ArtifactChannel, type ParameterChannel } from '../../src/index.ts';
import { catboostTrainClassifier } from '../cross/fixtures/generated/catboost-train-classifier.ts';
import { chicagoTaxiTripsDataset } from '../cross/fixtures/generated/chicago-taxi-trips.ts';
import { serveAModelWithKserve } from '../cross/fixtures/generated/kserve.ts';
import { modelUpload } from '../cross/fixtures/generated/vertex-model-upload.ts';
import { consumePaths, produce } from '../cross/fixtures/generated/annotations.ts';
import { checkAndAlert, ingestData, trainModel, validateData } from '../../src/components/index.ts';

const makeModel = containerComponent({
  name: 'make_model',
  outputs: { model: output(Model) },
  implementation: ({ outputs }) => ({ image: 'alpine', command: ['touch', outputs.model.path] }),
});

describe('generated component modules', () => {
  it('type their inputs and outputs from the component file', () => {
    pipeline({ name: 'p' }, (_p, s) => {
      const data = s.task(chicagoTaxiTripsDataset, { limit: 5 });
      expectTypeOf(data.outputs.table).toEqualTypeOf<ArtifactChannel<'system.Artifact', false>>();
      const serve = s.task(serveAModelWithKserve, { enable_istio_sidecar: false });
      expectTypeOf(serve.outputs.inferenceservice_status).toEqualTypeOf<ParameterChannel<string>>();
      s.task(catboostTrainClassifier, { training_data: data.outputs.table, cat_features: [1, 'x'], additional_training_options: { seed: 1 } });
    });
  });

  it('make miswiring a TypeScript error', () => {
    pipeline({ name: 'p' }, (_p, s) => {
      const data = s.task(chicagoTaxiTripsDataset, {});
      const made = s.task(makeModel, {});
      // @ts-expect-error a misspelt input name
      s.task(chicagoTaxiTripsDataset, { limt: 5 });
      // @ts-expect-error a string into an Integer input
      s.task(chicagoTaxiTripsDataset, { limit: '5' });
      // @ts-expect-error the required CSV input is missing
      s.task(catboostTrainClassifier, { depth: 4 });
      // @ts-expect-error an artifact into an Integer input
      s.task(catboostTrainClassifier, { training_data: data.outputs.table, depth: data.outputs.table });
      // @ts-expect-error a String output into a Bool input
      s.task(serveAModelWithKserve, { enable_istio_sidecar: s.task(serveAModelWithKserve, {}).outputs.inferenceservice_status });
      // @ts-expect-error a system.Model where a google.VertexModel is expected
      s.task(modelUpload, { project: 'p', display_name: 'd', parent_model: made.outputs.model });
      // @ts-expect-error an output the file does not declare
      void data.outputs.tabel;
    });
  });

  it('from Python files: the seed components and every annotation form', () => {
    pipeline({ name: 'p' }, (_p, s) => {
      const raw = s.task(ingestData, { source_path: 's3://bucket/train.csv' });
      const valid = s.task(validateData, { input_data: raw.outputs.output_data, min_rows: 10 });
      const train = s.task(trainModel, { training_data: valid.outputs.validated_data, experiment_name: 'e', n_estimators: 50 });
      expectTypeOf(train.outputs.metrics).toEqualTypeOf<ArtifactChannel<'system.Metrics', false>>();
      s.task(checkAndAlert, { metrics: train.outputs.metrics, slack_webhook_url: 'https://hooks.example.com/x' });
      // @ts-expect-error n_estimators is an int, not a string
      s.task(trainModel, { training_data: valid.outputs.validated_data, experiment_name: 'e', n_estimators: '50' });
      // @ts-expect-error a Model where the Metrics input is
      s.task(checkAndAlert, { metrics: train.outputs.model_output, slack_webhook_url: 'x' });
      // @ts-expect-error experiment_name is required
      s.task(trainModel, { training_data: valid.outputs.validated_data });
      const made = s.task(produce, { message: 'm' });
      // InputPath(str) takes a string parameter, InputPath('Dataset') a Dataset.
      s.task(consumePaths, {
        text: made.outputs.text,
        numbers: made.outputs.numbers,
        data: made.outputs.data,
        blob: made.outputs.blob,
        csv: made.outputs.table,
        count: made.outputs.total,
        table: made.outputs.table,
      });
      // @ts-expect-error an OutputPath(bool) value into an InputPath(str) input
      s.task(consumePaths, { text: made.outputs.flag, numbers: [1], data: made.outputs.data, blob: made.outputs.blob, csv: made.outputs.table, count: 1, table: made.outputs.table });
    });
  });
});
