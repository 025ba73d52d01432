import type { Command } from 'commander';
import type { KfpClient } from '../../client/kfp-client.ts';
import type { Experiment } from '../../client/schemas.ts';
import { deleteAfterConfirming } from '../confirm.ts';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { newestFirst, pageOf, pageSize, printPage } from '../listing.ts';
import { notFoundHint, withResourceId, type ResourceRef } from '../resource-ref.ts';

interface CreateFlags extends KfpCommandFlags {
  readonly description?: string;
}
interface ListFlags extends KfpCommandFlags {
  readonly limit?: string;
  readonly pageToken?: string;
}
interface OneFlags extends KfpCommandFlags {
  readonly name?: string;
  readonly yes?: boolean;
}

type Change = 'archive' | 'unarchive';

export function register(program: Command): void {
  const group = program.command('experiments').description('Create, list, inspect, archive and delete experiments.');
  addConnectionOptions(
    group.command('create').description('Create an experiment (names are unique; an existing one is an error).').argument('<name>', 'the experiment name').option('--description <text>', 'what the experiment is for'),
  ).action(async (name: string, flags: CreateFlags) => createExperiment(name, flags, processIo));
  addConnectionOptions(
    group
      .command('list')
      .description('List experiments, newest first.')
      .option('--limit <n>', 'at most this many (default 20)')
      .option('--page-token <token>', 'continue a previous listing'),
  ).action(async (flags: ListFlags) => listExperiments(flags, processIo));
  for (const [verb, description] of [
    ['get', 'Show one experiment.'],
    ['archive', 'Archive an experiment and its runs.'],
    ['unarchive', 'Restore an archived experiment.'],
    ['delete', 'Delete an experiment (asks first; --yes does not).'],
  ] as const) {
    const cmd = group.command(verb).description(description).argument('[experiment-id]', 'the experiment id').option('--name <name>', 'the experiment name instead of its id');
    if (verb === 'delete') cmd.option('--yes', 'delete without asking');
    addConnectionOptions(cmd).action(async (id: string | undefined, flags: OneFlags) => {
      if (verb === 'get') await getExperiment(id, flags, processIo);
      else if (verb === 'delete') await deleteExperiment(id, flags, processIo);
      else await changeExperiment(verb, id, flags, processIo);
    });
  }
}

const ref = (id: string | undefined, flags: OneFlags): ResourceRef => ({ kind: 'experiment', id, name: flags.name, command: 'experiments' });
const hints = (id: string | undefined) => ({ 'client/not-found': notFoundHint('experiment', id, 'experiments list') });
const experimentIdOfName = async (kfp: KfpClient, name: string, namespace: string | undefined) => (await kfp.experiments.findByName(name, namespace))?.experiment_id;

export async function createExperiment(name: string, flags: CreateFlags, io: CommandIo): Promise<void> {
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { createExperiment: create } = await import('../../client/experiments.ts');
    const { experiment, notes } = await create(kfp, name, {
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(connection.namespace !== undefined ? { namespace: connection.namespace } : {}),
    });
    for (const n of notes) io.err(`note: ${n}`);
    await printExperiment(io, flags, experiment, `Created experiment "${experiment.display_name ?? name}"`, kfp.http.baseUrl, connection.uiUrl);
  });
}

export async function listExperiments(flags: ListFlags, io: CommandIo): Promise<void> {
  const limit = pageSize(io, flags.limit, 'experiments');
  if (limit === undefined) return;
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatTime } = await import('../../client/render.ts');
    const res = await kfp.experiments.list(newestFirst(limit, flags.pageToken, connection.namespace));
    await printPage(io, flags.format, 'experiments', pageOf(res.experiments, res), [
      { header: 'EXPERIMENT ID', value: (e) => e.experiment_id },
      { header: 'NAME', value: (e) => e.display_name ?? '', max: 48 },
      { header: 'STORAGE', value: (e) => e.storage_state ?? '-' },
      { header: 'CREATED', value: (e) => formatTime(e.created_at) },
      { header: 'LAST RUN', value: (e) => formatTime(e.last_run_created_at) },
      { header: 'DESCRIPTION', value: (e) => e.description ?? '', max: 40 },
    ]);
  });
}

export async function getExperiment(id: string | undefined, flags: OneFlags, io: CommandIo): Promise<void> {
  await withResourceId(
    io,
    flags,
    ref(id, flags),
    experimentIdOfName,
    async ({ kfp, connection, id: experimentId }) => {
      await printExperiment(io, flags, await kfp.experiments.get(experimentId), undefined, kfp.http.baseUrl, connection.uiUrl);
    },
    hints(id),
  );
}

/** Archive or unarchive, then read the experiment back to show its storage state. */
export async function changeExperiment(change: Change, id: string | undefined, flags: OneFlags, io: CommandIo): Promise<void> {
  await withResourceId(
    io,
    flags,
    ref(id, flags),
    experimentIdOfName,
    async ({ kfp, connection, id: experimentId }) => {
      await kfp.experiments[change](experimentId);
      const experiment = await kfp.experiments.get(experimentId);
      const done = change === 'archive' ? 'Archived' : 'Unarchived';
      await printExperiment(io, flags, experiment, `${done} experiment "${experiment.display_name ?? experimentId}"`, kfp.http.baseUrl, connection.uiUrl);
    },
    hints(id),
  );
}

export async function deleteExperiment(id: string | undefined, flags: OneFlags, io: CommandIo): Promise<void> {
  await withResourceId(
    io,
    flags,
    ref(id, flags),
    experimentIdOfName,
    async ({ kfp, connection, id: experimentId }) => {
      const experiment = await kfp.experiments.get(experimentId);
      const label = `experiment "${experiment.display_name ?? experimentId}" (id ${experimentId})`;
      await deleteAfterConfirming(io, kfp, flags, { label, remove: () => kfp.experiments.delete(experimentId), lookUp: () => kfp.experiments.get(experimentId), ids: { experiment_id: experimentId } });
    },
    hints(id),
  );
}

/** The experiment as JSON, or as lines under `headline` (default `Experiment: <name>`). */
async function printExperiment(io: CommandIo, flags: KfpCommandFlags, e: Experiment, headline: string | undefined, apiHost: URL, uiUrl: string | undefined): Promise<void> {
  if (flags.format === 'json') {
    io.out(JSON.stringify(e, null, 2));
    return;
  }
  const { formatTime } = await import('../../client/render.ts');
  const { experimentLink, uiBaseUrl } = await import('../../client/ui-links.ts');
  io.out(
    [
      headline ?? `Experiment: ${e.display_name ?? '-'}`,
      `  id:          ${e.experiment_id}`,
      `  storage:     ${e.storage_state ?? '-'}`,
      `  created:     ${formatTime(e.created_at)}`,
      `  last run:    ${formatTime(e.last_run_created_at)}`,
      ...(e.namespace ? [`  namespace:   ${e.namespace}`] : []),
      ...(e.description ? [`  description: ${e.description}`] : []),
      `  link:        ${experimentLink(uiBaseUrl(apiHost, uiUrl), e.experiment_id)}`,
    ].join('\n'),
  );
}
