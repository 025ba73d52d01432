/**
 * Wrong values as plain JavaScript can pass them, for the DSL fuzz test. fast-check draws
 * descriptions (plain data it can print and shrink); `makeWrongValue` turns one into the value
 * itself, fresh for each case: Proxies, throwing getters and cycles must not be shared between
 * cases, nor touched by fast-check's own reporting.
 */
import fc from 'fast-check';

/** The classes of wrong value; a site lists the ones it accepts as right (they are skipped there). */
export type WrongClass =
  | 'null'
  | 'undefined'
  | 'boolean'
  | 'number'
  | 'non-finite'
  | 'string'
  | 'huge-string'
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'array'
  | 'cyclic'
  | 'frozen-object'
  | 'date'
  | 'map'
  | 'class-instance'
  | 'getter-throws'
  | 'throwing-proxy'
  | 'lying-proxy'
  | 'revoked-proxy'
  | 'fake-channel'
  | 'fake-artifact-channel'
  | 'fake-task'
  | 'fake-component'
  | 'fake-pipeline'
  | 'fake-condition'
  | 'fake-template'
  | 'copied-channel'
  | 'proxied-channel';

export interface WrongValueSpec {
  readonly cls: WrongClass;
  readonly n: number;
  readonly text: string;
}

const CLASSES: readonly WrongClass[] = [
  'null',
  'undefined',
  'boolean',
  'number',
  'non-finite',
  'string',
  'huge-string',
  'bigint',
  'symbol',
  'function',
  'array',
  'cyclic',
  'frozen-object',
  'date',
  'map',
  'class-instance',
  'getter-throws',
  'throwing-proxy',
  'lying-proxy',
  'revoked-proxy',
  'fake-channel',
  'fake-artifact-channel',
  'fake-task',
  'fake-component',
  'fake-pipeline',
  'fake-condition',
  'fake-template',
  'copied-channel',
  'proxied-channel',
];

export const wrongValueSpec: fc.Arbitrary<WrongValueSpec> = fc.record({
  cls: fc.constantFrom(...CLASSES),
  n: fc.oneof(fc.integer(), fc.double()),
  text: fc.string({ maxLength: 20 }),
});

class SomeClass {
  readonly kind = 'parameterChannel';
  value = 1;
}

/** The message a user's throwing getter or trap throws, to recognise it in the diagnostic. */
export const USER_THROW = 'thrown by the user code';

/**
 * The wrong value for `spec`. `real` is a channel kfp-ts made (copies and Proxies of it are wrong:
 * only the value kfp-ts gave is accepted).
 */
export function makeWrongValue(spec: WrongValueSpec, real: object): unknown {
  const { n, text } = spec;
  switch (spec.cls) {
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'boolean':
      return n > 0;
    case 'number':
      return Number.isFinite(n) ? n : 0;
    case 'non-finite':
      return [NaN, Infinity, -Infinity][Math.abs(Math.trunc(Number.isFinite(n) ? n : 0)) % 3];
    case 'string':
      return text;
    case 'huge-string':
      return 'x'.repeat(200_000 + (Math.abs(Math.trunc(Number.isFinite(n) ? n : 0)) % 1000));
    case 'bigint':
      return BigInt(Math.trunc(Number.isFinite(n) ? n : 0)) * 10n ** 30n;
    case 'symbol':
      return Symbol(text);
    case 'function':
      return () => n;
    case 'array':
      return [n, text, null, { a: [true] }];
    case 'cyclic': {
      const o: Record<string, unknown> = { a: n };
      o.self = { back: o };
      return o;
    }
    case 'frozen-object':
      return Object.freeze({ [`k${text.replace(/[^a-z]/g, '')}`]: Object.freeze([n]) });
    case 'date':
      return new Date(0);
    case 'map':
      return new Map([[text, n]]);
    case 'class-instance':
      return new SomeClass();
    case 'getter-throws': {
      const o: Record<string, unknown> = {};
      for (const key of ['kind', 'name', 'id', 'source', 'parts', text || 'x'])
        Object.defineProperty(o, key, {
          enumerable: true,
          get() {
            throw new Error(USER_THROW);
          },
        });
      return o;
    }
    case 'throwing-proxy': {
      const fail = (): never => {
        throw new Error(USER_THROW);
      };
      return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail, apply: fail, construct: fail });
    }
    case 'lying-proxy': {
      // Answers every question as a kfp-ts parameter channel would.
      const target: Record<string, unknown> = {};
      const p: object = new Proxy(target, {
        get: (_t, key) => (key === 'kind' ? 'parameterChannel' : key === 'parameterType' ? 'STRING' : typeof key === 'string' ? p : undefined),
      });
      return p;
    }
    case 'revoked-proxy': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 'fake-channel':
      return { kind: 'parameterChannel', source: { kind: 'taskOutput', taskId: `t${n}`, output: text }, parameterType: 'STRING' };
    case 'fake-artifact-channel':
      return { kind: 'artifactChannel', source: { kind: 'pipelineInput', name: text }, artifactType: { kind: 'artifactType', schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, isList: false };
    case 'fake-task':
      return { kind: 'taskHandle', id: `b1t${n}`, outputs: {}, node: {} };
    case 'fake-component':
      return { kind: 'componentHandle', node: { kind: 'component', name: text, interface: { inputs: {}, outputs: {} }, implementation: { kind: 'container', image: 'alpine', command: [], args: [] } } };
    case 'fake-pipeline':
      return { kind: 'pipelineHandle', name: text, build: () => ({ kind: 'pipeline', name: text }) };
    case 'fake-condition':
      return { kind: 'condition', operator: '==', left: 1, right: 1, negate: false };
    case 'fake-template':
      return { kind: 'stringTemplate', parts: [text, { kind: 'parameterChannel' }] };
    case 'copied-channel':
      return { ...real };
    case 'proxied-channel':
      return new Proxy(real, {});
  }
}
