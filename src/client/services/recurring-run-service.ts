import type { KfpHttp } from '../http.ts';
import { Empty, ListRecurringRunsResponse, RecurringRun } from '../schemas.ts';
import { listQuery, seg, type ListOptions } from './list-query.ts';
import type { CreateRunRequest } from './run-service.ts';

/** When a recurring run starts runs: a cron schedule or a fixed interval, each optionally bounded. */
export type TriggerRequest =
  | { readonly cron_schedule: { readonly cron: string; readonly start_time?: string; readonly end_time?: string } }
  | { readonly periodic_schedule: { readonly interval_second: number; readonly start_time?: string; readonly end_time?: string } };

/** What is sent to create a recurring run: what each of its runs is created from, and when. */
export interface CreateRecurringRunRequest extends CreateRunRequest {
  readonly trigger: TriggerRequest;
  /** Runs of this recurring run that may be active at once, 1 to 10 (the server's limits). */
  readonly max_concurrency?: number;
  /** ENABLE starts scheduling now; the server's default is DISABLE. */
  readonly mode: 'ENABLE' | 'DISABLE';
  /** true: after a pause, start only the latest missed run instead of every missed one. */
  readonly no_catchup?: boolean;
}

/**
 * The v2beta1 RecurringRunService (kfp's "recurring runs", the backend's jobs), one typed method
 * per endpoint. `create` is sent once; `recurring-runs.ts` creates without creating twice.
 *
 * @example
 * await kfp.recurringRuns.disable(id);
 * const { status } = await kfp.recurringRuns.get(id); // DISABLED
 */
export class RecurringRunService {
  constructor(private readonly http: KfpHttp) {}

  /** Creates a recurring run; sent once (never retried blindly: see the workflows that look before sending again). */
  create(recurringRun: CreateRecurringRunRequest): Promise<RecurringRun> {
    return this.http.call({ operation: 'RecurringRunService_CreateRecurringRun', method: 'POST', path: '/apis/v2beta1/recurringruns', json: recurringRun, idempotent: false, schema: RecurringRun });
  }

  /** One recurring run, by id. */
  get(recurringRunId: string): Promise<RecurringRun> {
    return this.http.call({ operation: 'RecurringRunService_GetRecurringRun', method: 'GET', path: `/apis/v2beta1/recurringruns/${seg(recurringRunId)}`, idempotent: true, schema: RecurringRun });
  }

  /** One page of recurring runs, newest first unless `sortBy` says otherwise. */
  list(opts: ListOptions & { readonly namespace?: string; readonly experimentId?: string } = {}): Promise<ListRecurringRunsResponse> {
    return this.http.call({
      operation: 'RecurringRunService_ListRecurringRuns',
      method: 'GET',
      path: '/apis/v2beta1/recurringruns',
      query: { namespace: opts.namespace, experiment_id: opts.experimentId, ...listQuery(opts) },
      idempotent: true,
      schema: ListRecurringRunsResponse,
    });
  }

  /** Enables the recurring run: it starts runs on its trigger again. */
  async enable(recurringRunId: string): Promise<void> {
    await this.http.call({ operation: 'RecurringRunService_EnableRecurringRun', method: 'POST', path: `/apis/v2beta1/recurringruns/${seg(recurringRunId)}:enable`, idempotent: true, schema: Empty });
  }

  /** Disables the recurring run: it starts no runs until enabled. */
  async disable(recurringRunId: string): Promise<void> {
    await this.http.call({ operation: 'RecurringRunService_DisableRecurringRun', method: 'POST', path: `/apis/v2beta1/recurringruns/${seg(recurringRunId)}:disable`, idempotent: true, schema: Empty });
  }

  /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
  async delete(recurringRunId: string): Promise<void> {
    await this.http.call({ operation: 'RecurringRunService_DeleteRecurringRun', method: 'DELETE', path: `/apis/v2beta1/recurringruns/${seg(recurringRunId)}`, idempotent: false, schema: Empty });
  }
}
