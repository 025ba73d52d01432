import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../../diagnostics.ts';
import { EXIT_USER_ERROR } from '../exit-codes.ts';
import { addConnectionOptions, failWith, processIo, withKfpClient, type CommandIo, type ConnectionFlags } from '../connection.ts';
import type { PipelinePackage } from '../../client/pipeline-file.ts';

interface UploadFlags extends ConnectionFlags {
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly function?: string;
  readonly disableCaching?: boolean;
  readonly output: 'text' | 'json';
}

export function register(program: Command): void {
  addConnectionOptions(
    program
      .command('upload')
      .description('Upload a pipeline to Kubeflow Pipelines; when one of that name exists, add a version instead. A .ts file is compiled first.')
      .argument('<file>', 'compiled pipeline (.yaml) or pipeline source (.ts)')
      .option('--name <name>', 'pipeline name (default: the pipeline\'s own name, pipelineInfo.name)')
      .option('--version <name>', 'version name (default: the pipeline name for a new pipeline, sha256-<hash of the file> for a new version)')
      .option('--description <text>', 'description of the pipeline / version')
      .option('--function <name>', 'for .ts files: the pipeline to compile when the file defines several')
      .option('--disable-caching', 'for .ts files: compile with caching off by default'),
  ).action(async (file: string, flags: UploadFlags) => {
    await upload(file, flags, processIo);
  });
}

export async function upload(file: string, flags: UploadFlags, io: CommandIo): Promise<void> {
  const loaded = await loadPipelineInput(file, { ...(flags.function !== undefined ? { functionName: flags.function } : {}), disableCaching: flags.disableCaching === true }, io);
  if (loaded === undefined) return;
  const pkg = loaded;
  const name = flags.name ?? pkg.pipelineName;
  if (name === undefined || name.trim() === '') {
    return failWith(io, [{ code: 'upload/no-name', path: 'pipelineInfo/name', message: 'The pipeline has no name (pipelineInfo.name); pass --name.', file }]);
  }
  await withKfpClient(io, flags, async ({ kfp, connection }) => {
    const { publishPipeline } = await import('../../client/publish.ts');
    const { uiBaseUrl, pipelineVersionLink } = await import('../../client/ui-links.ts');
    const result = await publishPipeline(kfp, {
      file: { content: pkg.bytes, filename: uploadName(file) },
      name,
      sha256: pkg.sha256,
      ...(flags.version !== undefined ? { versionName: flags.version } : {}),
      ...(flags.description !== undefined ? { description: flags.description } : {}),
      ...(connection.namespace !== undefined ? { namespace: connection.namespace } : {}),
    });
    const link = pipelineVersionLink(uiBaseUrl(kfp.http.baseUrl, connection.uiUrl), result.pipeline.pipeline_id, result.version.pipeline_version_id);
    if (flags.output === 'json') {
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

export interface LoadInputOptions {
  readonly functionName?: string;
  readonly disableCaching?: boolean;
}

/**
 * Reads a compiled pipeline (.yaml/.yml/.json) or compiles a .ts file, then parses it. Prints the
 * problems and sets the exit code when it cannot; returns undefined then.
 */
export async function loadPipelineInput(file: string, opts: LoadInputOptions, io: CommandIo): Promise<PipelinePackage | undefined> {
  const { loadPipelinePackage } = await import('../../client/pipeline-file.ts');
  const ext = extname(file).toLowerCase();
  let text: string;
  if (ext === '.ts' || ext === '.mts') {
    // Loaded only here: the compiler (and ts-morph) is heavy, and a .yaml upload never needs it.
    const { compilePipelineFile } = await import('../compile-file.ts');
    const compiled = await compilePipelineFile(file, {
      ...(opts.functionName !== undefined ? { functionName: opts.functionName } : {}),
      ...(opts.disableCaching === true ? { disableCachingByDefault: true } : {}),
    });
    const warnings = compiled.diagnostics.filter((d) => d.severity === 'warning');
    if (hasErrors(compiled.diagnostics) || compiled.yamlText === undefined) {
      failWith(io, compiled.diagnostics);
      process.exitCode = EXIT_USER_ERROR;
      return undefined;
    }
    if (warnings.length > 0) failWith(io, warnings);
    text = compiled.yamlText;
  } else if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      failWith(io, [{ code: 'input/unreadable', path: 'file', message: `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}.`, file }]);
      return undefined;
    }
  } else {
    failWith(io, [{ code: 'input/extension', path: 'file', message: `Expected a compiled pipeline (.yaml, .yml, .json) or a TypeScript pipeline (.ts), not "${ext || basename(file)}".`, file }]);
    process.exitCode = EXIT_USER_ERROR;
    return undefined;
  }
  const loaded = loadPipelinePackage(text, file);
  if (!loaded.ok) {
    failWith(io, loaded.diagnostics);
    return undefined;
  }
  return loaded.pkg;
}
