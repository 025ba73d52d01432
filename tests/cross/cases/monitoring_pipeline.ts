// The seed pipeline itself, so the cross-compile suite covers what users run.
export { default } from '../../../pipelines/monitoring_pipeline.ts';
