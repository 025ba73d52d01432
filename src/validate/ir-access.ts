/**
 * Helpers for reading raw parsed documents (before or regardless of schema validation). The rule
 * checks read the typed model instead (src/ir, through readIr).
 */

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slash path for diagnostics, e.g. `root/dag/tasks/train`. */
export function joinPath(...parts: ReadonlyArray<string | number>): string {
  return parts.join('/');
}
