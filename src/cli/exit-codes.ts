import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';

/** 0: success. 1: the user's input is wrong (the message says how). 2: the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

/**
 * The diagnostics that mean a wrong command line (exit code 2): what the arguments and flags (or
 * the environment variables standing for flags) show on their own — a flag value that does not
 * parse, flags that exclude or need each other, a choice not made, a file name of a kind the
 * command does not take. The commands check these before they read a file where they can. Every
 * other error is about the input (a file's content, the pipeline, the server's answer): exit code
 * 1. Commander's own errors (an unknown or missing option or argument) are 2 in main.ts. This list
 * is the one place that decides.
 */
const USAGE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'cli/output-extension',
  'cli/invalid-option',
  'cli/id-or-name',
  'cli/needs-confirmation',
  'connection/invalid-number',
  'input/extension',
  'run/param-syntax',
  'run/invalid-number',
  'run/conflicting-options',
  'run/artifact-syntax',
  'run/secret-env-syntax',
  'runs/invalid-limit',
  'pipelines/invalid-limit',
  'experiments/invalid-limit',
  'recurring-runs/invalid-limit',
  'recurring-runs/invalid-schedule',
  'recurring-runs/pipeline-source',
]);

/** Whether an error with this code is the command line's (exit code 2; see USAGE_CODES). */
export function isUsageCode(code: DiagnosticCode): boolean {
  return USAGE_CODES.has(code);
}

/**
 * The exit code for a command that stops on these diagnostics: 2 when any error is the command
 * line's (fixing the input would not help until it is fixed), 1 for other errors, 0 for warnings only.
 */
export function exitCodeFor(ds: readonly Diagnostic[]): number {
  if (ds.some((d) => d.severity !== 'warning' && isUsageCode(d.code))) return EXIT_USAGE;
  return ds.some((d) => d.severity !== 'warning') ? EXIT_USER_ERROR : EXIT_OK;
}
