import path from 'node:path';
import type { Command } from 'commander';
import { diagnostic } from '../../diagnostics.ts';
import type { JsonValue } from '../../ir/index.ts';
import { compilePipelineFile } from '../compile-file.ts';
import { EXIT_USAGE, EXIT_USER_ERROR } from '../exit-codes.ts';
import { reportDiagnostics } from '../report.ts';
import { writeFileAtomic } from '../write-atomic.ts';

interface CompileFlags {
  output?: string;
  function?: string;
  pipelineParameters?: string;
  disableCachingByDefault?: boolean;
}

export function register(program: Command): void {
  program
    .command('compile')
    .description('Compile a TypeScript pipeline, or a single component on its own, to KFP IR YAML (validated before it is written).')
    .argument('<file>', 'the pipeline file (.ts)')
    .option('-o, --output <file>', 'where to write the YAML (default: <file name>.yaml in the current folder)')
    .option('--function <name>', 'the pipeline or component to compile (its export name or its own name), when the file exports several')
    .option('--pipeline-parameters <json>', 'JSON object of default values for pipeline parameters')
    .option('--disable-caching-by-default', 'tasks do not use the cache unless they ask for it')
    .action(async (file: string, flags: CompileFlags) => {
      let pipelineParameters: Record<string, JsonValue> | undefined;
      if (flags.pipelineParameters !== undefined) {
        try {
          const parsed: unknown = JSON.parse(flags.pipelineParameters);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
          pipelineParameters = parsed as Record<string, JsonValue>;
        } catch {
          process.stderr.write(`error: --pipeline-parameters must be a JSON object, e.g. '{"n_estimators": 200}'\n`);
          process.exitCode = EXIT_USAGE;
          return;
        }
      }
      const out = flags.output ?? `${path.basename(file).replace(/\.[cm]?[jt]s$/, '')}.yaml`;
      if (!/\.ya?ml$/.test(out)) {
        process.stderr.write(`error: the output file must end in .yaml or .yml (got ${out})\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const result = await compilePipelineFile(file, {
        ...(flags.function ? { functionName: flags.function } : {}),
        ...(pipelineParameters ? { pipelineParameters } : {}),
        ...(flags.disableCachingByDefault ? { disableCachingByDefault: true } : {}),
      });
      if (result.yamlText === undefined) {
        reportDiagnostics(result.diagnostics);
        process.stderr.write(`${out} was not written.\n`);
        process.exitCode = EXIT_USER_ERROR;
        return;
      }
      try {
        await writeFileAtomic(out, result.yamlText);
      } catch (err) {
        reportDiagnostics([diagnostic('cli/write-failed', [out], `cannot write ${out}: ${(err as Error).message}`)]);
        process.exitCode = EXIT_USER_ERROR;
        return;
      }
      reportDiagnostics(result.diagnostics);
      process.stdout.write(`wrote ${out}\n`);
    });
}
