import { KfpHttp, type ClientOptions } from './http.ts';
import { Healthz, type Experiment, type ListExperimentsResponse, type ListPipelinesResponse, type ListPipelineVersionsResponse, type ListRunsResponse, type Pipeline, type PipelineVersion, type Run } from './schemas.ts';
import { ExperimentService, type CreateExperimentRequest } from './services/experiment-service.ts';
import type { ListOptions } from './services/list-query.ts';
import { PipelineService, type UploadFile } from './services/pipeline-service.ts';
import { RecurringRunService } from './services/recurring-run-service.ts';
import { RunService, type CreateRunRequest } from './services/run-service.ts';

export type { ListOptions } from './services/list-query.ts';
export type { UploadFile } from './services/pipeline-service.ts';
export type { CreateRunRequest } from './services/run-service.ts';
export type { CreateRecurringRunRequest, TriggerRequest } from './services/recurring-run-service.ts';
export type { CreateExperimentRequest } from './services/experiment-service.ts';

/**
 * The KFP v2beta1 API: one service per resource (`experiments`, `pipelines`, `runs`,
 * `recurringRuns`), each call typed by the zod schemas in `schemas.ts`. Reads and state changes are
 * marked idempotent (retried on connection errors and 502/503/504); creates, deletes and retries
 * are sent once — the workflows in `publish.ts`, `experiments.ts`, `runs.ts`, `recurring-runs.ts`
 * and `delete-confirmed.ts` look before they send one again.
 *
 * @example
 * const kfp = new KfpClient({ host: 'http://localhost:8080' });
 * const { pipelines } = await kfp.pipelines.list({ pageSize: 20 });
 * await kfp.experiments.archive(experimentId);
 */
export class KfpClient {
  readonly http: KfpHttp;
  readonly experiments: ExperimentService;
  readonly pipelines: PipelineService;
  readonly runs: RunService;
  readonly recurringRuns: RecurringRunService;

  constructor(options: ClientOptions) {
    this.http = new KfpHttp(options);
    this.experiments = new ExperimentService(this.http);
    this.pipelines = new PipelineService(this.http);
    this.runs = new RunService(this.http);
    this.recurringRuns = new RecurringRunService(this.http);
  }

  /** `GET /apis/v2beta1/healthz`: the server's health and version. */
  healthz(): Promise<Healthz> {
    return this.http.call({ operation: 'HealthzService_GetHealthz', method: 'GET', path: '/apis/v2beta1/healthz', idempotent: true, schema: Healthz });
  }

  // Shorthands for the services' calls, kept for the callers written before the services.

  /** Shorthand for `kfp.pipelines.list(…)`. */
  listPipelines(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListPipelinesResponse> {
    return this.pipelines.list(opts);
  }

  /** Shorthand for `kfp.pipelines.get(…)`. */
  getPipeline(pipelineId: string): Promise<Pipeline> {
    return this.pipelines.get(pipelineId);
  }

  /** Shorthand for `kfp.pipelines.findByName(…)`. */
  findPipelineByName(name: string, namespace?: string): Promise<Pipeline | undefined> {
    return this.pipelines.findByName(name, namespace);
  }

  /** Shorthand for `kfp.pipelines.create(…)`. */
  createPipeline(pipeline: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    return this.pipelines.create(pipeline);
  }

  /** Shorthand for `kfp.pipelines.listVersions(…)`. */
  listPipelineVersions(pipelineId: string, opts: ListOptions = {}): Promise<ListPipelineVersionsResponse> {
    return this.pipelines.listVersions(pipelineId, opts);
  }

  /** Shorthand for `kfp.pipelines.findVersionByName(…)`. */
  findPipelineVersionByName(pipelineId: string, name: string): Promise<PipelineVersion | undefined> {
    return this.pipelines.findVersionByName(pipelineId, name);
  }

  /** Shorthand for `kfp.pipelines.getVersion(…)`. */
  getPipelineVersion(pipelineId: string, versionId: string): Promise<PipelineVersion> {
    return this.pipelines.getVersion(pipelineId, versionId);
  }

  /** Shorthand for `kfp.pipelines.upload(…)`. */
  uploadPipeline(file: UploadFile, query: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    return this.pipelines.upload(file, query);
  }

  /** Shorthand for `kfp.pipelines.uploadVersion(…)`. */
  uploadPipelineVersion(file: UploadFile, query: { readonly pipelineid: string; readonly name: string; readonly display_name?: string; readonly description?: string }): Promise<PipelineVersion> {
    return this.pipelines.uploadVersion(file, query);
  }

  /** Shorthand for `kfp.experiments.list(…)`. */
  listExperiments(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListExperimentsResponse> {
    return this.experiments.list(opts);
  }

  /** Shorthand for `kfp.experiments.get(…)`. */
  getExperiment(experimentId: string): Promise<Experiment> {
    return this.experiments.get(experimentId);
  }

  /** Shorthand for `kfp.experiments.findByName(…)`. */
  findExperimentByName(name: string, namespace?: string): Promise<Experiment | undefined> {
    return this.experiments.findByName(name, namespace);
  }

  /** Shorthand for `kfp.experiments.create(…)`. */
  createExperiment(experiment: CreateExperimentRequest): Promise<Experiment> {
    return this.experiments.create(experiment);
  }

  /** Shorthand for `kfp.runs.create(…)`. */
  createRun(run: CreateRunRequest): Promise<Run> {
    return this.runs.create(run);
  }

  /** Shorthand for `kfp.runs.get(…)`. */
  getRun(runId: string): Promise<Run> {
    return this.runs.get(runId);
  }

  /** Shorthand for `kfp.runs.list(…)`. */
  listRuns(opts: ListOptions & { readonly namespace?: string; readonly experimentId?: string } = {}): Promise<ListRunsResponse> {
    return this.runs.list(opts);
  }

  /** Shorthand for `kfp.runs.terminate(…)`. */
  terminateRun(runId: string): Promise<void> {
    return this.runs.terminate(runId);
  }
}
