import type { ZodType } from 'zod';
import { equalsFilter } from '../filters.ts';
import type { ApiRequest, KfpHttp } from '../http.ts';
import { multipartFile } from '../multipart.ts';
import { Empty, ListPipelinesResponse, ListPipelineVersionsResponse, Pipeline, PipelineVersion } from '../schemas.ts';
import { listQuery, seg, type ListOptions } from './list-query.ts';

/** A pipeline file to upload: its bytes and the file name the server sees. */
export interface UploadFile {
  /** The IR YAML bytes. */
  readonly content: Uint8Array;
  /** The part's filename; must end in .yaml for the server to parse it as YAML. */
  readonly filename: string;
}

/**
 * The v2beta1 PipelineService and the upload endpoints, one typed method per endpoint. Uploads are
 * sent once; `publish.ts` looks before it retries one.
 *
 * @example
 * const versions = await kfp.pipelines.listVersions(pipelineId, { sortBy: 'created_at desc' });
 */
export class PipelineService {
  constructor(private readonly http: KfpHttp) {}

  /** One page of pipelines, newest first unless `sortBy` says otherwise. */
  list(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListPipelinesResponse> {
    return this.http.call({
      operation: 'PipelineService_ListPipelines',
      method: 'GET',
      path: '/apis/v2beta1/pipelines',
      query: { namespace: opts.namespace, ...listQuery(opts) },
      idempotent: true,
      schema: ListPipelinesResponse,
    });
  }

  /** One pipeline, by id. */
  get(pipelineId: string): Promise<Pipeline> {
    return this.http.call({ operation: 'PipelineService_GetPipeline', method: 'GET', path: `/apis/v2beta1/pipelines/${seg(pipelineId)}`, idempotent: true, schema: Pipeline });
  }

  /** Exact-name lookup (`name` is unique per namespace); undefined when there is none. */
  async findByName(name: string, namespace?: string): Promise<Pipeline | undefined> {
    const res = await this.list({ filter: equalsFilter('name', name), pageSize: 2, ...(namespace !== undefined ? { namespace } : {}) });
    return (res.pipelines ?? []).find((p) => p.name === name);
  }

  /** Creates a pipeline with no version (the first version then comes from `uploadVersion`). */
  create(pipeline: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    return this.http.call({ operation: 'PipelineService_CreatePipeline', method: 'POST', path: '/apis/v2beta1/pipelines', json: pipeline, idempotent: false, schema: Pipeline });
  }

  /**
   * Deletes the pipeline. The server refuses (400) while it has versions unless `cascade` deletes
   * them too. Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`).
   */
  async delete(pipelineId: string, opts: { readonly cascade?: boolean } = {}): Promise<void> {
    await this.http.call({
      operation: 'PipelineService_DeletePipeline',
      method: 'DELETE',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}`,
      query: { cascade: opts.cascade === true ? true : undefined },
      idempotent: false,
      schema: Empty,
    });
  }

  /** One page of a pipeline's versions. */
  listVersions(pipelineId: string, opts: ListOptions = {}): Promise<ListPipelineVersionsResponse> {
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
  async findVersionByName(pipelineId: string, name: string): Promise<PipelineVersion | undefined> {
    const res = await this.listVersions(pipelineId, { filter: equalsFilter('name', name), pageSize: 2 });
    return (res.pipeline_versions ?? []).find((v) => v.name === name);
  }

  /** One pipeline version, by pipeline and version id. */
  getVersion(pipelineId: string, versionId: string): Promise<PipelineVersion> {
    return this.http.call({
      operation: 'PipelineService_GetPipelineVersion',
      method: 'GET',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}/versions/${seg(versionId)}`,
      idempotent: true,
      schema: PipelineVersion,
    });
  }

  /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
  async deleteVersion(pipelineId: string, versionId: string): Promise<void> {
    await this.http.call({
      operation: 'PipelineService_DeletePipelineVersion',
      method: 'DELETE',
      path: `/apis/v2beta1/pipelines/${seg(pipelineId)}/versions/${seg(versionId)}`,
      idempotent: false,
      schema: Empty,
    });
  }

  /** POST /apis/v2beta1/pipelines/upload: a new pipeline and its first version (named like the pipeline). */
  upload(file: UploadFile, query: { readonly name: string; readonly display_name?: string; readonly description?: string; readonly namespace?: string }): Promise<Pipeline> {
    return this.sendFile('UploadPipeline', '/apis/v2beta1/pipelines/upload', file, query, Pipeline);
  }

  /** POST /apis/v2beta1/pipelines/upload_version: a new version of an existing pipeline. */
  uploadVersion(file: UploadFile, query: { readonly pipelineid: string; readonly name: string; readonly display_name?: string; readonly description?: string }): Promise<PipelineVersion> {
    return this.sendFile('UploadPipelineVersion', '/apis/v2beta1/pipelines/upload_version', file, query, PipelineVersion);
  }

  /** The upload endpoints take the file as the multipart part `uploadfile` (as kfp's client sends it), the rest as query parameters; sent once. */
  private sendFile<T>(operation: string, path: string, file: UploadFile, query: ApiRequest<T>['query'], schema: ZodType<T>): Promise<T> {
    const mp = multipartFile('uploadfile', file.filename, file.content);
    return this.http.call({ operation, method: 'POST', path, query, rawBody: { bytes: mp.body, contentType: mp.contentType }, idempotent: false, schema });
  }
}
