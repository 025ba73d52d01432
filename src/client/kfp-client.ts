import { KfpHttp, type ClientOptions } from './http.ts';
import { equalsFilter } from './filters.ts';
import { multipartFile } from './multipart.ts';
import {
  Empty,
  Experiment,
  Healthz,
  ListExperimentsResponse,
  ListPipelinesResponse,
  ListPipelineVersionsResponse,
  ListRunsResponse,
  Pipeline,
  PipelineVersion,
  Run,
} from './schemas.ts';

/** Paging and sorting of a list call. */
export interface ListOptions {
  readonly pageSize?: number;
  readonly pageToken?: string;
  /** `created_at desc`, `display_name` … */
  readonly sortBy?: string;
  /** An already-encoded filter from `filters.ts`. */
  readonly filter?: string;
}

/** A pipeline file to upload: its bytes and the file name the server sees. */
export interface UploadFile {
  /** The IR YAML bytes. */
  readonly content: Uint8Array;
  /** The part's filename; must end in .yaml for the server to parse it as YAML. */
  readonly filename: string;
}

/** A run to create: the experiment, a name, the pipeline (inline spec or an uploaded version) and its parameters. */
export interface CreateRunRequest {
  readonly display_name: string;
  readonly description?: string;
  readonly experiment_id?: string;
  /** Inline IR: the pipeline spec, or `{pipeline_spec, platform_spec}` when the file has a platform document. */
  readonly pipeline_spec?: Record<string, unknown>;
  readonly pipeline_version_reference?: { readonly pipeline_id: string; readonly pipeline_version_id?: string };
  readonly runtime_config?: { readonly parameters?: Record<string, unknown>; readonly pipeline_root?: string };
  readonly service_account?: string;
}

/**
 * One method per v2beta1 endpoint, typed by the zod schemas in `schemas.ts`. Reads are marked
 * idempotent (retried on connection errors and 502/503/504); creates are not — the workflows in
 * `upload.ts`, `experiments.ts` and `runs.ts` look before they retry a create.
 *
 * @example
 * const kfp = new KfpClient({ host: 'http://localhost:8080' });
 * const { pipelines } = await kfp.listPipelines({ pageSize: 20 });
 */
export class KfpClient {
  readonly http: KfpHttp;

  constructor(options: ClientOptions) {
    this.http = new KfpHttp(options);
  }

  /** `GET /apis/v2beta1/healthz`: the server's health and version. */
  healthz(): Promise<Healthz> {
    return this.http.call({ operation: 'HealthzService_GetHealthz', method: 'GET', path: '/apis/v2beta1/healthz', idempotent: true, schema: Healthz });
  }

  // Pipelines ---------------------------------------------------------------------------------

  /** `GET /apis/v2beta1/pipelines`: one page of pipelines. */
  listPipelines(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListPipelinesResponse> {
    return this.http.call({
      operation: 'PipelineService_ListPipelines',
      method: 'GET',
      path: '/apis/v2beta1/pipelines',
      query: { namespace: opts.namespace, ...listQuery(opts) },
      idempotent: true,
      schema: ListPipelinesResponse,
    });
  }

  /** `GET /apis/v2beta1/pipelines/{id}`. */
  getPipeline(pipelineId: string): Promise<Pipeline> {
    return this.http.call({
      operation: 'PipelineService_GetPipeline',
      method: 'GET',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}`,
      idempotent: true,
      schema: Pipeline,
    });
  }

  /** Exact-name lookup (`name` is unique per namespace); undefined when there is none. */
  async findPipelineByName(name: string, namespace?: string): Promise<Pipeline | undefined> {
    const res = await this.listPipelines({ filter: equalsFilter('name', name), pageSize: 2, ...(namespace !== undefined ? { namespace } : {}) });
    return (res.pipelines ?? []).find((p) => p.name === name);
  }

  /** Creates a pipeline with no version (the first version then comes from `uploadPipelineVersion`). */
  createPipeline(pipeline: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    return this.http.call({
      operation: 'PipelineService_CreatePipeline',
      method: 'POST',
      path: '/apis/v2beta1/pipelines',
      json: pipeline,
      idempotent: false,
      schema: Pipeline,
    });
  }

  /** `GET /apis/v2beta1/pipelines/{id}/versions`: one page of a pipeline's versions. */
  listPipelineVersions(pipelineId: string, opts: ListOptions = {}): Promise<ListPipelineVersionsResponse> {
    return this.http.call({
      operation: 'PipelineService_ListPipelineVersions',
      method: 'GET',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}/versions`,
      query: listQuery(opts),
      idempotent: true,
      schema: ListPipelineVersionsResponse,
    });
  }

  /** The version of a pipeline with this name, if there is one. */
  async findPipelineVersionByName(pipelineId: string, name: string): Promise<PipelineVersion | undefined> {
    const res = await this.listPipelineVersions(pipelineId, { filter: equalsFilter('name', name), pageSize: 2 });
    return (res.pipeline_versions ?? []).find((v) => v.name === name);
  }

