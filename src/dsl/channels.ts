import type { ArtifactType } from './artifacts.ts';
import type { ParameterType } from './parameter-types.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';

/**
 * Where a channel's value comes from. Tasks are referred to by their builder id (`t3`), never
 * by name: names are the compiler's business.
 */
export type ChannelSource =
  | { readonly kind: 'pipelineInput'; readonly name: string }
  | { readonly kind: 'taskOutput'; readonly taskId: string; readonly output: string }
  | { readonly kind: 'loopItem'; readonly loopId: number; readonly subvar?: string }
  | { readonly kind: 'collected'; readonly inner: ChannelNode }
  /** kfp's `dsl.OneOf`: the output of whichever If/Elif/Else branch ran; `seq` orders the calls. */
  | { readonly kind: 'oneOf'; readonly seq: number; readonly channels: readonly ChannelNode[] };

/** A parameter value that is only known at run time. `T` is its TypeScript value type. */
export interface ParameterChannel<T = unknown> {
  readonly kind: 'parameterChannel';
  readonly source: ChannelSource;
  readonly parameterType: ParameterType;
  /**
   * kfp's Python type text for the value (`typing.List[str]`), when known: ParallelFor derives
   * its item's type from it.
   */
  readonly typeName?: string;
  /** Phantom: carries the value type for inference; never set. */
  readonly __value?: T;
}

/** An artifact produced at run time. `T` is its schema title (`system.Model`). */
export interface ArtifactChannel<T extends string = string, L extends boolean = false> {
  readonly kind: 'artifactChannel';
  readonly source: ChannelSource;
  readonly artifactType: ArtifactType<T>;
  readonly isList: L;
}

/** A value that exists only at run time: a pipeline parameter, a task output or a loop item. */
export type ChannelNode = ParameterChannel | ArtifactChannel<string, boolean>;

export function parameterChannel<T>(source: ChannelSource, parameterType: ParameterType, typeName?: string): ParameterChannel<T> {
  return madeByKfpTs(Object.freeze({ kind: 'parameterChannel', source, parameterType, ...(typeName !== undefined ? { typeName } : {}) })) as ParameterChannel<T>;
}

export function artifactChannel<T extends string, L extends boolean>(
  source: ChannelSource,
  artifactType: ArtifactType<T>,
  isList: L,
): ArtifactChannel<T, L> {
  return madeByKfpTs(Object.freeze({ kind: 'artifactChannel', source, artifactType, isList }));
}

export function isChannel(value: unknown): value is ChannelNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { kind?: unknown }).kind === 'parameterChannel' || (value as { kind?: unknown }).kind === 'artifactChannel')
  );
}
