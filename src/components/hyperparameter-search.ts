import * as z from 'zod';
import { Dataset, Metrics } from '../dsl/artifacts.ts';
import { pythonComponent } from '../dsl/component.ts';
import { input, output } from '../dsl/io.ts';
import { BASE_IMAGE, PACKAGES } from './packages.ts';
import { EXPERIMENT_TRACKER_MODULE } from './tracker.ts';

/**
 * Optuna search over random-forest hyperparameters, each trial a nested MLflow run logged through
 * the embedded `experiment_tracker` module.
 */
export const hyperparameterSearch = pythonComponent({
  name: 'hyperparameter_search',
  source: new URL('./hyperparameter_search.py', import.meta.url),
  baseImage: BASE_IMAGE,
  packagesToInstall: [PACKAGES.pandas, PACKAGES.pyarrow, PACKAGES.sklearn, PACKAGES.mlflow, PACKAGES.optuna],
  embeddedArtifact: EXPERIMENT_TRACKER_MODULE,
  inputs: {
    training_data: input(Dataset),
    experiment_name: z.string(),
    mlflow_tracking_uri: z.string().default(''),
    n_trials: z.int().default(50),
    metric_to_optimize: z.string().default('f1'),
    target_column: z.string().default('target'),
  },
  outputs: { best_params: output(Metrics) },
});
