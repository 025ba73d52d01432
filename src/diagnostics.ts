/**
 * Problems are data: every stage (DSL, compiler, Python sources, schema validation, CLI loading,
 * client) reports `Diagnostic`s, collects them, and lets the caller decide how to render them.
 * Codes come from the one registry (src/diagnostic-codes); every Diagnostic is made by
 * `diagnostic()` or `warning()`.
 */
import type { DiagnosticCode } from './diagnostic-codes/index.ts';

export type { DiagnosticCode } from './diagnostic-codes/index.ts';

/**
 * Where a problem is, as names from the outside in. A compiled pipeline's paths start with the
 * pipeline's name, then the task's, then what in it: `['monitoring', 'train-model', 'inputs',
 * 'n_estimators']`; a document's paths are its keys (`['root', 'dag', 'tasks', 'a']`). Rendered
 * with `formatPath`, the segments joined by `/`.
 */
export type DiagnosticPath = readonly string[];

/**
 * One problem: a stable code (see docs/diagnostics.md), where it is, what is wrong and how to fix it.
 *
 * @example
 * for (const d of compilePipeline(p.build()).diagnostics) console.error(formatDiagnostic(d));
 */
export interface Diagnostic {
  /** Stable machine-readable code from the registry, e.g. `graph/cycle`, `schema/unknown-field`. */
  readonly code: DiagnosticCode;
  /** Where, as segments; `formatPath` renders them. */
  readonly path: DiagnosticPath;
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

/** A path given as slash text (`'root/dag/tasks'`) split into its segments; `''` is the empty path. */
function segments(path: DiagnosticPath | string): DiagnosticPath {
  if (typeof path !== 'string') return path;
  return path === '' ? [] : path.split('/');
}

/**
 * An error. `path` is best given as segments; slash text is split at `/` (the rendering is the
 * same either way).
 *
 * @example diagnostic('task/missing-input', [pipeline.name, task.name, 'inputs', 'n'], "component 'fit' needs input 'n'")
 */
export function diagnostic(code: DiagnosticCode, path: DiagnosticPath | string, message: string, file?: string): Diagnostic {
  const at = segments(path);
  return file === undefined ? { code, path: at, message } : { code, path: at, message, file };
}

/** A warning: reported, but it does not stop a stage (see `hasErrors`). */
export function warning(code: DiagnosticCode, path: DiagnosticPath | string, message: string, file?: string): Diagnostic {
  return { ...diagnostic(code, path, message, file), severity: 'warning' };
}

/** The one rendering of a path: its segments joined by `/`. */
export function formatPath(path: DiagnosticPath): string {
  return path.join('/');
}

/** One line: `file: path: message [code]`, leaving out a file or path that is not known. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, formatPath(d.path)].filter((w) => w).join(': ');
  return `${where ? `${where}: ` : ''}${d.message} [${d.code}]`;
}

/** All diagnostics as text, one per line (see {@link formatDiagnostic}). */
export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  return ds.map(formatDiagnostic).join('\n');
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity !== 'warning');
}
