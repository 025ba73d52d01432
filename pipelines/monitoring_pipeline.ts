/**
 * The experiment-monitoring pipeline: ingest → validate → train → report, and a Slack alert when
 * a webhook is configured and the model misses its thresholds.
 *
 *   npx kfp-ts compile pipelines/monitoring_pipeline.ts -o monitoring_pipeline.yaml
 */
import * as z from 'zod';
import { ne, pipeline } from '../src/index.ts';
import { checkAndAlert, generateComparisonReport, ingestData, trainModel, validateData } from '../src/components/index.ts';
import { withMinioCredentials } from './minio.ts';

export default pipeline(
  {
    name: 'ml-experiment-monitoring',
    description: 'Train, track, and monitor ML experiments',
    inputs: {
      training_data_path: z.string(),
      experiment_name: z.string(),
      model_type: z.string().default('random_forest'),
      n_estimators: z.int().default(100),
      slack_webhook: z.string().default(''),
      mlflow_tracking_uri: z.string().default('http://mlflow.kubeflow.svc:5000'),
      f1_threshold: z.number().default(0.85),
      accuracy_threshold: z.number().default(0.9),
    },
  },
  (p, s) => {
    // Caching (README, "Caching in the seed pipelines"): tasks whose result depends on more than
    // their inputs run every time — ingest (the file at the path can change), the report (reads
    // the experiment's runs in MLflow), the alert (its result is a Slack message). The others are
    // keyed on ingest's fresh artifact, so they rerun whenever the data is read again.
    const ingest = withMinioCredentials(s.task(ingestData, { source_path: p.training_data_path }).withCaching(false));
    const validated = s.task(validateData, { input_data: ingest.outputs.output_data });
    const train = withMinioCredentials(
      s.task(trainModel, {
        training_data: validated.outputs.validated_data,
        experiment_name: p.experiment_name,
        mlflow_tracking_uri: p.mlflow_tracking_uri,
        model_type: p.model_type,
        n_estimators: p.n_estimators,
      }),
    ).withResources({ cpuLimit: '4', memoryLimit: '8Gi' });
    withMinioCredentials(
      s.task(generateComparisonReport, { experiment_name: p.experiment_name, mlflow_tracking_uri: p.mlflow_tracking_uri }).withCaching(false),
    ).after(train);
    s.if(ne(p.slack_webhook, ''), (s) => {
      s.task(checkAndAlert, {
        metrics: train.outputs.metrics,
        slack_webhook_url: p.slack_webhook,
        f1_threshold: p.f1_threshold,
        accuracy_threshold: p.accuracy_threshold,
      }).withCaching(false);
    });
  },
);
