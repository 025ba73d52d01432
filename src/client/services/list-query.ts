/** Query and path pieces shared by the v2beta1 services. */

export interface ListOptions {
  readonly pageSize?: number;
  readonly pageToken?: string;
  /** `created_at desc`, `display_name` … */
  readonly sortBy?: string;
  /** An already-encoded filter from `filters.ts`. */
  readonly filter?: string;
}

export function listQuery(opts: ListOptions): Record<string, string | number | undefined> {
  return { page_size: opts.pageSize, page_token: opts.pageToken, sort_by: opts.sortBy, filter: opts.filter };
}

/** A path segment; ids are UUIDs, but names never go into paths unescaped. */
export function seg(s: string): string {
  return encodeURIComponent(s);
}
