/**
 * Turns ajv errors into diagnostics that name the field, the proto message and the fix.
 *
 * The generated validator reports schema paths relative to the `$defs` entry that failed, so the
 * message facts (proto message name, field list, oneof members, enum values) are found by walking
 * the committed JSON Schema along the error's instance path instead. The schema JSON is read only
 * when a document is invalid.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics.ts';
import type { ValidateCode } from './codes.ts';
import { isObject } from './ir-access.ts';

export type DocumentKind = 'pipeline-spec' | 'platform-spec';

interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly allOf?: readonly SchemaNode[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly 'x-message'?: string;
  readonly 'x-fields'?: readonly string[];
  readonly 'x-oneof'?: { readonly name: string; readonly fields: readonly string[]; readonly keys: readonly string[] };
  readonly 'x-kind'?: string;
  readonly 'x-enum'?: { readonly name: string; readonly values: readonly string[] };
}

interface SchemaFile extends SchemaNode {
  readonly $defs: Readonly<Record<string, SchemaNode>>;
}

const schemaCache = new Map<DocumentKind, SchemaFile>();

function schemaFile(kind: DocumentKind): SchemaFile {
  let schema = schemaCache.get(kind);
  // Stryker disable next-line ConditionalExpression: a cache only: reading the schema file again gives the same schema
  if (schema === undefined) {
    const url = new URL(`../../schemas/${kind}.schema.json`, import.meta.url);
    schema = JSON.parse(readFileSync(url, 'utf8')) as SchemaFile;
    schemaCache.set(kind, schema);
  }
  return schema;
}

function deref(schema: SchemaFile, node: SchemaNode): SchemaNode {
  let current = node;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a guard against a $ref cycle; each $ref of the committed schemas names a $defs entry that is no $ref, so the loop ends after one hop
  for (let hops = 0; current.$ref !== undefined && hops < 8; hops++) {
    // Stryker disable next-line Regex: every $ref of the committed schemas starts with #/$defs/
    const name = current.$ref.replace(/^#\/\$defs\//, '');
    const next = schema.$defs[name];
    if (next === undefined) break;
    current = next;
  }
  return current;
}

/** The schema node that governs the value at `segments` (unresolved: it may be a `$ref`). */
function nodeAt(schema: SchemaFile, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode = schema;
  for (const segment of segments) {
    const def = deref(schema, node);
    const byName = def.properties !== undefined && Object.hasOwn(def.properties, segment) ? def.properties[segment] : undefined;
    if (byName !== undefined) node = byName;
    else if (def.items !== undefined && /^\d+$/.test(segment)) node = def.items;
    else if (typeof def.additionalProperties === 'object') node = def.additionalProperties;
    else return undefined;
  }
  return node;
}

function pointerSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(doc: unknown, segments: readonly string[]): unknown {
  let value = doc;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

function types(node: SchemaNode): readonly string[] {
  return node.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type;
}

const WELL_KNOWN_EXPECTED: Readonly<Record<string, string>> = {
  'google.protobuf.Struct': 'a mapping (google.protobuf.Struct)',
  // Stryker disable next-line StringLiteral: no field of the schemas is a ListValue (it only appears inside a Value)
  'google.protobuf.ListValue': 'a list (google.protobuf.ListValue)',
  // Stryker disable next-line StringLiteral: a Value takes any JSON, so no type error names it
  'google.protobuf.Value': 'any JSON value',
  'google.protobuf.Duration': 'a duration string such as "3s" or "1.5s"',
};

/** What the schema wants at a node, in words. */
function expected(schema: SchemaFile, node: SchemaNode): string {
  const def = deref(schema, node);
  const message = def['x-message'];
  if (message !== undefined) return WELL_KNOWN_EXPECTED[message] ?? `a mapping (${message})`;
  const kind = def['x-kind'];
  // Stryker disable next-line ConditionalExpression: the schemas give x-enum only to nodes of x-kind enum
  if (kind === 'enum' && def['x-enum'] !== undefined) {
    return `one of ${def['x-enum'].values.join(', ')} (enum ${def['x-enum'].name})`;
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: no field of the committed schemas has x-kind float (the protos' floats are doubles here)
  if (kind === 'double' || kind === 'float') return `a number (${kind})`;
  if (kind !== undefined) return `an integer (${kind}), as a number or a string of digits`;
  // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: 'null' would only show in the join below, which no typed node of the schemas reaches (their other types are array, object, boolean or string, or carry x-kind)
  const t = types(def).filter((x) => x !== 'null');
  if (t.includes('array')) return 'a list';
  if (t.includes('object')) return 'a mapping';
  if (t.includes('boolean')) return 'true or false, without quotes';
  if (t.includes('string')) return 'a string';
  // Stryker disable next-line StringLiteral: no node of the schemas has two types besides null that the lines above do not name
  return t.join(' or ');
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)}`;
  return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Levenshtein distance, for "did you mean" on unknown fields. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function suggestion(unknown: string, allowed: readonly string[]): string | undefined {
  // Stryker disable next-line MethodExpression: both names go through the same function, so upper or lower case compares alike
  const plain = (s: string) => s.replace(/_/g, '').toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of allowed) {
    const d = plain(name) === plain(unknown) ? 0 : distance(unknown.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(unknown.length / 3)) ? best : undefined;
}

function quoteList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a oneof error names at least two members, and for two both branches write "a" and "b"
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

interface Mapped {
  readonly code: ValidateCode;
  readonly path: readonly string[];
  readonly message: string;
}

function mapOne(schema: SchemaFile, doc: unknown, error: ErrorObject): Mapped {
  const segments = pointerSegments(error.instancePath);
  const node = nodeAt(schema, segments) ?? {};
  const def = deref(schema, node);
  const value = valueAt(doc, segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      // Stryker disable next-line StringLiteral: every closed mapping of the schemas names its proto message
      const message = def['x-message'] ?? 'this mapping';
      const allowed = def['x-fields'] ?? Object.keys(def.properties ?? {});
      const guess = suggestion(name, allowed);
      return {
        code: 'schema/unknown-field',
        path: [...segments, name],
        message:
          `Unknown field "${name}" in ${message}: remove it${guess ? ` (did you mean "${guess}"?)` : ''}. ` +
          `Allowed fields: ${allowed.join(', ')}.`,
      };
    }
    case 'not': {
      // Stryker disable next-line Regex: the schemas' allOf lists hold at most three entries and a not is always the last step of the schema path
      const index = /\/allOf\/(\d+)\/not$/.exec(error.schemaPath)?.[1];
      // Stryker disable next-line ConditionalExpression: with no index, allOf[NaN] is undefined as well
      const group = index === undefined ? undefined : def.allOf?.[Number(index)]?.['x-oneof'];
      if (group !== undefined) {
        // Stryker disable next-line ArrayDeclaration: ajv raises a oneof's not only on a mapping
        const setKeys = isObject(value) ? Object.keys(value).filter((k) => value[k] !== null && group.keys.includes(k)) : [];
        // Stryker disable next-line StringLiteral: every message with a oneof names its proto message
        const message = def['x-message'] ?? 'this message';
        return {
          code: 'schema/oneof',
          path: segments,
          message:
            `${quoteList(setKeys)} are ${setKeys.length === 2 ? 'both' : 'all'} set, but ${message} takes at most one ` +
            `member of oneof "${group.name}" (${group.fields.join(' | ')}), under one spelling: keep only one.`,
        };
      }
      break;
    }
    case 'type': {
      if (value === null) {
        const parent = valueAt(doc, segments.slice(0, -1));
        const parentDef = deref(schema, nodeAt(schema, segments.slice(0, -1)) ?? {});
        const where = Array.isArray(parent)
          ? 'in a list'
          : parentDef['x-message'] === undefined
            ? 'as a map value'
            : 'for this repeated field (json_format rejects it)';
        return {
          code: 'schema/type',
          path: segments,
          message: `null is not allowed ${where}: expected ${expected(schema, node)}. Remove the entry or give it a value.`,
        };
      }
      return { code: 'schema/type', path: segments, message: `Expected ${expected(schema, node)}, got ${describeValue(value)}.` };
    }
    case 'pattern': {
      const kind = def['x-kind'];
      const enumInfo = def['x-enum'];
      // Stryker disable next-line ConditionalExpression: the schemas give x-enum only to nodes of x-kind enum
      if (kind === 'enum' && enumInfo !== undefined) {
        return {
          code: 'schema/enum',
          path: segments,
          message: `${capitalize(describeValue(value))} is not a value of enum ${enumInfo.name}: use one of ${enumInfo.values.join(', ')}.`,
        };
      }
      // Stryker disable next-line ConditionalExpression,StringLiteral: no field of the committed schemas has x-kind float
      if (kind === 'double' || kind === 'float') {
        return {
          code: 'schema/number',
          path: segments,
          message: `Expected a number (${kind}), got ${describeValue(value)}. As a string, write a JSON number ("1.5") or "NaN", "Infinity", "-Infinity".`,
        };
      }
      if (kind !== undefined) {
        return {
          code: 'schema/integer',
          path: segments,
          message: `Expected an integer (${kind}), got ${describeValue(value)}. Write a whole number, or a string of decimal digits with an optional leading "-".`,
        };
      }
      // Stryker disable next-line ConditionalExpression: the only pattern nodes of the schemas are the x-kind ones above and google.protobuf.Duration
      if (def['x-message'] === 'google.protobuf.Duration') {
        return {
          code: 'schema/duration',
          path: segments,
          message: `Expected a duration such as "3s" or "1.5s" (seconds followed by "s"), got ${describeValue(value)}.`,
        };
      }
      break;
    }
    case 'minimum':
    case 'maximum': {
      // Stryker disable next-line StringLiteral: the schemas put minimum and maximum only on nodes with an x-kind
      const kind = def['x-kind'] ?? 'number';
      return {
        code: 'schema/range',
        path: segments,
        message: `${capitalize(describeValue(value))} is out of range for ${kind === 'enum' ? 'an enum number (int32)' : kind}: it must lie between ${def.minimum} and ${def.maximum}.`,
      };
    }
    // Stryker disable next-line ConditionalExpression: break or not, an unnamed keyword ends at the fallback below
    default:
      break;
  }
  return {
    code: 'schema/invalid',
    path: segments,
    message: `Invalid value (${error.keyword} ${JSON.stringify(error.params)} at ${error.schemaPath}): expected ${expected(schema, node)}.`,
  };
}

/** Where a path lies in the document: the index of each segment among its parent's keys. */
function documentOrder(doc: unknown, segments: readonly string[]): number[] {
  const order: number[] = [];
  let value = doc;
  for (const segment of segments) {
    // Stryker disable next-line BlockStatement: ajv reports a list's items in index order, and diagnostics that tie at the list keep ajv's order (a stable sort)
    if (Array.isArray(value)) {
      order.push(Number(segment));
      value = value[Number(segment)];
    } else if (isObject(value)) {
      order.push(Object.keys(value).indexOf(segment));
      value = value[segment];
    // Stryker disable next-line BlockStatement: past a scalar the loop finds nothing more either way
    } else {
      break;
    }
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  // Stryker disable next-line EqualityOperator,MethodExpression: one path is a prefix of another only for a message's oneof error and its fields' errors, and ajv reports the message's own error first
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  // Stryker disable next-line ArithmeticOperator: as above: a prefix path is already first in ajv's order
  return a.length - b.length;
}

/**
 * Map the errors of one document into diagnostics: one per (path, code), in document order (ajv
 * reports them in schema order).
 */
export function mapSchemaErrors(
  kind: DocumentKind,
  doc: unknown,
  errors: readonly ErrorObject[],
  file?: string,
): Diagnostic[] {
  const schema = schemaFile(kind);
  const seen = new Set<string>();
  const mapped: Array<{ order: number[]; diagnostic: Diagnostic }> = [];
  for (const error of errors) {
    const m = mapOne(schema, doc, error);
    const path = formatPath(m.path);
    const key = `${m.code}\u0000${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mapped.push({ order: documentOrder(doc, m.path), diagnostic: diagnostic(m.code, m.path.length === 0 ? ['(document)'] : m.path, m.message, file) });
  }
  return mapped.sort((a, b) => compareOrder(a.order, b.order)).map((m) => m.diagnostic);
}
