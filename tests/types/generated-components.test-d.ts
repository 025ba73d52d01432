/**
 * Components `kfp-ts codegen` generated from kfp v1 component files (tests/cross/fixtures/generated/,
 * checked fresh by tests/codegen) are typed exactly as hand-written ones: each `@ts-expect-error`
 * sits on the one line that must fail to type-check, so every case can fail.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Model, containerComponent, output, pipeline, type ArtifactChannel, type ParameterChannel } from '../../src/index.ts';
import { catboostTrainClassifier } from '../cross/fixtures/generated/catboost-train-classifier.ts';
import { chicagoTaxiTripsDataset } from '../cross/fixtures/generated/chicago-taxi-trips.ts';
import { serveAModelWithKserve } from '../cross/fixtures/generated/kserve.ts';
import { modelUpload } from '../cross/fixtures/generated/vertex-model-upload.ts';

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
});
