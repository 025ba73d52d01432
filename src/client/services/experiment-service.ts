import { equalsFilter } from '../filters.ts';
import type { KfpHttp } from '../http.ts';
import { Experiment, ListExperimentsResponse } from '../schemas.ts';
import type { ListOptions } from './list-query.ts';
import { resourceCalls } from './resource-calls.ts';

/** What is sent to create an experiment. */
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
  private readonly calls: ReturnType<typeof resourceCalls>;

  constructor(http: KfpHttp) {
    this.calls = resourceCalls(http, { service: 'ExperimentService', resource: 'Experiment', collection: 'experiments' });
  }

  /** One page of experiments, newest first unless `sortBy` says otherwise. */
  list(opts: ListOptions & { readonly namespace?: string } = {}): Promise<ListExperimentsResponse> {
    return this.calls.list(opts, ListExperimentsResponse);
  }

  /** One experiment, by id. */
  get(experimentId: string): Promise<Experiment> {
    return this.calls.get(experimentId, Experiment);
  }

  /** Exact-name lookup (`display_name` is unique per namespace); undefined when there is none. */
  async findByName(name: string, namespace?: string): Promise<Experiment | undefined> {
    const res = await this.list({ filter: equalsFilter('display_name', name), pageSize: 2, ...(namespace !== undefined ? { namespace } : {}) });
    return (res.experiments ?? []).find((e) => e.display_name === name);
  }

  /** Creates an experiment; sent once (never retried blindly: see the workflows that look before sending again). */
  create(experiment: CreateExperimentRequest): Promise<Experiment> {
    return this.calls.create(experiment, Experiment);
  }

  /** Archives the experiment and its runs (storage_state ARCHIVED). */
  archive(experimentId: string): Promise<void> {
    return this.calls.action('Archive', experimentId, true);
  }

  /** Restores an archived experiment. */
  unarchive(experimentId: string): Promise<void> {
    return this.calls.action('Unarchive', experimentId, true);
  }

  /** Sent once: a repeated DELETE of a deleted experiment answers 404 (see `deleteConfirmed`). */
  delete(experimentId: string): Promise<void> {
    return this.calls.delete(experimentId);
  }
}
