/**
 * Reading IR documents that have only passed (or even failed) schema validation: every accessor
 * tolerates any JSON value, and message fields are read under both spellings json_format accepts.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A message field under its camelCase JSON name or its proto name. json_format accepts both and,
 * when both are given, keeps the later one; `null` clears the field.
 */
export function field(message: unknown, jsonName: string, protoName: string = jsonName): unknown {
  if (!isObject(message)) return undefined;
  let value: unknown;
  for (const key of Object.keys(message)) {
    if (key === jsonName || key === protoName) value = message[key];
  }
  return value === null ? undefined : value;
}

export function stringField(message: unknown, jsonName: string, protoName?: string): string | undefined {
  const value = field(message, jsonName, protoName);
  return typeof value === 'string' ? value : undefined;
}

/** Entries of a proto map field (or of any JSON object); nothing for anything else. */
export function mapEntries(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

export function mapKeys(value: unknown): ReadonlySet<string> {
  return new Set(isObject(value) ? Object.keys(value) : []);
}

export function listItems(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Slash path for diagnostics, e.g. `root/dag/tasks/train`. */
export function joinPath(...parts: ReadonlyArray<string | number>): string {
  return parts.join('/');
}
