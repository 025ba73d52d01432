import type { Command } from 'commander';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { pageSize, printPage } from '../listing.ts';

interface ListFlags extends KfpCommandFlags {
  readonly nameContains?: string;
  readonly limit?: string;
  readonly pageToken?: string;
}

export function register(program: Command): void {
  const pipelines = program.command('pipelines').description('Inspect uploaded pipelines.');
  addConnectionOptions(
    pipelines
      .command('list')
      .description('List pipelines, newest first.')
      .option('--name-contains <text>', 'only pipelines whose name contains this')
      .option('--limit <n>', 'at most this many (default 20)')
      .option('--page-token <token>', 'continue a previous listing'),
  ).action(async (flags: ListFlags) => {
    await listPipelines(flags, processIo);
  });
}

export async function listPipelines(flags: ListFlags, io: CommandIo): Promise<void> {
  const limit = pageSize(io, flags.limit, 'pipelines');
  if (limit === undefined) return;
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatTime } = await import('../../client/render.ts');
    const { filterParam } = await import('../../client/filters.ts');
    const res = await kfp.listPipelines({
      pageSize: limit,
      sortBy: 'created_at desc',
      ...(flags.nameContains !== undefined ? { filter: filterParam([{ key: 'name', operation: 'IS_SUBSTRING', string_value: flags.nameContains }]) } : {}),
      ...(flags.pageToken !== undefined ? { pageToken: flags.pageToken } : {}),
      ...(connection.namespace !== undefined ? { namespace: connection.namespace } : {}),
    });
    await printPage(io, flags.format, 'pipelines', { items: res.pipelines ?? [], nextPageToken: res.next_page_token, totalSize: res.total_size }, [
      { header: 'PIPELINE ID', value: (p) => p.pipeline_id },
      { header: 'NAME', value: (p) => p.name ?? p.display_name ?? '', max: 48 },
      { header: 'CREATED', value: (p) => formatTime(p.created_at) },
      { header: 'NAMESPACE', value: (p) => p.namespace || '(shared)' },
      { header: 'DESCRIPTION', value: (p) => p.description ?? '', max: 40 },
    ]);
  });
}
