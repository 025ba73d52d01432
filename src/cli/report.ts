import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';

/** Prints diagnostics for a person: one per line, errors first, with a count. */
export function reportDiagnostics(ds: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  const errors = ds.filter((d) => d.severity !== 'warning');
  const warnings = ds.filter((d) => d.severity === 'warning');
  for (const d of errors) stream.write(`error: ${formatDiagnostic(d)}\n`);
  for (const d of warnings) stream.write(`warning: ${formatDiagnostic(d)}\n`);
  if (errors.length) stream.write(`${errors.length} error${errors.length === 1 ? '' : 's'}\n`);
}
