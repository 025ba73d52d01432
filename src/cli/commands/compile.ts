import path from 'node:path';
import type { Command } from 'commander';
import type { JsonValue } from '../../ir/index.ts';
import { EXIT_USER_ERROR, exitCodeFor } from '../exit-codes.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { reportDiagnostics } from '../report.ts';

interface CompileFlags {
  output?: string;
  function?: string;
  pipelineParameters?: string;
  disableCaching?: boolean;
}

export function register(program: Command): void {
  program
    .command('compile')
    .description('Compile a TypeScript pipeline, or a single component on its own, to KFP IR YAML (validated before it is written).')
    .argument('<file>', 'the pipeline file (.ts)')
    .option('-o, --output <file>', 'where to write the YAML (default: <file name>.yaml in the current folder)')
    .option('--function <name>', 'the pipeline or component to compile (its export name or its own name), when the file exports several')
    .option('--pipeline-parameters <json>', 'JSON object of default values for pipeline parameters')
    .option('--disable-caching', 'tasks do not use the cache unless they ask for it (withCaching(true))')
    .action(async (file: string, flags: CompileFlags) => {
      process.exitCode = await compile(file, flags);
    });
}

async function compile(file: string, flags: CompileFlags): Promise<number> {
  let pipelineParameters: Record<string, JsonValue> | undefined;
  if (flags.pipelineParameters !== undefined) {
    try {
      const parsed: unknown = JSON.parse(flags.pipelineParameters);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      pipelineParameters = parsed as Record<string, JsonValue>;
    } catch {
      return usage([diagnostic('cli/invalid-option', ['--pipeline-parameters'], `takes a JSON object of parameter defaults, e.g. '{"n_estimators": 200}'`)]);
    }
  }
  const out = flags.output ?? `${path.basename(file).replace(/\.[cm]?[jt]s$/, '')}.yaml`;
  if (!/\.ya?ml$/.test(out)) return usage([diagnostic('cli/output-extension', ['--output'], `the output file must end in .yaml or .yml, not ${out}`)]);
  // Loaded here, not at the top: registering the command (for --help) must not load the compiler.
  const [{ compilePipelineFile }, { writeFileAtomic }] = await Promise.all([import('../compile-file.ts'), import('../write-atomic.ts')]);
  const result = await compilePipelineFile(file, {
    ...(flags.function ? { functionName: flags.function } : {}),
    ...(pipelineParameters ? { pipelineParameters } : {}),
    ...(flags.disableCaching ? { disableCaching: true } : {}),
  });
  if (result.yamlText === undefined) {
    reportDiagnostics(result.diagnostics);
    process.stderr.write(`${out} was not written.\n`);
    return EXIT_USER_ERROR;
  }
  try {
    await writeFileAtomic(out, result.yamlText);
  } catch (err) {
    reportDiagnostics([diagnostic('cli/write-failed', '', `cannot write it: ${(err as Error).message}`, out)]);
    return EXIT_USER_ERROR;
  }
  reportDiagnostics(result.diagnostics);
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

function usage(ds: readonly Diagnostic[]): number {
  reportDiagnostics(ds);
  return exitCodeFor(ds);
}
