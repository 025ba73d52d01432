import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { diagnostic, hasErrors } from '../diagnostics.ts';
import { EXIT_USER_ERROR } from './exit-codes.ts';
import { failWith, type CommandIo } from './connection.ts';
import { readReason } from './read-reason.ts';
import type { PipelinePackage } from '../client/pipeline-file.ts';

/** The pipeline file argument's flags, shared by the commands that take one (upload, run). */
export interface PipelineInputFlags {
  readonly function?: string;
  readonly disableCaching?: boolean;
}

/** Adds the flags that only matter when the pipeline file is a .ts to be compiled first. */
export function addPipelineInputOptions(cmd: Command): Command {
  return cmd
    .option('--function <name>', 'for .ts files: the pipeline or component to compile (export name or its own name) when the file defines several')
    .option('--disable-caching', 'for .ts files: compile with caching off by default');
}

/**
 * Reads a compiled pipeline (.yaml/.yml/.json) or compiles a .ts file, then parses it. Prints the
 * problems and sets the exit code when it cannot; returns undefined then.
 */
export async function loadPipelineInput(file: string, flags: PipelineInputFlags, io: CommandIo): Promise<PipelinePackage | undefined> {
  const { loadPipelinePackage } = await import('../client/pipeline-file.ts');
  const ext = extname(file).toLowerCase();
  let text: string;
  if (ext === '.ts' || ext === '.mts') {
    // Loaded only here: the compiler is heavy, and a .yaml upload never needs it.
    const { compilePipelineFile } = await import('./compile-file.ts');
    const compiled = await compilePipelineFile(file, {
      ...(flags.function !== undefined ? { functionName: flags.function } : {}),
      ...(flags.disableCaching === true ? { disableCaching: true } : {}),
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
      failWith(io, [diagnostic('input/unreadable', [], `cannot read it: ${readReason(err)}`, file)]);
      return undefined;
    }
  } else {
    failWith(io, [diagnostic('input/extension', [], `expected a compiled pipeline (.yaml, .yml, .json) or a TypeScript pipeline (.ts), not "${ext || basename(file)}"`, file)]);
    return undefined;
  }
  const loaded = loadPipelinePackage(text, file);
  if (!loaded.ok) {
    failWith(io, loaded.diagnostics);
    return undefined;
  }
  return loaded.pkg;
}
