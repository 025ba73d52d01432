import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { diagnostic, formatDiagnostic, hasErrors, type Diagnostic } from '../../diagnostics.ts';
import { validateIrText } from '../../validate/index.ts';
import { decodeUtf8 } from '../../validate/utf8.ts';
import { EXIT_OK, EXIT_USER_ERROR } from '../exit-codes.ts';
import { readReason } from '../read-reason.ts';

export interface ValidateIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

function readProblem(file: string, err: unknown): Diagnostic {
  return diagnostic('cli/unreadable', '', `cannot read it: ${readReason(err)}`, file);
}

/** A pipeline's source rather than its compiled IR: validate checks what compile wrote. */
function sourceProblem(file: string): Diagnostic | undefined {
  if (!/\.[cm]?[jt]sx?$/i.test(file)) return undefined;
  const out = `${path.basename(file).replace(/\.[cm]?[jt]sx?$/i, '')}.yaml`;
  return diagnostic(
    'cli/not-compiled',
    '',
    `this is a pipeline's source, not compiled IR; compile it first (\`kfp-ts compile ${file} -o ${out}\`, which validates what it writes), then validate ${out}`,
    file,
  );
}

function diagnosticsOf(file: string): Diagnostic[] {
  const notCompiled = sourceProblem(file);
  if (notCompiled) return [notCompiled];
  try {
    const decoded = decodeUtf8(readFileSync(file), file);
    return 'problem' in decoded ? [decoded.problem] : validateIrText(decoded.text, file);
  } catch (err) {
    return [readProblem(file, err)];
  }
}

/**
 * Validate each compiled pipeline file and report: every diagnostic on stderr, `ok FILE` on
 * stdout for each valid file. Returns the exit code: 0 when all are valid, 1 otherwise.
 */
export function validateFiles(files: readonly string[], io: ValidateIo): number {
  let exitCode = EXIT_OK;
  for (const file of files) {
    const diagnostics = diagnosticsOf(file);
    for (const d of diagnostics) io.stderr.write(`${d.severity === 'warning' ? 'warning' : 'error'}: ${formatDiagnostic(d)}\n`);
    if (hasErrors(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity !== 'warning').length;
      io.stderr.write(`invalid ${file} (${errors} error${errors === 1 ? '' : 's'})\n`);
      exitCode = EXIT_USER_ERROR;
    } else {
      io.stdout.write(`ok ${file}\n`);
    }
  }
  return exitCode;
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('Check compiled pipeline YAML files against the KFP IR schema, the backend rules and their internal references.')
    .argument('<file...>', 'compiled pipeline files (.yaml): the PipelineSpec, optionally followed by a `platforms:` document')
    .action((files: string[]) => {
      process.exitCode = validateFiles(files, { stdout: process.stdout, stderr: process.stderr });
    });
}
