import { artifactChannel, parameterChannel, type ArtifactChannel, type ParameterChannel } from './channels.ts';
import type { CollectedValue } from './loop-levels.ts';
import { checkChannels } from './call-guards.ts';

/**
 * kfp's `dsl.Collected`: the outputs a task produced in every iteration of the ParallelFor loops
 * around it, for a task outside those loops (or a pipeline output). Parameters are collected once
 * per loop level: a task returned out of two nested `parallelFor`s gives a list of lists
 * (`number[][]`). Artifacts are one list.
 *
 * @example
 * const doubled = s.parallelFor([1, 2, 3], (n, s) => s.task(double, { n }));
 * s.task(sum, { numbers: collected(doubled.outputs.Output) });  // number[]
 * const grid = s.parallelFor([1, 2], (a, s) => s.parallelFor([3, 4], (b, s) => s.task(mul, { a, b })));
 * s.task(sumRows, { rows: collected(grid.outputs.Output) });    // number[][]
 */
export function collected<C extends ParameterChannel>(output: C): ParameterChannel<CollectedValue<C>>;
export function collected<T extends string>(output: ArtifactChannel<T, false>): ArtifactChannel<T, true>;
export function collected(output: ParameterChannel | ArtifactChannel<string, boolean>): ParameterChannel | ArtifactChannel<string, boolean> {
  checkChannels([output], 'collected');
  const source = { kind: 'collected', inner: output } as const;
  return output.kind === 'artifactChannel' ? artifactChannel(source, output.artifactType, true) : parameterChannel(source, 'LIST');
}
