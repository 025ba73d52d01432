/**
 * The CatBoost v1 components in a ParallelFor over learning rates (a loop item into a Float
 * input), a condition inside the loop, JsonArray and JsonObject inputs (LIST and STRUCT, a
 * JsonObject default written as JSON text), an `if` argument with an `else`.
 */
import { Artifact, gt, input, loadComponentFromFile, output, pipeline, z } from '../../../src/index.ts';
import { v1File } from '../fixtures/v1-components.ts';

const chicagoTaxiTrips = loadComponentFromFile(v1File('chicago_taxi_trips'), {
  inputs: { where: z.string().optional(), limit: z.int().optional(), select: z.string().optional(), format: z.string().optional() },
  outputs: { table: output(Artifact) },
});
const trainClassifier = loadComponentFromFile(v1File('catboost_train_classifier'), {
  inputs: {
    training_data: input(Artifact),
    starting_model: input(Artifact, { optional: true }),
    label_column: z.int().optional(),
    loss_function: z.string().optional(),
    num_iterations: z.int().optional(),
    learning_rate: z.number().optional(),
    depth: z.int().optional(),
    random_seed: z.int().optional(),
    cat_features: z.array(z.unknown()).optional(),
    text_features: z.array(z.unknown()).optional(),
    additional_training_options: z.record(z.string(), z.unknown()).default({}),
  },
  outputs: { model: output(Artifact) },
});
const predictClasses = loadComponentFromFile(v1File('catboost_predict_classes'), {
  inputs: { data: input(Artifact), model: input(Artifact), label_column: z.int().optional() },
  outputs: { predictions: output(Artifact) },
});

export default pipeline({ name: 'v1-catboost', inputs: { rates: z.array(z.number()).default([0.03, 0.1]), depth: z.int().default(6) } }, (p, s) => {
  const data = s.task(chicagoTaxiTrips, { limit: 500, select: 'tips,trip_seconds,trip_miles,fare,payment_type', format: 'csv' });
  s.parallelFor(
    p.rates,
    (rate, s) => {
      const model = s.task(trainClassifier, {
        training_data: data.outputs.table,
        learning_rate: rate,
        depth: p.depth,
        cat_features: [4],
        additional_training_options: { logging_level: 'Silent' },
      });
      s.if(gt(p.depth, 4), (s) => void s.task(predictClasses, { data: data.outputs.table, model: model.outputs.model, label_column: 0 }));
    },
    { parallelism: 2 },
  );
});
