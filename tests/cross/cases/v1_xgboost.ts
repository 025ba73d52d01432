/**
 * kfp v1 components of the public collection (XGBoost train/predict, the Chicago Taxi dataset,
 * Calculate hash), loaded from their component.yaml files: `if`/`isPresent` arguments, inputPath
 * and outputPath, defaults written as text (`'0.3'` for a Float), optional inputs, untyped and
 * v1-only types (CSV, XGBoostModel) as system.Artifact, names with spaces sanitized. The files
 * are typed by declarations the loader checks against them.
 */
import { Artifact, input, loadComponentFromFile, output, pipeline, z } from '../../../src/index.ts';
import { v1File } from '../fixtures/v1-components.ts';

const chicagoTaxiTrips = loadComponentFromFile(v1File('chicago_taxi_trips'), {
  inputs: {
    where: z.string().default('trip_start_timestamp>="1900-01-01" AND trip_start_timestamp<"2100-01-01"'),
    limit: z.int().default(1000),
    select: z.string().optional(),
    format: z.string().default('csv'),
  },
  outputs: { table: output(Artifact) },
});
const xgboostTrain = loadComponentFromFile(v1File('xgboost_train'), {
  inputs: {
    training_data: input(Artifact),
    starting_model: input(Artifact, { optional: true }),
    label_column: z.int().default(0),
    num_iterations: z.int().default(10),
    booster_params: z.record(z.string(), z.unknown()).optional(),
    objective: z.string().default('reg:squarederror'),
    booster: z.string().default('gbtree'),
    learning_rate: z.number().default(0.3),
    min_split_loss: z.number().default(0),
    max_depth: z.int().default(6),
  },
  outputs: { model: output(Artifact), model_config: output(Artifact) },
});
const xgboostPredict = loadComponentFromFile(v1File('xgboost_predict'), {
  inputs: { data: input(Artifact), model: input(Artifact), label_column: z.int().optional() },
  outputs: { predictions: output(Artifact) },
});
const calculateHash = loadComponentFromFile(v1File('calculate_hash'), {
  inputs: { data: input(Artifact), hash_algorithm: z.string().default('SHA256') },
  outputs: { hash: output(Artifact) },
});

export default pipeline(
  {
    name: 'v1-xgboost',
    description: 'Chicago taxi tips with the XGBoost v1 components',
    inputs: { limit: z.int().default(1000), num_iterations: z.int().default(10), label_column: z.int().default(0) },
  },
  (p, s) => {
    const data = s.task(chicagoTaxiTrips, {
      where: 'trip_start_timestamp >= "2019-01-01" AND trip_start_timestamp < "2019-02-01"',
      limit: p.limit,
      select: 'tips,trip_seconds,trip_miles,pickup_community_area,dropoff_community_area,fare,tolls,extras,trip_total',
    });
    const model = s
      .task(xgboostTrain, {
        training_data: data.outputs.table,
        label_column: p.label_column,
        num_iterations: p.num_iterations,
        booster_params: { max_depth: 4 },
        learning_rate: 0.1,
      })
      .withResources({ cpuLimit: '2' });
    const predictions = s.task(xgboostPredict, { data: data.outputs.table, model: model.outputs.model, label_column: p.label_column });
    s.task(calculateHash, { data: predictions.outputs.predictions });
    s.task(calculateHash, { data: model.outputs.model_config, hash_algorithm: 'MD5' });
  },
);
