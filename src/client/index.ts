/**
 * The KFP v2beta1 client: typed calls, auth, timeouts, retries that never duplicate a create, and
 * the workflows the CLI's commands are built on (upload, run, runs, pipelines, experiments,
 * recurring-runs). It never prints and never reads environment variables; callers pass everything
 * as options.
 *
 * @example
 * import { KfpClient, publishPipeline, loadPipelinePackage } from 'kfp-ts/client';
 * const kfp = new KfpClient({ host: 'http://localhost:8080', credentials: { bearer: { kind: 'token-file', path: '/var/run/secrets/kubeflow/pipelines/token', origin: 'in-cluster' } } });
 */
export { KfpClient } from './kfp-client.ts';
export type { CreateExperimentRequest, CreateRecurringRunRequest, CreateRunRequest, ListOptions, TriggerRequest, UploadFile } from './kfp-client.ts';
export { ExperimentService } from './services/experiment-service.ts';
export { PipelineService } from './services/pipeline-service.ts';
export { RunService } from './services/run-service.ts';
export { RecurringRunService } from './services/recurring-run-service.ts';
export type { ScopedListOptions } from './services/resource-calls.ts';
export { KfpHttp, parseHost } from './http.ts';
export type { ApiRequest, ClientOptions, HttpEvent } from './http.ts';
export { KfpError, isKfpError } from './errors.ts';
export type { KfpErrorCode } from './errors.ts';
export type { BearerCredential, CookieCredential, Credentials } from './credentials.ts';
export type { ProxyOptions } from './proxy.ts';
export type { TlsOptions } from './transport.ts';
export type { RetryOptions } from './retry.ts';
export { loadPipelinePackage, runPipelineSpec, MAX_PIPELINE_FILE_BYTES } from './pipeline-file.ts';
export type { LoadResult, PipelinePackage, RootParameterSpec } from './pipeline-file.ts';
export { checkRuntimeParameters, coerceParamString, splitParamArg } from './parameters.ts';
export { publishPipeline, defaultVersionName } from './publish.ts';
export type { PublishRequest, PublishResult, PublishOutcome } from './publish.ts';
export { createExperiment, ensureExperiment, type EnsureExperimentResult } from './experiments.ts';
export { createRecurringRun } from './recurring-runs.ts';
export type { CreateRecurringRunResult } from './recurring-runs.ts';
export { deleteConfirmed, type DeleteConfirmedResult } from './delete-confirmed.ts';
export { submitRun, followRun, visibleTasks, runDurationMs } from './runs.ts';
export type { FollowOptions, RunEvent, SubmitRunRequest, SubmitRunResult, TaskView } from './runs.ts';
export { uiBaseUrl, pipelineVersionLink, runLink, experimentLink } from './ui-links.ts';
/** The API's response shapes as zod schemas, with their inferred types. */
export * as schemas from './schemas.ts';
