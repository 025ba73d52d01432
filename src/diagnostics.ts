/**
 * Problems are data: every stage (DSL checks, compiler, schema validation, CLI loading) reports
 * `Diagnostic`s, collects them, and lets the caller decide how to render them.
 */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `graph/cycle`, `schema/unknown-field`. */
  readonly code: string;
  /** Where: a slash path such as `pipeline/train-model/inputs/n_estimators` or a JSON pointer-ish path in a document. */
  readonly path: string;
  /** What is wrong and how to fix it, in one or two sentences. */
  readonly message: string;
  /** The user's file, when known. */
  readonly file?: string;
  readonly severity?: 'error' | 'warning';
}

/** Thrown when a stage finishes with errors; carries all of them, never just the first. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

export function diagnostic(code: string, path: string, message: string, file?: string): Diagnostic {
  return file === undefined ? { code, path, message } : { code, path, message, file };
}

/** One line: `file: path: message [code]`, leaving out a file or path that is not known. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.path].filter((w) => w !== undefined && w !== '').join(': ');
  return `${where === '' ? '' : `${where}: `}${d.message} [${d.code}]`;
}

/** All diagnostics as text, one per line (see {@link formatDiagnostic}). */
export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  return ds.map(formatDiagnostic).join('\n');
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity !== 'warning');
}
