/**
 * The values kfp-ts's builders made (channels, tasks, components, pipelines, conditions,
 * templates). Plain JavaScript can pass anything where TypeScript would not: an object that looks
 * like a channel, a copy of one, a Proxy. The guards accept only what is in this set, so the
 * compiler never meets a hand-made node.
 *
 * The set lives on `globalThis` under a registered symbol: a pipeline may mix values made by two
 * copies of kfp-ts's builders (the project's bundle and a package's own), and both must agree.
 */
const KEY = Symbol.for('kfp-ts.made-values');

function registry(): WeakSet<object> {
  const holder = globalThis as { [KEY]?: WeakSet<object> };
  let set = holder[KEY];
  if (set === undefined) {
    set = new WeakSet<object>();
    Object.defineProperty(globalThis, KEY, { value: set, enumerable: false, configurable: false, writable: false });
  }
  return set;
}

const made = registry();

/** Records `value` as made by kfp-ts and returns it. */
export function madeByKfpTs<T extends object>(value: T): T {
  made.add(value);
  return value;
}

/** Whether kfp-ts made `value` (a Proxy of such a value is not: its traps are someone else's code). */
export function isMadeByKfpTs(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && made.has(value);
}
