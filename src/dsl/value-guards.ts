/**
 * Checks of the values plain JavaScript hands the DSL, where they enter (a builder's argument, a
 * configuring call). TypeScript rules most of these out; JavaScript does not, and a wrong value
 * that got into the node tree would surface in the compiler as a TypeError far from its cause.
 * Here it stops the pipeline body with a diagnostic (`dsl/<kebab>`) naming what was wrong and the
 * task; the body's catch records it with the stack, which the CLI maps to the user's line.
 *
 * Values are copied as they are checked: a getter or a Proxy trap runs once, here, inside the
 * pipeline body (so a getter that throws is reported at the user's line), and the compiler only
 * ever reads frozen plain data.
 */
import { DiagnosticError, diagnostic } from '../diagnostics.ts';
import { isMadeByKfpTs } from './made-by-kfp-ts.ts';

/** The `kind`s of kfp-ts's own values: an object carrying one that kfp-ts did not make is a fake. */
const KFP_TS_KINDS = new Set([
  'parameterChannel',
  'artifactChannel',
  'stringTemplate',
  'placeholder',
  'condition',
  'taskHandle',
  'componentHandle',
  'pipelineHandle',
  'pipelineConfig',
]);

const KIND_NAMES: Readonly<Record<string, string>> = {
  parameterChannel: 'parameter (a pipeline input, a task output or a loop item)',
  artifactChannel: 'artifact (a pipeline input or a task output)',
  stringTemplate: 'str`` template',
  placeholder: 'runtime placeholder',
  condition: 'condition (eq, ne, lt, le, gt, ge)',
  taskHandle: 'task (what s.task returns)',
  componentHandle: 'component',
  pipelineHandle: 'pipeline',
  pipelineConfig: 'pipeline config (kubernetes.pipelineConfig)',
};

/** Deeper constants than this are refused (PyYAML itself fails at a few hundred levels). */
const MAX_DEPTH = 100;
/** Values (list items, object fields) in one constant; a Proxy may claim any length. */
const MAX_VALUES = 1_000_000;

export type WrongValueCode = 'wrong-value' | 'fake-kfp-ts-value' | 'not-plain-data' | 'cyclic-value' | 'value-too-deep' | 'value-too-large' | 'unknown-option';

/** Stops the pipeline body with a diagnostic `dsl/<code>`. */
export function wrongValue(code: WrongValueCode, where: string, message: string): never {
  throw new DiagnosticError([diagnostic(`dsl/${code}`, where, message)]);
}

function isArray(v: object): boolean {
  try {
    return Array.isArray(v);
  } catch {
    // A revoked Proxy.
    return false;
  }
}

/** A short description of any value, running none of its code (no getter, no trap, no toString). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return v.length > 40 ? `a string of ${v.length} characters` : `the string ${JSON.stringify(v)}`;
    case 'number':
      return `the number ${String(v)}`;
    case 'boolean':
      return String(v);
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (isMadeByKfpTs(v)) return `a kfp-ts ${KIND_NAMES[(v as { kind: string }).kind] ?? 'value'}`;
  return isArray(v as object) ? 'a list' : 'an object';
}

function madeKind(v: unknown): string | undefined {
  return isMadeByKfpTs(v) ? (v as { kind: string }).kind : undefined;
}

/** Fails on an object posing as one of kfp-ts's values (reading its `kind` may run a user's getter). */
function refuseFake(v: unknown, where: string, what: string): void {
  if (typeof v !== 'object' || v === null || isMadeByKfpTs(v)) return;
  const kind = (v as { kind?: unknown }).kind;
  if (typeof kind === 'string' && KFP_TS_KINDS.has(kind))
    wrongValue(
      'fake-kfp-ts-value',
      where,
      `${what} looks like a kfp-ts ${KIND_NAMES[kind]} but kfp-ts did not make it (a copy, a Proxy or a hand-written object); pass the value kfp-ts gave you`,
    );
}

/** `v` must be a value kfp-ts made, of one of `kinds`; `expected` says what in words. */
export function requireMade(v: unknown, kinds: readonly string[], where: string, what: string, expected: string): void {
  const kind = madeKind(v);
  if (kind !== undefined && kinds.includes(kind)) return;
  refuseFake(v, where, what);
  wrongValue('wrong-value', where, `${what} must be ${expected}; got ${describe(v)}`);
}

export function requireFunction(v: unknown, where: string, what: string): void {
  if (typeof v !== 'function') wrongValue('wrong-value', where, `${what} must be a function; got ${describe(v)}`);
}

export function requireOptionalString(v: unknown, where: string, what: string): void {
  if (v !== undefined && typeof v !== 'string') wrongValue('wrong-value', where, `${what} must be a string; got ${describe(v)}`);
}

export function requireOptionalBoolean(v: unknown, where: string, what: string): void {
  if (v !== undefined && typeof v !== 'boolean') wrongValue('wrong-value', where, `${what} must be true or false; got ${describe(v)}`);
}

