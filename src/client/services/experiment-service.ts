import { equalsFilter } from '../filters.ts';
import type { KfpHttp } from '../http.ts';
import { Empty, Experiment, ListExperimentsResponse } from '../schemas.ts';
import { listQuery, seg, type ListOptions } from './list-query.ts';

/** What is sent to create a experiment. */
export interface CreateExperimentRequest {
  readonly display_name: string;
  readonly description?: string;
  readonly namespace?: string;
}

/**
 * The v2beta1 ExperimentService, one typed method per endpoint. Creates are sent once; see
 * `experiments.ts` for create workflows that look before they retry.
 *
 * @example
 * const { experiments } = await kfp.experiments.list({ pageSize: 20 });
 * await kfp.experiments.archive(experiments![0]!.experiment_id);
 */
export class ExperimentService {
  constructor(private readonly http: KfpHttp) {}

  /** One page of experiments, newest first unless `sortBy` says otherwise. */
  list(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListExperimentsResponse> {
    return this.http.call({
      operation: 'ExperimentService_ListExperiments',
      method: 'GET',
      path: '/apis/v2beta1/experiments',
      query: { namespace: opts.namespace, ...listQuery(opts) },
      idempotent: true,
      schema: ListExperimentsResponse,
    });
  }

  /** One experiment, by id. */
  get(experimentId: string): Promise<Experiment> {
    return this.http.call({ operation: 'ExperimentService_GetExperiment', method: 'GET', path: `/apis/v2beta1/experiments/${seg(experimentId)}`, idempotent: true, schema: Experiment });
  }

  /** Exact-name lookup (`display_name` is unique per namespace); undefined when there is none. */
  async findByName(name: string, namespace?: string): Promise<Experiment | undefined> {
    const res = await this.list({ filter: equalsFilter('display_name', name), pageSize: 2, ...(namespace !== undefined ? { namespace } : {}) });
    return (res.experiments ?? []).find((e) => e.display_name === name);
  }

  /** Creates a experiment; sent once (never retried blindly: see the workflows that look before sending again). */
  create(experiment: CreateExperimentRequest): Promise<Experiment> {
    return this.http.call({ operation: 'ExperimentService_CreateExperiment', method: 'POST', path: '/apis/v2beta1/experiments', json: experiment, idempotent: false, schema: Experiment });
  }

  /** Archives the experiment and its runs (storage_state ARCHIVED). */
  async archive(experimentId: string): Promise<void> {
    await this.http.call({ operation: 'ExperimentService_ArchiveExperiment', method: 'POST', path: `/apis/v2beta1/experiments/${seg(experimentId)}:archive`, idempotent: true, schema: Empty });
  }

  /** Restores an archived experiment. */
  async unarchive(experimentId: string): Promise<void> {
    await this.http.call({ operation: 'ExperimentService_UnarchiveExperiment', method: 'POST', path: `/apis/v2beta1/experiments/${seg(experimentId)}:unarchive`, idempotent: true, schema: Empty });
  }

  /** Sent once: a repeated DELETE of a deleted experiment answers 404 (see `deleteConfirmed`). */
  async delete(experimentId: string): Promise<void> {
    await this.http.call({ operation: 'ExperimentService_DeleteExperiment', method: 'DELETE', path: `/apis/v2beta1/experiments/${seg(experimentId)}`, idempotent: false, schema: Empty });
  }
}
