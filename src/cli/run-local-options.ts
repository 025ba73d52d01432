/**
 * The flags of `kfp-ts run --local`, added to the `run` command (which has `--format`, the
 * parameters and the pipeline root already). Only their declarations live here: the local runner
 * itself (commands/run-local.ts) is imported when `--local` is given.
 */
import type { Command } from 'commander';
import { repeatableOption } from './repeatable-option.ts';

export interface LocalRunFlags {
  readonly local?: boolean;
  readonly venv?: string;
  readonly python?: string;
  readonly parallelism?: string;
  readonly secretEnv?: readonly string[];
  readonly artifact?: readonly string[];
}

export function addLocalRunOptions(cmd: Command): Command {
  cmd
    .option('--local', 'run the pipeline on this machine instead of a KFP server (Python components as processes, containers with Docker/Podman); --disable-caching then also skips the local cache')
    .option('--venv <dir>', 'with --local: run every Python task in this existing virtual environment (no package installs)')
    .option('--python <path>', 'with --local: run every Python task with this interpreter (no package installs)')
    .option('--parallelism <n>', 'with --local: task processes at once (default: the number of CPUs)')
    .addOption(repeatableOption('--artifact <name=path>', 'with --local: a pipeline input artifact, as a local path (or URI); repeat for several'))
    .addOption(repeatableOption('--secret-env <name=file>', 'with --local: the Kubernetes secret <name> as KEY=VALUE lines, a JSON object or a directory of key files; repeat for several'));
  return cmd;
}
