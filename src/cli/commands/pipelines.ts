import type { Command } from 'commander';
import { addConnectionOptions, failWith, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';

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
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return failWith(io, [{ code: 'pipelines/invalid-limit', path: '--limit', message: `--limit takes a whole number from 1 to 1000, not "${flags.limit}".` }]);
  }
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatTime, renderTable } = await import('../../client/render.ts');
    const { filterParam } = await import('../../client/filters.ts');
    const res = await kfp.listPipelines({
      pageSize: limit,
      sortBy: 'created_at desc',
      ...(flags.nameContains !== undefined ? { filter: filterParam([{ key: 'name', operation: 'IS_SUBSTRING', string_value: flags.nameContains }]) } : {}),
      ...(flags.pageToken !== undefined ? { pageToken: flags.pageToken } : {}),
      ...(connection.namespace !== undefined ? { namespace: connection.namespace } : {}),
    });
    const pipelines = res.pipelines ?? [];
    if (flags.output === 'json') {
      io.out(JSON.stringify({ pipelines, next_page_token: res.next_page_token ?? null, total_size: res.total_size ?? null }, null, 2));
      return;
    }
    if (pipelines.length === 0) {
      io.out('No pipelines.');
      return;
    }
    io.out(
      renderTable(pipelines, [
        { header: 'PIPELINE ID', value: (p) => p.pipeline_id },
        { header: 'NAME', value: (p) => p.name ?? p.display_name ?? '', max: 48 },
        { header: 'CREATED', value: (p) => formatTime(p.created_at) },
        { header: 'NAMESPACE', value: (p) => p.namespace || '(shared)' },
        { header: 'DESCRIPTION', value: (p) => p.description ?? '', max: 40 },
      ]),
    );
    if (res.next_page_token) io.out(`\nMore: --page-token ${res.next_page_token}`);
  });
}
