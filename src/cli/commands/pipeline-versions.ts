import type { Command } from 'commander';
import type { KfpClient } from '../../client/kfp-client.ts';
import type { PipelineVersion } from '../../client/schemas.ts';
import { deleteAfterConfirming } from '../confirm.ts';
import { addConnectionOptions, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { newestFirst, pageOf, pageSize, printPage } from '../listing.ts';
import { notFoundHint, refGiven, withResourceId, type ResourceRef } from '../resource-ref.ts';

interface ListFlags extends KfpCommandFlags {
  readonly name?: string;
  readonly limit?: string;
  readonly pageToken?: string;
}
interface DeleteFlags extends KfpCommandFlags {
  readonly yes?: boolean;
}

/** Adds list-versions, get-version and delete-version to `kfp-ts pipelines` (kfp's names). */
export function registerPipelineVersions(pipelines: Command): void {
  addConnectionOptions(
    pipelines
      .command('list-versions')
      .description("List a pipeline's versions, newest first.")
      .argument('[pipeline-id]', 'the pipeline id')
      .option('--name <name>', 'the pipeline name instead of its id')
      .option('--limit <n>', 'at most this many (default 20)')
      .option('--page-token <token>', 'continue a previous listing'),
  ).action(async (id: string | undefined, flags: ListFlags) => listVersions(id, flags, processIo));
  addConnectionOptions(pipelines.command('get-version').description('Show one pipeline version.').argument('<pipeline-id>', 'the pipeline id').argument('<version-id>', 'the version id')).action(
    async (pipelineId: string, versionId: string, flags: KfpCommandFlags) => getVersion(pipelineId, versionId, flags, processIo),
  );
  addConnectionOptions(
    pipelines
      .command('delete-version')
      .description('Delete a pipeline version (asks first; --yes does not).')
      .argument('<pipeline-id>', 'the pipeline id')
      .argument('<version-id>', 'the version id')
      .option('--yes', 'delete without asking'),
  ).action(async (pipelineId: string, versionId: string, flags: DeleteFlags) => deleteVersion(pipelineId, versionId, flags, processIo));
}

/** The id of the pipeline of that name in the namespace, for `--name`. */
export const pipelineIdOfName = async (kfp: KfpClient, name: string, namespace: string | undefined): Promise<string | undefined> => (await kfp.pipelines.findByName(name, namespace))?.pipeline_id;

const hints = (what: string) => ({ 'client/not-found': `No ${what} on this server (deleted, or in another namespace: --namespace). List them with \`kfp-ts pipelines list\` / \`kfp-ts pipelines list-versions\`.` });

export async function listVersions(id: string | undefined, flags: ListFlags, io: CommandIo): Promise<void> {
  const ref: ResourceRef = { kind: 'pipeline', id, name: flags.name, command: 'pipelines' };
  if (!refGiven(io, ref)) return;
  const limit = pageSize(io, flags.limit, 'pipelines');
  if (limit === undefined) return;
  await withResourceId(
    io,
    flags,
    ref,
    pipelineIdOfName,
    async ({ kfp, id: pipelineId }) => {
      const { formatTime } = await import('../../client/render.ts');
      const res = await kfp.pipelines.listVersions(pipelineId, newestFirst(limit, flags.pageToken, undefined));
      await printPage(io, flags.format, 'pipeline_versions', pageOf(res.pipeline_versions, res), [
        { header: 'VERSION ID', value: (v) => v.pipeline_version_id },
        { header: 'NAME', value: (v) => v.name ?? v.display_name ?? '', max: 48 },
        { header: 'CREATED', value: (v) => formatTime(v.created_at) },
        { header: 'DESCRIPTION', value: (v) => v.description ?? '', max: 40 },
      ]);
    },
    hints(id !== undefined ? `pipeline has the id ${id}` : 'such pipeline'),
  );
}

export async function getVersion(pipelineId: string, versionId: string, flags: KfpCommandFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp, connection }) => {
      const version = await kfp.pipelines.getVersion(pipelineId, versionId);
      if (flags.format === 'json') return io.out(JSON.stringify(version, null, 2));
      const { formatTime } = await import('../../client/render.ts');
      const { pipelineVersionLink, uiBaseUrl } = await import('../../client/ui-links.ts');
      io.out(
        [
          `Pipeline version: ${version.name ?? version.display_name ?? '-'}`,
          `  id:          ${version.pipeline_version_id}`,
          `  pipeline id: ${version.pipeline_id ?? pipelineId}`,
          `  created:     ${formatTime(version.created_at)}`,
          ...(version.description ? [`  description: ${version.description}`] : []),
          `  spec:        ${specSummary(version)}`,
          `  link:        ${pipelineVersionLink(uiBaseUrl(kfp.http.baseUrl, connection.uiUrl), pipelineId, version.pipeline_version_id)}`,
        ].join('\n'),
      );
    },
    hints(`version ${versionId} of pipeline ${pipelineId}`),
  );
}

export async function deleteVersion(pipelineId: string, versionId: string, flags: DeleteFlags, io: CommandIo): Promise<void> {
  await withKfpClient(
    io,
    flags,
    async ({ kfp }) => {
      const version = await kfp.pipelines.getVersion(pipelineId, versionId);
      const label = `pipeline version "${version.name ?? versionId}" (id ${versionId})`;
      await deleteAfterConfirming(io, kfp, flags, {
        label,
        remove: () => kfp.pipelines.deleteVersion(pipelineId, versionId),
        lookUp: () => kfp.pipelines.getVersion(pipelineId, versionId),
        ids: { pipeline_id: pipelineId, pipeline_version_id: versionId },
      });
    },
    hints(`version ${versionId} of pipeline ${pipelineId}`),
  );
}

/** `pipeline "name", 4 components` from the stored spec, or `-` without one. */
function specSummary(v: PipelineVersion): string {
  const spec = v.pipeline_spec;
  if (spec === undefined) return '-';
  // The server stores the spec alone, or {pipeline_spec, platform_spec} when the file had a platform document.
  const pipelineSpec = (spec['pipeline_spec'] ?? spec) as { pipelineInfo?: { name?: string }; components?: Record<string, unknown> };
  return `pipeline "${pipelineSpec.pipelineInfo?.name ?? '-'}", ${Object.keys(pipelineSpec.components ?? {}).length} components (--format json shows it)`;
}
