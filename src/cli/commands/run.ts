import type { Command } from 'commander';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { EXIT_USAGE, EXIT_USER_ERROR } from '../exit-codes.ts';
import { addConnectionOptions, failWith, processIo, withKfpClient, type CommandIo } from '../connection.ts';
import { addPipelineInputOptions, loadPipelineInput } from '../pipeline-input.ts';
import { repeatableOption } from '../repeatable-option.ts';
import { collectParameters, paramSyntaxProblems, type Checked } from '../run-parameters.ts';
import type { Run } from '../../client/schemas.ts';
import type { RunFlags } from '../run-flags.ts';
import { addLocalRunOptions } from '../run-local-options.ts';

export function register(program: Command): void {
  addLocalRunOptions(addConnectionOptions(
    addPipelineInputOptions(
      program
        .command('run')
        .description('Start a run of a pipeline in an experiment (created if missing), or with --local run it on this machine. Parameters are checked against the pipeline before anything is sent or run.')
        .argument('<file>', 'compiled pipeline (.yaml) or pipeline source (.ts)')
        .option('--experiment <name>', 'experiment to run in; created when it does not exist (required unless --local)')
        .addOption(repeatableOption('--param <name=value>', 'a pipeline parameter; repeat for several. LIST and STRUCT values are JSON'))
        .option('--params-file <file.json>', 'a JSON object of parameter values (--param wins on conflicts)')
        .option('--run-name <name>', 'run name (default: "<pipeline> <date time>")')
        .option('--description <text>', 'run description')
        .option('--pipeline-root <uri>', 'where the run writes artifacts (default: the server\'s; with --local a directory, default ./local_outputs)')
        .option('--service-account <name>', 'Kubernetes service account for the run\'s pods')
        .option('--wait', 'follow the run: live task states, then the final state, duration and metrics; exit 1 unless it succeeds')
        .option('--timeout <seconds>', 'with --wait: stop waiting after this long (the run continues)')
        .option('--poll-interval <seconds>', 'with --wait: seconds between status checks (default 5)')
        .option('--dry-run', 'check the parameters and print the request; send nothing'),
    ),
  )).action(async (file: string, flags: RunFlags, command: Command) => {
    if (flags.local === true) {
      const { runLocalCommand } = await import('./run-local.ts');
      await runLocalCommand(file, flags, processIo);
      return;
    }
    if (flags.experiment === undefined) command.error("error: required option '--experiment <name>' not specified (or run on this machine with --local)", { exitCode: EXIT_USAGE, code: 'commander.missingMandatoryOptionValue' });
    await run(file, flags, processIo);
  });
}

