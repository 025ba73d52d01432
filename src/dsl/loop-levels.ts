import type { ArtifactChannel, ParameterChannel } from './channels.ts';
import type { TaskHandle } from './task-handle.ts';

/**
 * Types that follow a value out of ParallelFor loops, for `collected()`: kfp collects a task's
 * output once per loop level, so a task inside two nested loops gives a list of lists. A
 * `parallelFor` returns what its body returns with each channel in it marked one level deeper;
 * `collected()` nests its list type by the marks. Types only: nothing of this exists at run time.
 */
declare const LOOP_LEVELS: unique symbol;

/** Phantom: the loops a channel was returned out of, one tuple element per level. */
export interface InLoops<D extends readonly unknown[]> {
  readonly [LOOP_LEVELS]?: D;
}

/** The loop levels marked on a channel (none: `[]`). */
export type LevelsOf<C> = C extends { readonly [LOOP_LEVELS]?: infer D } ? (D extends readonly unknown[] ? D : []) : [];

/** A channel returned out of one more loop. */
export type EscapedChannel<C> =
  C extends ParameterChannel<infer T>
    ? ParameterChannel<T> & InLoops<[unknown, ...LevelsOf<C>]>
    : C extends ArtifactChannel<infer A, infer L>
      ? ArtifactChannel<A, L> & InLoops<[unknown, ...LevelsOf<C>]>
      : C;

/** What a `parallelFor` returns for its body's result `R`: tasks' outputs and channels marked one level deeper. */
export type OutOfLoop<R> =
  R extends TaskHandle<infer _O>
    ? Omit<R, 'outputs'> & { readonly outputs: { readonly [K in keyof R['outputs']]: EscapedChannel<R['outputs'][K]> } }
    : R extends ParameterChannel | ArtifactChannel<string, boolean>
      ? EscapedChannel<R>
      : R extends readonly unknown[]
        ? { readonly [I in keyof R]: OutOfLoop<R[I]> }
        : R extends (...args: never[]) => unknown
          ? R
          : R extends object
            ? { readonly [K in keyof R]: OutOfLoop<R[K]> }
            : R;

/** `T[]` once per loop level (at least once: an unmarked output, e.g. kept in an outer variable, is one level). */
export type NestedList<T, D extends readonly unknown[]> = D extends readonly [unknown, unknown, ...infer Rest] ? NestedList<T[], [unknown, ...Rest]> : T[];

/** The value of `collected(c)` for a parameter channel `c` (an `any` channel stays `any[]`). */
export type CollectedValue<C> = 0 extends 1 & C ? UntypedItem[] : C extends ParameterChannel<infer T> ? NestedList<T, LevelsOf<C>> : never;

/**
 * The value type of an item of a list whose element type is not known (a `z.array(z.unknown())`
 * parameter, a v1 `List` or `JsonArray` output): kfp types such an item `String` and lets it into
 * any parameter input (its type check waives loop items of that type), and so does TypeScript.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UntypedItem = any;

/** The value type of a loop item: the element type when known, otherwise an untyped item. */
export type LoopItemValue<T> = unknown extends T ? UntypedItem : T;
