import type { KfpHttp } from '../http.ts';
import { Empty, ListRunsResponse, Run } from '../schemas.ts';
import { listQuery, seg, type ListOptions } from './list-query.ts';

/** What is sent to create a run; a recurring run is created from the same fields and its schedule. */
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
 * The v2beta1 RunService, one typed method per endpoint. `create` and `retry` are sent once;
 * `runs.ts` submits a run without ever creating it twice.
 *
 * @example
 * await kfp.runs.terminate(runId);
 * const { state } = await kfp.runs.get(runId); // CANCELING
 */
export class RunService {
  constructor(private readonly http: KfpHttp) {}

  /** Creates a run; sent once (never retried blindly: see the workflows that look before sending again). */
  create(run: CreateRunRequest): Promise<Run> {
    return this.http.call({ operation: 'RunService_CreateRun', method: 'POST', path: '/apis/v2beta1/runs', json: run, idempotent: false, schema: Run });
  }

  /** One run, by id. */
  get(runId: string): Promise<Run> {
    return this.http.call({ operation: 'RunService_GetRun', method: 'GET', path: `/apis/v2beta1/runs/${seg(runId)}`, idempotent: true, schema: Run });
  }

  /** One page of runs, newest first unless `sortBy` says otherwise. */
  list(opts: ListOptions & { readonly namespace?: string; readonly experimentId?: string } = {}): Promise<ListRunsResponse> {
    return this.http.call({
      operation: 'RunService_ListRuns',
      method: 'GET',
      path: '/apis/v2beta1/runs',
      query: { namespace: opts.namespace, experiment_id: opts.experimentId, ...listQuery(opts) },
      idempotent: true,
      schema: ListRunsResponse,
    });
  }

  /** Asks Argo to stop the run; the server marks it CANCELING. */
  async terminate(runId: string): Promise<void> {
    await this.op('RunService_TerminateRun', runId, ':terminate', true);
  }

  /**
   * Re-runs the failed steps of a FAILED or ERROR run from the workflow the server kept of it; the
   * server refuses (409) when it has none. Sent once.
   */
  async retry(runId: string): Promise<void> {
    await this.op('RunService_RetryRun', runId, ':retry', false);
  }

  /** Archives the run (the server keeps it, hidden from default lists). */
  async archive(runId: string): Promise<void> {
    await this.op('RunService_ArchiveRun', runId, ':archive', true);
  }

  /** Restores an archived run. */
  async unarchive(runId: string): Promise<void> {
    await this.op('RunService_UnarchiveRun', runId, ':unarchive', true);
  }

  /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
  async delete(runId: string): Promise<void> {
    await this.http.call({ operation: 'RunService_DeleteRun', method: 'DELETE', path: `/apis/v2beta1/runs/${seg(runId)}`, idempotent: false, schema: Empty });
  }

  private op(operation: string, runId: string, verb: string, idempotent: boolean): Promise<unknown> {
    return this.http.call({ operation, method: 'POST', path: `/apis/v2beta1/runs/${seg(runId)}${verb}`, idempotent, schema: Empty });
  }
}