export function requireOptionalNumber(v: unknown, where: string, what: string): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) wrongValue('wrong-value', where, `${what} must be a finite number; got ${describe(v)}`);
}

/**
 * An options object: a plain object (or undefined when `optional`), with no field outside
 * `known`. Returns a frozen copy of its fields (each getter read once).
 */
export function optionsObject(v: unknown, known: readonly string[] | 'any', where: string, what: string, optional = true): Readonly<Record<string, unknown>> {
  if (v === undefined && optional) return Object.freeze({});
  if (typeof v !== 'object' || v === null || isArray(v) || isMadeByKfpTs(v)) {
    refuseFake(v, where, what);
    wrongValue('wrong-value', where, `${what} must be an object${known !== 'any' ? ` with ${known.join(', ')}` : ''}; got ${describe(v)}`);
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) wrongValue('wrong-value', where, `${what} must be a plain object ({ … }); got an instance of a class`);
  refuseFake(v, where, what);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (known !== 'any' && !known.includes(key)) wrongValue('unknown-option', where, `${what} has no field '${key}'; its fields are ${known.join(', ') || 'none'}`);
    const value: unknown = (v as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return Object.freeze(out);
}

/**
 * A constant as data a pipeline can hold: strings, finite numbers, booleans, null, lists and plain
 * objects, copied and frozen. Values kfp-ts made are kept where `allowMade` accepts them (channels
 * inside a list argument, for example); anything else (functions, symbols, bigints, Dates, Maps,
 * class instances, cycles, undefined in a list) is refused with the place inside the value.
 */
export function plainData(value: unknown, where: string, what: string, allowMade: (kind: string) => boolean = () => false, allowMaps = false): unknown {
  const open = new Set<object>();
  let count = 0;
  const walk = (v: unknown, at: string, depth: number): unknown => {
    if (++count > MAX_VALUES) wrongValue('value-too-large', where, `${what} holds more than ${MAX_VALUES} values`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      return wrongValue('not-plain-data', where, `${what}${at} is ${describe(v)}, which no pipeline file can hold; use a finite number`);
    }
    if (typeof v !== 'object')
      return wrongValue('not-plain-data', where, `${what}${at} is ${describe(v)}; a pipeline holds only strings, numbers, booleans, null, lists and plain objects`);
    const kind = madeKind(v);
    if (kind !== undefined) {
      if (allowMade(kind)) return v;
      return wrongValue('wrong-value', where, `${what}${at} is ${describe(v)}, which cannot be used here${kind === 'taskHandle' ? "; pass one of the task's outputs (task.outputs.<name>)" : ''}`);
    }
    if (depth >= MAX_DEPTH) wrongValue('value-too-deep', where, `${what} is nested more than ${MAX_DEPTH} levels deep`);
    if (open.has(v)) wrongValue('cyclic-value', where, `${what}${at} contains itself; a pipeline holds only tree-shaped data`);
    open.add(v);
    try {
      if (isArray(v)) {
        const list = v as readonly unknown[];
        const length = list.length;
        if (typeof length !== 'number' || length > MAX_VALUES) wrongValue('value-too-large', where, `${what}${at} is a list of ${String(length)} items`);
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
          const item = list[i];
          if (item === undefined) wrongValue('not-plain-data', where, `${what}${at}[${i}] is undefined; use null for a missing value`);
          out.push(walk(item, `${at}[${i}]`, depth + 1));
        }
        return Object.freeze(out);
      }
      if (allowMaps && v instanceof Map) {
        const entries: [unknown, unknown][] = [];
        let i = 0;
        for (const [key, field] of Map.prototype.entries.call(v) as IterableIterator<[unknown, unknown]>) {
          entries.push([walk(key, `${at} key ${i}`, depth + 1), walk(field, `${at} value ${i}`, depth + 1)]);
          i++;
        }
        return new Map(entries);
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null)
        wrongValue('not-plain-data', where, `${what}${at} is an instance of a class (a Date, Map, Set, …); a pipeline holds only strings, numbers, booleans, null, lists and plain objects`);
      refuseFake(v, where, `${what}${at}`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        const field: unknown = (v as Record<string, unknown>)[key];
        if (field !== undefined) out[key] = walk(field, `${at}.${key}`, depth + 1);
      }
      return Object.freeze(out);
    } finally {
      open.delete(v);
    }
  };
  return walk(value, '', 0);
}

/** A record of strings (environment variables), copied. */
export function stringRecord(v: unknown, where: string, what: string): Readonly<Record<string, string>> {
  const fields = optionsObject(v, 'any', where, what, false);
  for (const [key, value] of Object.entries(fields)) if (typeof value !== 'string') wrongValue('wrong-value', where, `${what}: '${key}' must be a string; got ${describe(value)}`);
  return fields as Readonly<Record<string, string>>;
}
