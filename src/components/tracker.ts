/**
 * The `experiment_tracker` Python module (buffered, outage-safe MLflow logging for training loops;
 * see docs/tracker.md). Give it to a Python component as its embedded file and the function can
 * `from experiment_tracker import ExperimentTracker`: kfp's program extracts the embedded file at
 * start-up and puts its directory on `sys.path`, so it reaches the container on any KFP cluster
 * without a custom image or a package index.
 *
 * @example
 * export const fineTune = pythonComponent({
 *   name: 'fine_tune',
 *   source: new URL('./fine_tune.py', import.meta.url),
 *   packagesToInstall: ['mlflow==3.17.2'],
 *   embeddedArtifact: EXPERIMENT_TRACKER_MODULE,
 * });
 */
export const EXPERIMENT_TRACKER_MODULE: URL = new URL('./tracker/experiment_tracker.py', import.meta.url);
