/** Running a compiled pipeline on this machine (`kfp-ts run --local`, src/runner): what is checked before any task starts. */
export const RUNNER_CODES = {
  'runner/not-a-pipeline': 'the document given to run --local has no root DAG: it is not a compiled pipeline',
  'runner/artifact-missing': 'the pipeline takes a required input artifact that no --artifact gives',
  'runner/artifact-unknown': '--artifact names no input artifact of the pipeline',
  'runner/artifact-iterator': 'warning: a loop over a list of artifacts, which runs locally but the KFP backend refuses',
  'runner/retry-on-pipeline': 'warning: a retry policy on a pipeline task, which has no effect',
  'runner/unsupported-executor': 'an executor that is neither a container nor an importer (a resolver or custom job) cannot run locally',
  'runner/no-local-meaning': 'warning: resources, kubernetes settings or time limits that mean nothing on this machine and are ignored',
  'runner/secret-missing': 'a task maps a secret to environment variables and no --secret-env gives it',
  'runner/workspace': 'warning: the workspace is a directory of the run; its size and PVC settings are ignored',
  'runner/container-engine-missing': 'tasks run container images and neither Docker nor Podman answered',
} as const;
