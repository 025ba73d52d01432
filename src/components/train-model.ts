import * as z from 'zod';
import { Dataset, Metrics, Model } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { input, output } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';

/** Trains a random forest or gradient boosting classifier, tracked in MLflow, with KFP metrics. */
export const trainModel = pythonComponent({
  name: 'train_model',
  source: new URL('./train_model.py', import.meta.url),
  baseImage: BASE_IMAGE,
  // The body imports numpy, joblib and skops itself: pinned, not left to pip's resolver.
  packagesToInstall: [
    PACKAGES.pandas,
    PACKAGES.pyarrow,
    PACKAGES.sklearn,
    PACKAGES.mlflow,
    PACKAGES.boto3,
    PACKAGES.numpy,
    PACKAGES.scipy,
    PACKAGES.joblib,
    PACKAGES.skops,
  ],
  inputs: {
    training_data: input(Dataset),
    experiment_name: z.string(),
    mlflow_tracking_uri: z.string().default(''),
    model_type: z.string().default('random_forest'),
    n_estimators: z.int().default(100),
    max_depth: z.int().default(10),
    learning_rate: z.number().default(0.1),
    target_column: z.string().default('target'),
  },
  outputs: { model_output: output(Model), metrics: output(Metrics) },
});
