import type { KfpHttp } from '../http.ts';
import { ListRecurringRunsResponse, RecurringRun } from '../schemas.ts';
import { resourceCalls, type ScopedListOptions } from './resource-calls.ts';
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
  private readonly calls: ReturnType<typeof resourceCalls>;

  constructor(http: KfpHttp) {
    this.calls = resourceCalls(http, { service: 'RecurringRunService', resource: 'RecurringRun', collection: 'recurringruns' });
  }

  /** Creates a recurring run; sent once (never retried blindly: see the workflows that look before sending again). */
  create(recurringRun: CreateRecurringRunRequest): Promise<RecurringRun> {
    return this.calls.create(recurringRun, RecurringRun);
  }

  /** One recurring run, by id. */
  get(recurringRunId: string): Promise<RecurringRun> {
    return this.calls.get(recurringRunId, RecurringRun);
  }

  /** One page of recurring runs, newest first unless `sortBy` says otherwise. */
  list(opts: ScopedListOptions = {}): Promise<ListRecurringRunsResponse> {
    return this.calls.list(opts, ListRecurringRunsResponse);
  }

  /** Enables the recurring run: it starts runs on its trigger again. */
  enable(recurringRunId: string): Promise<void> {
    return this.calls.action('Enable', recurringRunId, true);
  }

  /** Disables the recurring run: it starts no runs until enabled. */
  disable(recurringRunId: string): Promise<void> {
    return this.calls.action('Disable', recurringRunId, true);
  }

  /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
  delete(recurringRunId: string): Promise<void> {
    return this.calls.delete(recurringRunId);
  }
}
