import type { Command } from 'commander';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { experimentOfFlags, newestFirst, pageOf, pageSize, printPage } from '../listing.ts';
import { notFoundHint } from '../resource-ref.ts';
import { registerRunLifecycle } from './run-lifecycle.ts';

interface ListFlags extends KfpCommandFlags {
  readonly experiment?: string;
  readonly experimentId?: string;
  readonly limit?: string;
  readonly pageToken?: string;
}

type GetFlags = KfpCommandFlags;

export function register(program: Command): void {
  const runs = program.command('runs').description('List, inspect, stop, retry, archive and delete runs (`kfp-ts run` starts one).');
  addConnectionOptions(
    runs
      .command('list')
      .description('List runs, newest first.')
      .option('--experiment <name>', 'only runs in this experiment')
      .option('--experiment-id <id>', 'only runs in the experiment with this id')
      .option('--limit <n>', 'at most this many runs (default 20)')
      .option('--page-token <token>', 'continue a previous listing'),
  ).action(async (flags: ListFlags) => {
    await listRuns(flags, processIo);
  });
  addConnectionOptions(runs.command('get').description('Show one run with its tasks.').argument('<run-id>', 'the run id')).action(async (runId: string, flags: GetFlags) => {
    await getRun(runId, flags, processIo);
  });
  registerRunLifecycle(runs);
}

export async function listRuns(flags: ListFlags, io: CommandIo): Promise<void> {
  const limit = pageSize(io, flags.limit, 'runs');
  if (limit === undefined) return;
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatDuration, formatTime } = await import('../../client/render.ts');
    const { runDurationMs } = await import('../../client/runs.ts');
    const experimentId = await experimentOfFlags(io, kfp, flags, connection.namespace, 'runs');
    if (experimentId === null) return;
    const res = await kfp.listRuns({ ...newestFirst(limit, flags.pageToken, connection.namespace), ...(experimentId !== undefined ? { experimentId } : {}) });
    await printPage(io, flags.format, 'runs', pageOf(res.runs, res), [
      { header: 'RUN ID', value: (r) => r.run_id },
      { header: 'NAME', value: (r) => r.display_name ?? '', max: 48 },
      { header: 'STATE', value: (r) => r.state ?? '-' },
      { header: 'CREATED', value: (r) => formatTime(r.created_at) },
      { header: 'DURATION', value: (r) => formatDuration(runDurationMs(r)) },
    ]);
  });
}

export async function getRun(runId: string, flags: GetFlags, io: CommandIo): Promise<void> {
  const hints = { 'client/not-found': notFoundHint('run', runId, 'runs list') };
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatDuration, formatTime, renderTable } = await import('../../client/render.ts');
    const { runDurationMs, visibleTasks } = await import('../../client/runs.ts');
    const { uiBaseUrl, runLink } = await import('../../client/ui-links.ts');
    const run = await kfp.getRun(runId);
    if (flags.format === 'json') {
      io.out(JSON.stringify(run, null, 2));
      return;
    }
    const params = run.runtime_config?.parameters ?? {};
    const lines = [
      `Run:        ${run.display_name ?? '-'}`,
      `  id:         ${run.run_id}`,
      `  state:      ${run.state ?? '-'}`,
      `  experiment: ${run.experiment_id ?? '-'}`,
      `  storage:    ${run.storage_state ?? '-'}`,
      `  created:    ${formatTime(run.created_at)}`,
      `  finished:   ${formatTime(run.finished_at)}`,
      `  duration:   ${formatDuration(runDurationMs(run))}`,
      `  link:       ${runLink(uiBaseUrl(kfp.http.baseUrl, connection.uiUrl), run.run_id)}`,
    ];
    if (run.error?.message) lines.push(`  error:      ${kfp.http.redactor.redact(run.error.message)}`);
    io.out(lines.join('\n'));
    const names = Object.keys(params).sort();
    if (names.length > 0) {
      io.out('Parameters:');
      io.out(renderTable(names, [{ header: 'NAME', value: (n) => n }, { header: 'VALUE', value: (n) => JSON.stringify(params[n]), max: 80 }]));
    }
    const tasks = visibleTasks(run);
    if (tasks.length > 0) {
      io.out('Tasks:');
      io.out(
        renderTable(tasks, [
          { header: 'TASK', value: (t) => t.name, max: 48 },
          { header: 'STATE', value: (t) => t.state },
          { header: 'STARTED', value: (t) => formatTime(t.startTime) },
          { header: 'ENDED', value: (t) => formatTime(t.endTime) },
        ]),
      );
    }
  }, hints);
}
