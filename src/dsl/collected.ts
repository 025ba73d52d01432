import { artifactChannel, parameterChannel, type ArtifactChannel, type ParameterChannel } from './channels.ts';

/**
 * kfp's `dsl.Collected`: the outputs a task produced in every iteration of the ParallelFor loops
 * around it, as one list, for a task outside those loops (or a pipeline output).
 *
 * @example
 * s.parallelFor([1, 2, 3], (n, s) => { doubled = s.task(double, { n }); });
 * s.task(sum, { numbers: collected(doubled.outputs.Output) });
 */
export function collected<T>(output: ParameterChannel<T>): ParameterChannel<T[]>;
export function collected<T extends string>(output: ArtifactChannel<T, false>): ArtifactChannel<T, true>;
export function collected(output: ParameterChannel | ArtifactChannel<string, boolean>): ParameterChannel | ArtifactChannel<string, boolean> {
  const source = { kind: 'collected', inner: output } as const;
  return output.kind === 'artifactChannel' ? artifactChannel(source, output.artifactType, true) : parameterChannel(source, 'LIST');
}
