import type { Command } from 'commander';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import type { Pipeline } from '../../client/schemas.ts';
import { deleteAfterConfirming } from '../confirm.ts';
import { newestFirst, pageOf, pageSize, printPage } from '../listing.ts';
import { notFoundHint, withResourceId, type ResourceRef } from '../resource-ref.ts';
import { pipelineIdOfName, registerPipelineVersions } from './pipeline-versions.ts';

interface OneFlags extends KfpCommandFlags {
  readonly name?: string;
  readonly yes?: boolean;
  readonly cascade?: boolean;
}

interface ListFlags extends KfpCommandFlags {
  readonly nameContains?: string;
  readonly limit?: string;
  readonly pageToken?: string;
}

export function register(program: Command): void {
  const pipelines = program.command('pipelines').description('List, inspect and delete uploaded pipelines and their versions (`kfp-ts upload` adds them).');
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
  addConnectionOptions(pipelines.command('get').description('Show one pipeline.').argument('[pipeline-id]', 'the pipeline id').option('--name <name>', 'the pipeline name instead of its id')).action(
    async (id: string | undefined, flags: OneFlags) => getPipeline(id, flags, processIo),
  );
  addConnectionOptions(
    pipelines
      .command('delete')
      .description('Delete a pipeline (asks first; --yes does not). The server refuses while it has versions, unless --cascade.')
      .argument('[pipeline-id]', 'the pipeline id')
      .option('--name <name>', 'the pipeline name instead of its id')
      .option('--cascade', 'delete its versions too')
      .option('--yes', 'delete without asking'),
  ).action(async (id: string | undefined, flags: OneFlags) => deletePipeline(id, flags, processIo));
  registerPipelineVersions(pipelines);
}

const ref = (id: string | undefined, flags: OneFlags): ResourceRef => ({ kind: 'pipeline', id, name: flags.name, command: 'pipelines' });

export async function getPipeline(id: string | undefined, flags: OneFlags, io: CommandIo): Promise<void> {
  await withResourceId(
    io,
    flags,
    ref(id, flags),
    pipelineIdOfName,
    async ({ kfp, id: pipelineId }) => {
      const pipeline = await kfp.pipelines.get(pipelineId);
      if (flags.format === 'json') return io.out(JSON.stringify(pipeline, null, 2));
      const versions = await kfp.pipelines.listVersions(pipelineId, { pageSize: 1, sortBy: 'created_at desc' });
      io.out(await pipelineLines(pipeline, versions.total_size, versions.pipeline_versions?.[0]?.name));
    },
    { 'client/not-found': notFoundHint('pipeline', id, 'pipelines list') },
  );
}

export async function deletePipeline(id: string | undefined, flags: OneFlags, io: CommandIo): Promise<void> {
  await withResourceId(
    io,
    flags,
    ref(id, flags),
    pipelineIdOfName,
    async ({ kfp, id: pipelineId }) => {
      const pipeline = await kfp.pipelines.get(pipelineId);
      const label = `pipeline "${pipeline.name ?? pipelineId}" (id ${pipelineId})${flags.cascade === true ? ' and all its versions' : ''}`;
      await deleteAfterConfirming(io, kfp, flags, {
        label,
        remove: () => kfp.pipelines.delete(pipelineId, { cascade: flags.cascade === true }),
        lookUp: () => kfp.pipelines.get(pipelineId),
        ids: { pipeline_id: pipelineId },
      });
    },
    {
      'client/not-found': notFoundHint('pipeline', id, 'pipelines list'),
      'client/bad-request': 'A pipeline with versions is deleted with --cascade (its versions go too), or after `kfp-ts pipelines delete-version` for each.',
    },
  );
}

async function pipelineLines(p: Pipeline, versionCount: number | undefined, latest: string | undefined): Promise<string> {
  const { formatTime } = await import('../../client/render.ts');
  return [
    `Pipeline: ${p.name ?? p.display_name ?? '-'}`,
    `  id:             ${p.pipeline_id}`,
    `  created:        ${formatTime(p.created_at)}`,
    `  namespace:      ${p.namespace || '(shared)'}`,
    `  versions:       ${versionCount ?? '-'}${latest !== undefined ? ` (latest: ${latest})` : ''}`,
    ...(p.description ? [`  description:    ${p.description}`] : []),
  ].join('\n');
}

export async function listPipelines(flags: ListFlags, io: CommandIo): Promise<void> {
  const limit = pageSize(io, flags.limit, 'pipelines');
  if (limit === undefined) return;
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { formatTime } = await import('../../client/render.ts');
    const { filterParam } = await import('../../client/filters.ts');
    const res = await kfp.listPipelines({
      ...newestFirst(limit, flags.pageToken, connection.namespace),
      ...(flags.nameContains !== undefined ? { filter: filterParam([{ key: 'name', operation: 'IS_SUBSTRING', string_value: flags.nameContains }]) } : {}),
    });
    await printPage(io, flags.format, 'pipelines', pageOf(res.pipelines, res), [
      { header: 'PIPELINE ID', value: (p) => p.pipeline_id },
      { header: 'NAME', value: (p) => p.name ?? p.display_name ?? '', max: 48 },
      { header: 'CREATED', value: (p) => formatTime(p.created_at) },
      { header: 'NAMESPACE', value: (p) => p.namespace || '(shared)' },
      { header: 'DESCRIPTION', value: (p) => p.description ?? '', max: 40 },
    ]);
  });
}
