import { Command, CommanderError } from 'commander';
import { version } from '../version.ts';
import { EXIT_USAGE, EXIT_USER_ERROR } from './exit-codes.ts';
import { internalErrorText } from './internal-error.ts';

export { internalErrorText };

/**
 * The commands, one module each under ./commands, imported only when that command runs: `kfp-ts
 * compile` never loads the HTTP client, `kfp-ts upload x.yaml` never loads the compiler, and
 * `kfp-ts --help` / `--version` load none of them (the summary here is what the help lists). A new
 * command is one line here and its module.
 */
const COMMANDS: readonly CommandEntry[] = [
  { name: 'compile', summary: 'compile a TypeScript pipeline (or one component) to KFP IR YAML', load: () => import('./commands/compile.ts') },
  { name: 'validate', summary: 'check compiled pipeline YAML against the IR schema and the backend rules', load: () => import('./commands/validate.ts') },
  { name: 'graph', summary: "draw a pipeline's DAG: Mermaid text or an HTML page", load: () => import('./commands/graph.ts') },
  { name: 'codegen', summary: 'write a typed TypeScript module for a component YAML file or URL, or for a Python file\'s components', load: () => import('./commands/codegen.ts') },
  { name: 'upload', summary: 'upload a pipeline, or add a version to it, on Kubeflow Pipelines', load: () => import('./commands/upload.ts') },
  { name: 'run', summary: 'start a run of a pipeline in an experiment', load: () => import('./commands/run.ts') },
  { name: 'runs', summary: 'list and inspect runs', load: () => import('./commands/runs.ts') },
  { name: 'pipelines', summary: 'list uploaded pipelines', load: () => import('./commands/pipelines.ts') },
  { name: 'experiments', summary: 'create, list, inspect, archive and delete experiments', load: () => import('./commands/experiments.ts') },
  { name: 'recurring-runs', summary: 'schedule, list, inspect, enable, disable and delete recurring runs', load: () => import('./commands/recurring-runs.ts') },
];

interface CommandEntry {
  readonly name: string;
  /** One line for `kfp-ts --help`; the command's own module has the full description. */
  readonly summary: string;
  readonly load: () => Promise<CliCommandModule>;
}

/** What a module under ./commands exports. */
export interface CliCommandModule {
  register(program: Command): void;
}

/**
 * Runs the command line and returns the exit code. Never throws: a failure of kfp-ts itself (a
 * bug) is reported as a short internal error with what a bug report needs, exit code 1.
 */
export async function main(argv: readonly string[], stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    stderr.write(internalErrorText(err, argv));
    return EXIT_USER_ERROR;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const program = new Command('kfp-ts')
    .description('Compile, validate, upload and run Kubeflow Pipelines written in TypeScript.')
    .version(version, '-V, --version', 'print the version of kfp-ts')
    .exitOverride()
    .showHelpAfterError()
    // Program options (--version) only before the command: `upload x --version v1` is an unknown
    // option of upload (its version name is --version-name), not a request for kfp-ts's version.
    .enablePositionalOptions();
  const args = [...argv];
  // `kfp-ts help compile` is `kfp-ts compile --help`: the command's module has its options.
  if (args[2] === 'help' && COMMANDS.some((c) => c.name === args[3])) args.splice(2, 2, args[3]!, '--help');
  const wanted = COMMANDS.find((c) => c.name === args[2]);
  if (wanted) {
    (await wanted.load()).register(program);
  } else {
    // No command named: only the list is needed (for --help, --version or an unknown command).
    for (const c of COMMANDS) program.command(c.name).description(c.summary);
  }
  try {
    await program.parseAsync(args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // --help and --version end with exit code 0; a wrong or missing command (help shown) with 2.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE;
    throw err;
  }
}
