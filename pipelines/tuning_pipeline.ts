/**
 * Hyperparameter tuning: ingest → validate → Optuna search (each trial a nested MLflow run) →
 * comparison report of the tuning experiment.
 *
 *   npx kfp-ts compile pipelines/tuning_pipeline.ts -o tuning_pipeline.yaml
 */
import * as z from 'zod';
import { pipeline, str } from '../src/index.ts';
import { generateComparisonReport, hyperparameterSearch, ingestData, validateData } from '../src/components/index.ts';
import { withMinioCredentials } from './minio.ts';

export default pipeline(
  {
    name: 'ml-hyperparameter-tuning',
    description: 'Search hyperparameters with Optuna, tracked in MLflow',
    inputs: {
      training_data_path: z.string(),
      experiment_name: z.string(),
      n_trials: z.int().default(50),
      metric_to_optimize: z.string().default('f1'),
      mlflow_tracking_uri: z.string().default('http://mlflow.kubeflow.svc:5000'),
    },
  },
  (p, s) => {
    // Caching as in monitoring_pipeline.ts: ingest and the report (which reads MLflow) run every time.
    const ingest = withMinioCredentials(s.task(ingestData, { source_path: p.training_data_path }).withCaching(false));
    const validated = s.task(validateData, { input_data: ingest.outputs.output_data });
    const search = withMinioCredentials(
      s.task(hyperparameterSearch, {
        training_data: validated.outputs.validated_data,
        experiment_name: p.experiment_name,
        mlflow_tracking_uri: p.mlflow_tracking_uri,
        n_trials: p.n_trials,
        metric_to_optimize: p.metric_to_optimize,
      }),
    ).withResources({ cpuLimit: '4', memoryLimit: '8Gi' });
    withMinioCredentials(
      s.task(generateComparisonReport, {
        experiment_name: str`${p.experiment_name}-tuning`,
        mlflow_tracking_uri: p.mlflow_tracking_uri,
      }).withCaching(false),
    ).after(search);
  },
);
