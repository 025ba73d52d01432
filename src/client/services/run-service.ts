import type { KfpHttp } from '../http.ts';
import { ListRunsResponse, Run } from '../schemas.ts';
import { resourceCalls, type ScopedListOptions } from './resource-calls.ts';

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
  private readonly calls: ReturnType<typeof resourceCalls>;

  constructor(http: KfpHttp) {
    this.calls = resourceCalls(http, { service: 'RunService', resource: 'Run', collection: 'runs' });
  }

  /** Creates a run; sent once (never retried blindly: see the workflows that look before sending again). */
  create(run: CreateRunRequest): Promise<Run> {
    return this.calls.create(run, Run);
  }

  /** One run, by id. */
  get(runId: string): Promise<Run> {
    return this.calls.get(runId, Run);
  }

  /** One page of runs, newest first unless `sortBy` says otherwise. */
  list(opts: ScopedListOptions = {}): Promise<ListRunsResponse> {
    return this.calls.list(opts, ListRunsResponse);
  }

  /** Asks Argo to stop the run; the server marks it CANCELING. */
  terminate(runId: string): Promise<void> {
    return this.calls.action('Terminate', runId, true);
  }

  /**
   * Re-runs the failed steps of a FAILED or ERROR run from the workflow the server kept of it; the
   * server refuses (409) when it has none. Sent once.
   */
  retry(runId: string): Promise<void> {
    return this.calls.action('Retry', runId, false);
  }

  /** Archives the run (the server keeps it, hidden from default lists). */
  archive(runId: string): Promise<void> {
    return this.calls.action('Archive', runId, true);
  }

  /** Restores an archived run. */
  unarchive(runId: string): Promise<void> {
    return this.calls.action('Unarchive', runId, true);
  }

  /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
  delete(runId: string): Promise<void> {
    return this.calls.delete(runId);
  }
}