  /** `GET /apis/v2beta1/pipelines/{id}/versions/{versionId}`. */
  getPipelineVersion(pipelineId: string, versionId: string): Promise<PipelineVersion> {
    return this.http.call({
      operation: 'PipelineService_GetPipelineVersion',
      method: 'GET',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}/versions/${seg(versionId)}`,
      idempotent: true,
      schema: PipelineVersion,
    });
  }

  /** POST /apis/v2beta1/pipelines/upload: a new pipeline and its first version (named like the pipeline). */
  uploadPipeline(file: UploadFile, query: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    const mp = multipartFile('uploadfile', file.filename, file.content);
    return this.http.call({
      operation: 'UploadPipeline',
      method: 'POST',
      path: '/apis/v2beta1/pipelines/upload',
      query,
      rawBody: { bytes: mp.body, contentType: mp.contentType },
      idempotent: false,
      schema: Pipeline,
    });
  }

  /** POST /apis/v2beta1/pipelines/upload_version: a new version of an existing pipeline. */
  uploadPipelineVersion(file: UploadFile, query: { readonly pipelineid: string; readonly name: string; readonly display_name?: string; readonly description?: string }): Promise<PipelineVersion> {
    const mp = multipartFile('uploadfile', file.filename, file.content);
    return this.http.call({
      operation: 'UploadPipelineVersion',
      method: 'POST',
      path: '/apis/v2beta1/pipelines/upload_version',
      query,
      rawBody: { bytes: mp.body, contentType: mp.contentType },
      idempotent: false,
      schema: PipelineVersion,
    });
  }

  // Experiments -------------------------------------------------------------------------------

  /** `GET /apis/v2beta1/experiments`: one page of experiments. */
  listExperiments(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListExperimentsResponse> {
    return this.http.call({
      operation: 'ExperimentService_ListExperiments',
      method: 'GET',
      path: '/apis/v2beta1/experiments',
      query: { namespace: opts.namespace, ...listQuery(opts) },
      idempotent: true,
      schema: ListExperimentsResponse,
    });
  }

  /** `GET /apis/v2beta1/experiments/{id}`. */
  getExperiment(experimentId: string): Promise<Experiment> {
    return this.http.call({
      operation: 'ExperimentService_GetExperiment',
      method: 'GET',
      path: `/apis/v2beta1/experiments/${seg(experimentId)}`,
      idempotent: true,
      schema: Experiment,
    });
  }

  /** The experiment with this display name (in the namespace), if there is one. */
  async findExperimentByName(name: string, namespace?: string): Promise<Experiment | undefined> {
    const res = await this.listExperiments({ filter: equalsFilter('display_name', name), pageSize: 2, ...(namespace !== undefined ? { namespace } : {}) });
    return (res.experiments ?? []).find((e) => e.display_name === name);
  }

  /** `POST /apis/v2beta1/experiments`: creates an experiment (never retried blindly). */
  createExperiment(experiment: { readonly display_name: string; readonly description?: string; readonly namespace?: string }): Promise<Experiment> {
    return this.http.call({
      operation: 'ExperimentService_CreateExperiment',
      method: 'POST',
      path: '/apis/v2beta1/experiments',
      json: experiment,
      idempotent: false,
      schema: Experiment,
    });
  }

  // Runs --------------------------------------------------------------------------------------

  /** `POST /apis/v2beta1/runs`: creates a run (never retried blindly). */
  createRun(run: CreateRunRequest): Promise<Run> {
    return this.http.call({
      operation: 'RunService_CreateRun',
      method: 'POST',
      path: '/apis/v2beta1/runs',
      json: run,
      idempotent: false,
      schema: Run,
    });
  }

  /** `GET /apis/v2beta1/runs/{id}`: the run with its task details. */
  getRun(runId: string): Promise<Run> {
    return this.http.call({ operation: 'RunService_GetRun', method: 'GET', path: `/apis/v2beta1/runs/${seg(runId)}`, idempotent: true, schema: Run });
  }

  /** `GET /apis/v2beta1/runs`: one page of runs, of an experiment when given. */
  listRuns(opts: ListOptions & { readonly namespace?: string; readonly experimentId?: string } = {}): Promise<ListRunsResponse> {
    return this.http.call({
      operation: 'RunService_ListRuns',
      method: 'GET',
      path: '/apis/v2beta1/runs',
      query: { namespace: opts.namespace, experiment_id: opts.experimentId, ...listQuery(opts) },
      idempotent: true,
      schema: ListRunsResponse,
    });
  }

  /** `POST /apis/v2beta1/runs/{id}:terminate`. */
  terminateRun(runId: string): Promise<unknown> {
    return this.http.call({ operation: 'RunService_TerminateRun', method: 'POST', path: `/apis/v2beta1/runs/${seg(runId)}:terminate`, idempotent: true, schema: Empty });
  }
}

function listQuery(opts: ListOptions): Record<string, string | number | undefined> {
  return { page_size: opts.pageSize, page_token: opts.pageToken, sort_by: opts.sortBy, filter: opts.filter };
}

/** A path segment; ids are UUIDs, but names never go into paths unescaped. */
function seg(s: string): string {
  return encodeURIComponent(s);
}
