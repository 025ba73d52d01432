import type { Command } from 'commander';
import { diagnostic } from '../../diagnostics.ts';
import { addConnectionOptions, failWith, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { addPipelineInputOptions, loadPipelineInput, type PipelineInputFlags } from '../pipeline-input.ts';
import { printRecurringRun } from '../recurring-run-text.ts';
import { repeatableOption } from '../repeatable-option.ts';
import { collectParameters, paramSyntaxProblems, type ParameterFlags } from '../run-parameters.ts';
import { parseSchedule, type ScheduleFlags } from '../schedule-options.ts';

interface CreateFlags extends KfpCommandFlags, PipelineInputFlags, ParameterFlags, ScheduleFlags {
  readonly name: string;
  readonly experiment: string;
  readonly pipelineId?: string;
  readonly versionId?: string;
  readonly description?: string;
  readonly pipelineRoot?: string;
  readonly serviceAccount?: string;
}

/** Adds `create` to `kfp-ts recurring-runs`. */
export function registerRecurringRunCreate(group: Command): void {
  addConnectionOptions(
    addPipelineInputOptions(
      group
        .command('create')
        .description('Schedule a pipeline: a run on a cron schedule or every N seconds, in an experiment (created if missing). Parameters are checked before anything is sent.')
        .argument('[file]', 'compiled pipeline (.yaml) or pipeline source (.ts); or use --pipeline-id and --version-id')
        .requiredOption('--name <name>', 'the recurring run\'s name')
        .requiredOption('--experiment <name>', 'experiment its runs go to; created when it does not exist')
        .option('--cron <expression>', 'when to start runs, six fields from seconds: "0 0 9 * * 1-5" is 09:00 on weekdays (robfig/cron; @daily, @every 2h work too)')
        .option('--interval <seconds>', 'start a run every this many seconds')
        .option('--start-time <time>', 'no run before this RFC 3339 time, e.g. 2027-01-31T09:00:00Z')
        .option('--end-time <time>', 'no run after this RFC 3339 time')
        .option('--max-concurrency <n>', 'runs of it that may be active at once, 1 to 10 (default 1)')
        .option('--no-catchup', 'after a pause or downtime, start only the latest missed run (default: every missed one)')
        .option('--disabled', 'create it disabled (enable it later with `kfp-ts recurring-runs enable`)')
        .option('--pipeline-id <id>', 'an uploaded pipeline instead of a file (with --version-id)')
        .option('--version-id <id>', 'the uploaded pipeline version to run')
        .addOption(repeatableOption('--param <name=value>', 'a pipeline parameter; repeat for several. LIST and STRUCT values are JSON'))
        .option('--params-file <file.json>', 'a JSON object of parameter values (--param wins on conflicts)')
        .option('--description <text>', 'description')
        .option('--pipeline-root <uri>', 'where its runs write artifacts (default: the server\'s)')
        .option('--service-account <name>', 'Kubernetes service account for the runs\' pods'),
    ),
  ).action(async (file: string | undefined, flags: CreateFlags) => createRecurringRun(file, flags, processIo));
}

export async function createRecurringRun(file: string | undefined, flags: CreateFlags, io: CommandIo): Promise<void> {
  const byReference = flags.pipelineId !== undefined || flags.versionId !== undefined;
  if ((file === undefined) === !byReference || (byReference && (flags.pipelineId === undefined || flags.versionId === undefined))) {
    return failWith(io, [diagnostic('recurring-runs/pipeline-source', [], 'Give the pipeline as a file, or as --pipeline-id with --version-id (an uploaded version), not both.')]);
  }
  const schedule = parseSchedule(flags);
  const wrong = [...(schedule.ok ? [] : schedule.diagnostics), ...(await paramSyntaxProblems(flags))];
  if (!schedule.ok || wrong.length > 0) return failWith(io, wrong);
  if (schedule.diagnostics.length > 0) failWith(io, schedule.diagnostics);

  const pkg = file === undefined ? undefined : await loadPipelineInput(file, flags, io);
  if (file !== undefined && pkg === undefined) return;

  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { runPipelineSpec } = await import('../../client/pipeline-file.ts');
    const { ensureExperiment } = await import('../../client/experiments.ts');
    const { createRecurringRun: create } = await import('../../client/recurring-runs.ts');
    // The parameters are checked against the file, or against the spec the server holds for the version.
    const rootParameters = pkg?.rootParameters ?? (await versionParameters(kfp, flags.pipelineId!, flags.versionId!));
    const params = await collectParameters({ rootParameters }, flags, file ?? `version ${flags.versionId}`);
    if (!params.ok) return failWith(io, params.diagnostics);
    if (params.diagnostics.length > 0) failWith(io, params.diagnostics);

    const { experiment, created } = await ensureExperiment(kfp, flags.experiment, connection.namespace !== undefined ? { namespace: connection.namespace } : {});
    if (created && flags.format !== 'json') io.err(`Created experiment "${flags.experiment}" (id ${experiment.experiment_id})`);
    const { recurringRun, notes } = await create(kfp, {
      display_name: flags.name,
      experiment_id: experiment.experiment_id,
      ...(pkg !== undefined ? { pipeline_spec: runPipelineSpec(pkg) } : { pipeline_version_reference: { pipeline_id: flags.pipelineId!, pipeline_version_id: flags.versionId! } }),
      runtime_config: { parameters: params.value, ...(flags.pipelineRoot !== undefined ? { pipeline_root: flags.pipelineRoot } : {}) },
      trigger: schedule.value.trigger,
      max_concurrency: schedule.value.maxConcurrency,
      no_catchup: schedule.value.noCatchup,
      mode: schedule.value.mode,
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(flags.serviceAccount !== undefined ? { service_account: flags.serviceAccount } : {}),
    });
    for (const n of notes) io.err(`note: ${n}`);
    await printRecurringRun(io, flags, recurringRun, 'Created recurring run');
  });
}

/** The root parameters of an uploaded version, from the spec the server stored. */
async function versionParameters(kfp: import('../../client/kfp-client.ts').KfpClient, pipelineId: string, versionId: string): Promise<Record<string, import('../../client/pipeline-file.ts').RootParameterSpec>> {
  const { isRecord } = await import('../../client/pipeline-file.ts');
  const stored = (await kfp.pipelines.getVersion(pipelineId, versionId)).pipeline_spec ?? {};
  // Stored alone, or as {pipeline_spec, platform_spec} when the upload had a platform document.
  const spec = isRecord(stored['pipeline_spec']) ? stored['pipeline_spec'] : stored;
  const root = isRecord(spec['root']) ? spec['root'] : {};
  const defs = isRecord(root['inputDefinitions']) ? root['inputDefinitions'] : {};
  return isRecord(defs['parameters']) ? (defs['parameters'] as Record<string, import('../../client/pipeline-file.ts').RootParameterSpec>) : {};
}
