import { version } from '../version.ts';

/** Where to report a bug in kfp-ts (package.json's `bugs`). */
export const ISSUES_URL = 'https://github.com/kfp-ts/kfp-ts/issues';

/** The environment variable that adds the stack trace to an internal error's report. */
export const DEBUG_ENV = 'KFP_TS_DEBUG';

function firstLine(err: unknown): string {
  try {
    if (err instanceof Error) return `${err.name}: ${String(err.message).split('\n')[0]!.slice(0, 300)}`;
    return typeof err === 'string' ? err.split('\n')[0]!.slice(0, 300) : `a thrown ${typeof err}`;
  } catch {
    return 'an error that cannot be read';
  }
}

/**
 * What the CLI prints when kfp-ts itself failed (not the user's input): a short message with what
 * a bug report needs, and the stack only when KFP_TS_DEBUG asks for it. Node's own report of an
 * uncaught error would print a stack and, from the bundled CLI, a line of minified source.
 */
export function internalErrorText(err: unknown, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const command = argv.slice(2).find((a) => !a.startsWith('-')) ?? '(none)';
  const lines = [
    `kfp-ts: internal error: ${firstLine(err)}`,
    `This is a bug in kfp-ts, not a problem with your input. Please report it at ${ISSUES_URL} with:`,
    `  - this message and the command you ran (kfp-ts ${command} …)`,
    `  - kfp-ts ${version}, Node ${process.version} on ${process.platform}-${process.arch}`,
    `  - if you can, the pipeline file or a small one that shows the problem`,
  ];
  const debug = env[DEBUG_ENV];
  if (debug !== undefined && debug !== '' && debug !== '0') {
    let stack = '';
    try {
      stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
    } catch {
      // Nothing more to print.
    }
    lines.push(`Stack (${DEBUG_ENV}=${debug}):`, stack || '(none)');
  } else lines.push(`Run it again with ${DEBUG_ENV}=1 to add the stack trace to the report.`);
  return `${lines.join('\n')}\n`;
}
