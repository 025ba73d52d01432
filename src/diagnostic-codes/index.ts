/**
 * The one registry of diagnostic codes: every code any stage of kfp-ts reports, each documented
 * once (one line, here; docs/diagnostics.md is generated from it). Codes are `<area>/<kebab-case>`
 * and stable: users and tests match on them, so none is renamed — add a new one instead. A code
 * outside the registry is a type error where a Diagnostic is made, and the suite checks that each
 * code here is produced by some test (tests/registry).
 */
import { CLI_CODES } from './cli.ts';
import { CLIENT_CODES } from './client.ts';
import { CODEGEN_CODES } from './codegen.ts';
import { COMPILER_CODES } from './compiler.ts';
import { DSL_CODES } from './dsl.ts';
import { GRAPH_CODES } from './graph.ts';
import { LOAD_CODES } from './load.ts';
import { PROJECT_CODES } from './project.ts';
import { PYTHON_CODES } from './python.ts';
import { RUNNER_CODES } from './runner.ts';
import { VALIDATE_CODES } from './validate.ts';

/** The registry by stage, in pipeline order: the stage is where a code is documented. */
export const CODES_BY_STAGE = {
  dsl: DSL_CODES,
  compiler: COMPILER_CODES,
  python: PYTHON_CODES,
  load: LOAD_CODES,
  validate: VALIDATE_CODES,
  project: PROJECT_CODES,
  cli: CLI_CODES,
  client: CLIENT_CODES,
  graph: GRAPH_CODES,
  runner: RUNNER_CODES,
  codegen: CODEGEN_CODES,
} as const;

/** Every code with its one-line documentation. */
export const DIAGNOSTIC_CODES = {
  ...DSL_CODES,
  ...COMPILER_CODES,
  ...PYTHON_CODES,
  ...LOAD_CODES,
  ...VALIDATE_CODES,
  ...PROJECT_CODES,
  ...CLI_CODES,
  ...CLIENT_CODES,
  ...GRAPH_CODES,
  ...RUNNER_CODES,
  ...CODEGEN_CODES,
} as const;

/** A registered diagnostic code: the type every Diagnostic's `code` has. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Whether a string is a registered code (for codes read back from text, e.g. CLI output). */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}
