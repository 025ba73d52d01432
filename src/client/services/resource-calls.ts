import type { ZodType } from 'zod';
import type { KfpHttp } from '../http.ts';
import { Empty } from '../schemas.ts';
import { listQuery, seg, type ListOptions } from './list-query.ts';

/** What a list of one of these resources is narrowed by, besides the page. */
export interface ScopedListOptions extends ListOptions {
  readonly namespace?: string;
  /** Only the resources of this experiment (runs and recurring runs). */
  readonly experimentId?: string;
}

/**
 * The endpoints a v2beta1 resource has alike — create, get, list, delete and `POST …/{id}:verb`
 * — for the services of runs, recurring runs and experiments. Each call carries the operation
 * name the API's swagger gives it (`RunService_GetRun`, `RecurringRunService_ListRecurringRuns`),
 * which is the path of its diagnostics.
 *
 * @example
 * const calls = resourceCalls(http, { service: 'RunService', resource: 'Run', collection: 'runs' });
 * await calls.action('Terminate', runId, true); // POST /apis/v2beta1/runs/{id}:terminate
 */
export function resourceCalls(http: KfpHttp, names: { readonly service: string; readonly resource: string; readonly collection: string }) {
  const { service, resource, collection } = names;
  const root = `/apis/v2beta1/${collection}`;
  const one = (id: string) => `${root}/${seg(id)}`;
  return {
    /** Sent once: a create that may have reached the server is never sent again blindly. */
    create<T>(body: unknown, schema: ZodType<T>): Promise<T> {
      return http.call({ operation: `${service}_Create${resource}`, method: 'POST', path: root, json: body, idempotent: false, schema });
    },
    get<T>(id: string, schema: ZodType<T>): Promise<T> {
      return http.call({ operation: `${service}_Get${resource}`, method: 'GET', path: one(id), idempotent: true, schema });
    },
    list<T>(opts: ScopedListOptions, schema: ZodType<T>): Promise<T> {
      const query = { namespace: opts.namespace, experiment_id: opts.experimentId, ...listQuery(opts) };
      return http.call({ operation: `${service}_List${resource}s`, method: 'GET', path: root, query, idempotent: true, schema });
    },
    /** `POST {id}:verb`, e.g. `Archive` → `:archive`, with an empty answer. */
    async action(verb: string, id: string, idempotent: boolean): Promise<void> {
      await http.call({ operation: `${service}_${verb}${resource}`, method: 'POST', path: `${one(id)}:${verb.toLowerCase()}`, idempotent, schema: Empty });
    },
    /** Sent once: a repeated DELETE answers 404 (see `deleteConfirmed`). */
    async delete(id: string): Promise<void> {
      await http.call({ operation: `${service}_Delete${resource}`, method: 'DELETE', path: one(id), idempotent: false, schema: Empty });
    },
  };
}
