/**
 * The CatBoost v1 components in a ParallelFor over learning rates (a loop item into a Float
 * input), a condition inside the loop, JsonArray and JsonObject inputs (LIST and STRUCT, a
 * JsonObject default written as JSON text), an `if` argument with an `else`. The components are
 * the modules `kfp-ts codegen` wrote for the files (fixtures/generated/).
 */
import { gt, pipeline, z } from '../../../src/index.ts';
import { catboostPredictClasses } from '../fixtures/generated/catboost-predict-classes.ts';
import { catboostTrainClassifier } from '../fixtures/generated/catboost-train-classifier.ts';
import { chicagoTaxiTripsDataset } from '../fixtures/generated/chicago-taxi-trips.ts';

export default pipeline({ name: 'v1-catboost', inputs: { rates: z.array(z.number()).default([0.03, 0.1]), depth: z.int().default(6) } }, (p, s) => {
  const data = s.task(chicagoTaxiTripsDataset, { limit: 500, select: 'tips,trip_seconds,trip_miles,fare,payment_type', format: 'csv' });
  s.parallelFor(
    p.rates,
    (rate, s) => {
      const model = s.task(catboostTrainClassifier, {
        training_data: data.outputs.table,
        learning_rate: rate,
        depth: p.depth,
        cat_features: [4],
        additional_training_options: { logging_level: 'Silent' },
      });
      s.if(gt(p.depth, 4), (s) => void s.task(catboostPredictClasses, { data: data.outputs.table, model: model.outputs.model, label_column: 0 }));
    },
    { parallelism: 2 },
  );
});
