// The tuning pipeline itself, so the cross-compile suite covers what users run.
export { default } from '../../../pipelines/tuning_pipeline.ts';
