export { ingestData } from './ingest-data.ts';
export { validateData } from './validate-data.ts';
export { trainModel } from './train-model.ts';
export { hyperparameterSearch } from './hyperparameter-search.ts';
export { generateComparisonReport } from './generate-comparison-report.ts';
export { checkAndAlert } from './check-and-alert.ts';
export { EXPERIMENT_TRACKER_MODULE } from './tracker.ts';
