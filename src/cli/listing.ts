import type { KfpClient } from '../client/kfp-client.ts';
import type { Column } from '../client/render.ts';
import { diagnostic } from '../diagnostics.ts';
import type { ScopedListOptions } from '../client/index.ts';
import { failWith, type CommandIo } from './connection.ts';
import type { OutputFormat } from './output-format.ts';

/**
 * `--limit` as a page size: 20 when it is not given. Anything but a whole number from 1 to 1000 (the
 * most the API returns in a page) is a user error, `<command>/invalid-limit`; undefined then.
 */
export function pageSize(io: CommandIo, limit: string | undefined, command: 'runs' | 'pipelines' | 'experiments' | 'recurring-runs'): number | undefined {
  const n = limit === undefined ? 20 : /^\d+$/.test(limit) ? Number(limit) : Number.NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 1000) return n;
  failWith(io, [diagnostic(`${command}/invalid-limit`, '--limit', `--limit takes a whole number from 1 to 1000, not "${limit}".`)]);
  return undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string | undefined;
  readonly totalSize: number | undefined;
}

/**
 * Prints one page of a listing: with `--format json` the items under `key` and the page fields, as the API
 * names them; otherwise a table, `No <key>.` when empty, and the flag that shows the next page.
 */
export async function printPage<T>(io: CommandIo, format: OutputFormat, key: string, page: Page<T>, columns: readonly Column<T>[]): Promise<void> {
  if (format === 'json') {
    io.out(JSON.stringify({ [key]: page.items, next_page_token: page.nextPageToken ?? null, total_size: page.totalSize ?? null }, null, 2));
    return;
  }
  if (page.items.length === 0) {
    io.out(`No ${key}.`);
    return;
  }
  const { renderTable } = await import('../client/render.ts');
  io.out(renderTable(page.items, columns));
  if (page.nextPageToken) io.out(`\nMore: --page-token ${page.nextPageToken}`);
}

/** What every listing asks for: `--limit` items, newest first, from `--page-token` on, in the connection's namespace. */
export function newestFirst(limit: number, pageToken: string | undefined, namespace: string | undefined): ScopedListOptions {
  return { pageSize: limit, sortBy: 'created_at desc', ...(pageToken !== undefined ? { pageToken } : {}), ...(namespace !== undefined ? { namespace } : {}) };
}

/** A list response as a `Page`: its items (none when the server left the field out) and its page fields. */
export function pageOf<T>(items: readonly T[] | undefined, res: { readonly next_page_token?: string | undefined; readonly total_size?: number | undefined }): Page<T> {
  return { items: items ?? [], nextPageToken: res.next_page_token, totalSize: res.total_size };
}

/**
 * The experiment a listing is narrowed to: `--experiment-id`, or the id of the experiment
 * `--experiment` names in the namespace. `null` when no experiment has that name (reported as
 * `<command>/no-experiment`); undefined when neither flag was given.
 */
export async function experimentOfFlags(
  io: CommandIo,
  kfp: KfpClient,
  flags: { readonly experiment?: string; readonly experimentId?: string },
  namespace: string | undefined,
  command: 'runs' | 'recurring-runs',
): Promise<string | undefined | null> {
  if (flags.experimentId !== undefined || flags.experiment === undefined) return flags.experimentId;
  const exp = await kfp.experiments.findByName(flags.experiment, namespace);
  if (exp !== undefined) return exp.experiment_id;
  failWith(io, [diagnostic(`${command}/no-experiment`, ['--experiment'], `There is no experiment named "${flags.experiment}"${namespace ? ` in namespace ${namespace}` : ''}.`)]);
  return null;
}
