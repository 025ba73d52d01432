/**
 * v2beta1 list filters (filter.swagger.json: `{"predicates":[{"key","operation","string_value"}]}`).
 *
 * The `filter` query parameter is documented as "a url-encoded, JSON-serialized filter": the API
 * server URL-unescapes it once more after normal query decoding (list_request_util.go,
 * parseAPIFilter). So the JSON is escaped here and the URL builder escapes it again; without this a
 * name containing `+` or `%` would be mangled (`a+b` would be looked up as `a b`).
 */
export interface StringPredicate {
  readonly key: string;
  readonly operation: 'EQUALS' | 'NOT_EQUALS' | 'IS_SUBSTRING';
  readonly string_value: string;
}

export function filterParam(predicates: readonly StringPredicate[]): string {
  return encodeURIComponent(JSON.stringify({ predicates }));
}

export function equalsFilter(key: string, value: string): string {
  return filterParam([{ key, operation: 'EQUALS', string_value: value }]);
}
