import { Command, CommanderError } from 'commander';
import { EXIT_USAGE } from './exit-codes.ts';

/**
 * Each command lives in its own module under ./commands and is imported only when it runs, so
 * `kfp-ts compile` never loads the HTTP client and `kfp-ts upload` never loads the compiler twice.
 */
const COMMANDS = [
  { name: 'compile', load: () => import('./commands/compile.ts') },
  { name: 'validate', load: () => import('./commands/validate.ts') },
  { name: 'graph', load: () => import('./commands/graph.ts') },
  { name: 'upload', load: () => import('./commands/upload.ts') },
  { name: 'run', load: () => import('./commands/run.ts') },
  { name: 'runs', load: () => import('./commands/runs.ts') },
  { name: 'pipelines', load: () => import('./commands/pipelines.ts') },
] as const;

export interface CliCommandModule {
  register(program: Command): void;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('kfp-ts')
    .description('Compile, validate, upload and run Kubeflow Pipelines written in TypeScript.')
    .exitOverride()
    .showHelpAfterError();
  const wanted = argv[2];
  const selected = COMMANDS.filter((c) => c.name === wanted);
  // Without a known command name, register all of them so `--help` lists everything.
  for (const c of selected.length > 0 ? selected : COMMANDS) {
    const mod: CliCommandModule = await c.load();
    mod.register(program);
  }
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    throw err;
  }
}
