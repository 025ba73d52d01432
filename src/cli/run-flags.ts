import type { KfpCommandFlags } from './connection.ts';
import type { PipelineInputFlags } from './pipeline-input.ts';
import type { LocalRunFlags } from './run-local-options.ts';
import type { ParameterFlags } from './run-parameters.ts';

/** The flags of `kfp-ts run`, remote and `--local` alike (its own module: both commands' modules read it). */
export interface RunFlags extends KfpCommandFlags, PipelineInputFlags, ParameterFlags, LocalRunFlags {
  readonly experiment?: string;
  readonly runName?: string;
  readonly description?: string;
  readonly pipelineRoot?: string;
  readonly serviceAccount?: string;
  readonly wait?: boolean;
  readonly timeout?: string;
  readonly pollInterval?: string;
  readonly dryRun?: boolean;
}
