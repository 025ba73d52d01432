import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';

/**
 * Reads each path (concurrently) with `read`. A path that cannot be read becomes a diagnostic at
 * the task that needs it (`paths` maps each path to that task's path), saying how to fix a missing
 * one with `missing`; the others keep their reading.
 */
export async function readPaths<T>(
  paths: ReadonlyMap<string, readonly string[]>,
  read: (p: string) => Promise<T>,
  code: DiagnosticCode,
  missing: (p: string) => string,
): Promise<{ read: Map<string, T>; diagnostics: Diagnostic[] }> {
  const values = new Map<string, T>();
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    [...paths].map(async ([p, user]) => {
      try {
        values.set(p, await read(p));
      } catch (err) {
        const errno = (err as NodeJS.ErrnoException).code;
        diagnostics.push(diagnostic(code, user, errno === 'ENOENT' ? missing(p) : `cannot read ${p}: ${(err as Error).message}`, p));
      }
    }),
  );
  return { read: values, diagnostics };
}
