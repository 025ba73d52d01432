import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { addConnectionOptions, failWith, processIo, withKfpClient, type CommandIo, type KfpCommandFlags } from '../connection.ts';
import { diagnostic } from '../../diagnostics.ts';
import { addPipelineInputOptions, loadPipelineInput, type PipelineInputFlags } from '../pipeline-input.ts';

interface UploadFlags extends KfpCommandFlags, PipelineInputFlags {
  readonly name?: string;
  readonly versionName?: string;
  readonly description?: string;
}

export function register(program: Command): void {
  addConnectionOptions(
    addPipelineInputOptions(
      program
        .command('upload')
        .description('Upload a pipeline to Kubeflow Pipelines; when one of that name exists, add a version instead. A .ts file is compiled first.')
        .argument('<file>', 'compiled pipeline (.yaml) or pipeline source (.ts)')
        .option('--name <name>', 'pipeline name (default: the pipeline\'s own name, pipelineInfo.name)')
        .option('--version-name <name>', 'pipeline version name (default: the pipeline name for a new pipeline, sha256-<hash of the file> for a new version)')
        .option('--description <text>', 'description of the pipeline / version'),
    ),
  ).action(async (file: string, flags: UploadFlags) => {
    await upload(file, flags, processIo);
  });
}

export async function upload(file: string, flags: UploadFlags, io: CommandIo): Promise<void> {
  const loaded = await loadPipelineInput(file, flags, io);
  if (loaded === undefined) return;
  const pkg = loaded;
  const name = flags.name ?? pkg.pipelineName;
  if (name === undefined || name.trim() === '') {
    return failWith(io, [diagnostic('upload/no-name', 'pipelineInfo/name', 'The pipeline has no name (pipelineInfo.name); pass --name.', file)]);
  }
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { publishPipeline } = await import('../../client/publish.ts');
    const { uiBaseUrl, pipelineVersionLink } = await import('../../client/ui-links.ts');
    const result = await publishPipeline(kfp, {
      file: { content: pkg.bytes, filename: uploadName(file) },
      name,
      sha256: pkg.sha256,
      ...(flags.versionName !== undefined ? { versionName: flags.versionName } : {}),
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(connection.namespace !== undefined ? { namespace: connection.namespace } : {}),
    });
    const link = pipelineVersionLink(uiBaseUrl(kfp.http.baseUrl, connection.uiUrl), result.pipeline.pipeline_id, result.version.pipeline_version_id);
    if (flags.format === 'json') {
      io.out(
        JSON.stringify(
          {
            outcome: result.outcome,
            pipeline_id: result.pipeline.pipeline_id,
            pipeline_name: result.pipeline.name ?? name,
            pipeline_version_id: result.version.pipeline_version_id,
            version_name: result.version.name,
            url: link,
            notes: result.notes,
          },
          null,
          2,
        ),
      );
      return;
    }
    for (const n of result.notes) io.err(`note: ${n}`);
    const headline = {
      created: `Created pipeline "${name}"`,
      versioned: `Added a version to pipeline "${name}"`,
      unchanged: `Pipeline "${name}" already has this file as a version; nothing uploaded`,
    }[result.outcome];
    io.out(headline);
    io.out(`  pipeline id: ${result.pipeline.pipeline_id}`);
    io.out(`  version:     ${result.version.name ?? '-'} (id ${result.version.pipeline_version_id})`);
    io.out(`  link:        ${link}`);
  });
}

/** The part filename: the user's .yaml name, or `<stem>.yaml` for a compiled .ts. */
function uploadName(file: string): string {
  const base = basename(file);
  return /\.ya?ml$/i.test(base) ? base : `${base.slice(0, base.length - extname(base).length)}.yaml`;
}
