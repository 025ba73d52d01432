import type { Command } from 'commander';
import type { Run } from '../../client/schemas.ts';
import { deleteAfterConfirming } from '../confirm.ts';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { notFoundHint } from '../resource-ref.ts';

/** The run state changes: each calls the server, then reads the run back to show where it now is. */
const CHANGES = {
  terminate: { description: 'Stop a run (the server marks it CANCELING, Argo stops its pods).', done: 'Asked to stop' },
  retry: { description: 'Retry a FAILED or ERROR run: its failed steps run again, its finished ones are kept.', done: 'Retrying' },
  archive: { description: 'Archive a run (hidden from the default run lists, kept).', done: 'Archived' },
  unarchive: { description: 'Restore an archived run.', done: 'Unarchived' },
} as const;
type Change = keyof typeof CHANGES;

interface DeleteFlags extends KfpCommandFlags {
  readonly yes?: boolean;
}

/** Adds terminate, retry, archive, unarchive and delete to `kfp-ts runs`. */
export function registerRunLifecycle(runs: Command): void {
  for (const change of Object.keys(CHANGES) as Change[]) {
    addConnectionOptions(runs.command(change).description(CHANGES[change].description).argument('<run-id>', 'the run id')).action(async (runId: string, flags: KfpCommandFlags) =>
      changeRun(change, runId, flags, processIo),
    );
  }
  addConnectionOptions(runs.command('delete').description('Delete a run (asks first; --yes does not).').argument('<run-id>', 'the run id').option('--yes', 'delete without asking')).action(
    async (runId: string, flags: DeleteFlags) => deleteRun(runId, flags, processIo),
  );
}

const hints = (runId: string, change?: Change) => ({
  'client/not-found': notFoundHint('run', runId, 'runs list'),
  ...(change === 'retry'
    ? { 'client/conflict': 'Only a FAILED or ERROR run can be retried, and only while the server still has its workflow (it keeps what the persistence agent reported).' }
    : {}),
});

export async function changeRun(change: Change, runId: string, flags: KfpCommandFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp }) => {
      await kfp.runs[change](runId);
      printRunState(io, flags, await kfp.runs.get(runId), CHANGES[change].done);
    },
    hints(runId, change),
  );
}

export async function deleteRun(runId: string, flags: DeleteFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp }) => {
      const run = await kfp.runs.get(runId);
      const label = `run "${run.display_name ?? runId}" (id ${runId})`;
      await deleteAfterConfirming(io, kfp, flags, { label, remove: () => kfp.runs.delete(runId), lookUp: () => kfp.runs.get(runId), ids: { run_id: runId } });
    },
    hints(runId),
  );
}

function printRunState(io: CommandIo, flags: KfpCommandFlags, run: Run, done: string): void {
  if (flags.format === 'json') {
    io.out(JSON.stringify(run, null, 2));
    return;
  }
  io.out(`${done} run "${run.display_name ?? run.run_id}" (id ${run.run_id}): state ${run.state ?? '-'}, storage ${run.storage_state ?? '-'}`);
}
