/** kfp's naming helpers: unique names by an index suffix, and the part of two chains they do not share. */

/** `name`, else `name-2`, `name-3`, … — kfp's `make_name_unique_by_adding_index`. */
export function uniqueName(name: string, taken: { has(n: string): boolean }, from = 2): string {
  if (!taken.has(name)) return name;
  for (let i = from; ; i++) if (!taken.has(`${name}-${i}`)) return `${name}-${i}`;
}

/** kfp's `_get_uncommon_ancestors`: the two chains past their common prefix. */
export function uncommonAncestors(a: readonly string[], b: readonly string[]): [string[], string[]] {
  let i = 0;
  // The chains hold strings, so a[i] === b[i] already fails once either chain has ended.
  // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: bounds are redundant with the element test (see above)
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [a.slice(i), b.slice(i)];
}
