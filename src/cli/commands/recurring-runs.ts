import type { Command } from 'commander';
import { deleteAfterConfirming } from '../confirm.ts';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { experimentOfFlags, newestFirst, pageOf, pageSize, printPage } from '../listing.ts';
import { notFoundHint } from '../resource-ref.ts';
import { registerRecurringRunCreate } from './recurring-run-create.ts';
import { printRecurringRun, triggerText } from '../recurring-run-text.ts';

interface ListFlags extends KfpCommandFlags {
  readonly experiment?: string;
  readonly experimentId?: string;
  readonly limit?: string;
  readonly pageToken?: string;
}
interface DeleteFlags extends KfpCommandFlags {
  readonly yes?: boolean;
}

export function register(program: Command): void {
  const group = program.command('recurring-runs').description('Schedule runs on a cron or an interval (kfp\'s recurring runs): create, list, inspect, enable, disable, delete.');
  registerRecurringRunCreate(group);
  addConnectionOptions(
    group
      .command('list')
      .description('List recurring runs, newest first.')
      .option('--experiment <name>', 'only those in this experiment')
      .option('--experiment-id <id>', 'only those in the experiment with this id')
      .option('--limit <n>', 'at most this many (default 20)')
      .option('--page-token <token>', 'continue a previous listing'),
  ).action(async (flags: ListFlags) => listRecurringRuns(flags, processIo));
  addConnectionOptions(group.command('get').description('Show one recurring run: its trigger, concurrency, catch-up and parameters.').argument('<recurring-run-id>', 'the recurring run id')).action(
    async (id: string, flags: KfpCommandFlags) => changeRecurringRun(undefined, id, flags, processIo),
  );
  for (const [verb, description] of [
    ['enable', 'Start scheduling runs again.'],
    ['disable', 'Stop scheduling runs (the recurring run is kept).'],
  ] as const) {
    addConnectionOptions(group.command(verb).description(description).argument('<recurring-run-id>', 'the recurring run id')).action(async (id: string, flags: KfpCommandFlags) =>
      changeRecurringRun(verb, id, flags, processIo),
    );
  }
  addConnectionOptions(
    group.command('delete').description('Delete a recurring run (asks first; --yes does not). Runs it started are kept.').argument('<recurring-run-id>', 'the recurring run id').option('--yes', 'delete without asking'),
  ).action(async (id: string, flags: DeleteFlags) => deleteRecurringRun(id, flags, processIo));
}

const hints = (id: string) => ({ 'client/not-found': notFoundHint('recurring run', id, 'recurring-runs list') });

export async function listRecurringRuns(flags: ListFlags, io: CommandIo): Promise<void> {
  const limit = pageSize(io, flags.limit, 'recurring-runs');
  if (limit === undefined) return;
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatTime } = await import('../../client/render.ts');
    const experimentId = await experimentOfFlags(io, kfp, flags, connection.namespace, 'recurring-runs');
    if (experimentId === null) return;
    const res = await kfp.recurringRuns.list({ ...newestFirst(limit, flags.pageToken, connection.namespace), ...(experimentId !== undefined ? { experimentId } : {}) });
    await printPage(io, flags.format, 'recurring_runs', pageOf(res.recurringRuns, res), [
      { header: 'RECURRING RUN ID', value: (r) => r.recurring_run_id },
      { header: 'NAME', value: (r) => r.display_name ?? '', max: 40 },
      { header: 'STATUS', value: (r) => r.status ?? '-' },
      { header: 'TRIGGER', value: (r) => triggerText(r.trigger), max: 40 },
      { header: 'MAX CONCURRENCY', value: (r) => String(r.max_concurrency ?? '-') },
      { header: 'CREATED', value: (r) => formatTime(r.created_at) },
    ]);
  });
}

/** Enable or disable (or, without a change, just get), then show the recurring run as the server has it. */
export async function changeRecurringRun(change: 'enable' | 'disable' | undefined, id: string, flags: KfpCommandFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp }) => {
      if (change !== undefined) await kfp.recurringRuns[change](id);
      const headline = change === undefined ? undefined : `${change === 'enable' ? 'Enabled' : 'Disabled'} recurring run`;
      await printRecurringRun(io, flags, await kfp.recurringRuns.get(id), headline);
    },
    hints(id),
  );
}

export async function deleteRecurringRun(id: string, flags: DeleteFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp }) => {
      const recurringRun = await kfp.recurringRuns.get(id);
      const label = `recurring run "${recurringRun.display_name ?? id}" (id ${id})`;
      await deleteAfterConfirming(io, kfp, flags, { label, remove: () => kfp.recurringRuns.delete(id), lookUp: () => kfp.recurringRuns.get(id), ids: { recurring_run_id: id } });
    },
    hints(id),
  );
}