export async function run(file: string, flags: RunFlags, io: CommandIo): Promise<void> {
  // The command line first: a wrong flag is reported before the pipeline is read or compiled.
  const numbers = parseSeconds(flags, ['timeout', 'pollInterval']);
  const wrong = [...(numbers.ok ? [] : numbers.diagnostics), ...(await paramSyntaxProblems(flags))];
  if (!numbers.ok || wrong.length > 0) return failWith(io, wrong);

  const pkg = await loadPipelineInput(file, flags, io);
  if (pkg === undefined) return;
  const params = await collectParameters(pkg, flags, file);
  if (!params.ok) return failWith(io, params.diagnostics);
  const warnings = params.diagnostics;
  if (warnings.length > 0) failWith(io, warnings);

  const { runPipelineSpec } = await import('../../client/pipeline-file.ts');
  const runName = flags.runName ?? defaultRunName(pkg.pipelineName ?? 'pipeline', new Date());
  if (flags.dryRun === true) {
    io.out(
      JSON.stringify(
        {
          experiment: flags.experiment,
          run: {
            display_name: runName,
            pipeline_spec: '(inline, from the file)',
            runtime_config: { parameters: params.value, ...(flags.pipelineRoot !== undefined ? { pipeline_root: flags.pipelineRoot } : {}) },
          },
        },
        null,
        2,
      ),
    );
    return;
  }

  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { ensureExperiment } = await import('../../client/experiments.ts');
    const { submitRun, followRun, runDurationMs, visibleTasks } = await import('../../client/runs.ts');
    const { uiBaseUrl, runLink } = await import('../../client/ui-links.ts');
    const { formatDuration, renderTable } = await import('../../client/render.ts');
    const ui = uiBaseUrl(kfp.http.baseUrl, connection.uiUrl);

    const { experiment, created } = await ensureExperiment(kfp, flags.experiment ?? '', connection.namespace !== undefined ? { namespace: connection.namespace } : {});
    if (created && flags.format !== 'json') io.err(`Created experiment "${flags.experiment}" (id ${experiment.experiment_id})`);
    const submitted = await submitRun(kfp, {
      experimentId: experiment.experiment_id,
      runName,
      pipelineSpec: runPipelineSpec(pkg),
      parameters: params.value,
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(flags.pipelineRoot !== undefined ? { pipelineRoot: flags.pipelineRoot } : {}),
      ...(flags.serviceAccount !== undefined ? { serviceAccount: flags.serviceAccount } : {}),
    });
    for (const n of submitted.notes) io.err(`note: ${n}`);
    const runId = submitted.run.run_id;
    const link = runLink(ui, runId);
    if (flags.format !== 'json') {
      io.out(`Started run "${runName}"`);
      io.out(`  run id:     ${runId}`);
      io.out(`  experiment: ${flags.experiment} (id ${experiment.experiment_id})`);
      io.out(`  link:       ${link}`);
    }
    if (flags.wait !== true) {
      if (flags.format === 'json') io.out(JSON.stringify({ run_id: runId, display_name: runName, experiment_id: experiment.experiment_id, state: submitted.run.state, url: link }, null, 2));
      return;
    }

    const startedWait = Date.now();
    const final: Run = await followRun(kfp, runId, {
      intervalMs: numbers.value['pollInterval'] ?? 5000,
      ...(numbers.value['timeout'] !== undefined ? { timeoutMs: numbers.value['timeout'] } : {}),
      onEvent: (e) => {
        const clock = e.at.toISOString().slice(11, 19);
        const elapsed = formatDuration(Date.now() - startedWait);
        if (e.kind === 'run-state') io.err(`${clock} +${elapsed}  run  ${e.state}`);
        else io.err(`${clock} +${elapsed}  ${e.task}  ${e.previous ?? 'NEW'} → ${e.state}`);
      },
    });
    const state = final.state ?? 'RUNTIME_STATE_UNSPECIFIED';
    const duration = runDurationMs(final);
    const { collectRunMetrics } = await import('../../client/metrics.ts');
    const metrics = await collectRunMetrics(kfp, final);
    if (flags.format === 'json') {
      io.out(JSON.stringify({ run_id: runId, display_name: runName, experiment_id: experiment.experiment_id, state, duration_ms: duration ?? null, url: link, metrics: metrics.values, metrics_note: metrics.note ?? null, error: final.error ?? null }, null, 2));
    } else {
      io.out(`Run ${state} in ${formatDuration(duration)}`);
      if (final.error?.message) io.out(`  error: ${kfp.http.redactor.redact(final.error.message)}`);
      const tasks = visibleTasks(final);
      if (tasks.length > 0) io.out(renderTable(tasks, [{ header: 'TASK', value: (t) => t.name, max: 48 }, { header: 'STATE', value: (t) => t.state }]));
      if (metrics.values.length > 0) {
        io.out('Metrics:');
        io.out(renderTable(metrics.values, [{ header: 'TASK', value: (m) => m.task }, { header: 'ARTIFACT', value: (m) => m.artifact }, { header: 'METRIC', value: (m) => m.name }, { header: 'VALUE', value: (m) => String(m.value) }]));
      } else {
        io.out(`Metrics: ${metrics.note ?? 'none reported'}`);
      }
    }
    if (state !== 'SUCCEEDED') process.exitCode = EXIT_USER_ERROR;
  });
}

function parseSeconds(flags: RunFlags, keys: ReadonlyArray<'timeout' | 'pollInterval'>): Checked<Record<string, number>> {
  const out: Record<string, number> = {};
  const diags: Diagnostic[] = [];
  for (const k of keys) {
    const raw = flags[k];
    if (raw === undefined) continue;
    const n = Number(raw);
    const flag = k === 'pollInterval' ? '--poll-interval' : '--timeout';
    if (!Number.isFinite(n) || n <= 0) diags.push(diagnostic('run/invalid-number', [flag], `${flag} takes a positive number of seconds, not "${raw}".`));
    else out[k] = Math.round(n * 1000);
  }
  return diags.length > 0 ? { ok: false, diagnostics: diags } : { ok: true, value: out, diagnostics: [] };
}

/** `<pipeline> 2026-01-02 15-04-05`, the Python client's pattern (UTC here, for reproducible CI logs). */
export function defaultRunName(pipelineName: string, now: Date): string {
  const iso = now.toISOString();
  return `${pipelineName} ${iso.slice(0, 10)} ${iso.slice(11, 19).replace(/:/g, '-')}`;
}
