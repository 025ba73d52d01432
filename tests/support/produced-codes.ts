/**
 * The diagnostic codes one test file produced, for the registry check (tests/registry): filled by
 * the setup file (record-diagnostics.ts) from every Diagnostic the library makes in this process,
 * and by the helpers that run the CLI as a process from the codes it prints.
 */
export const producedCodes = new Set<string>();

/** Every `[area/code]` a CLI run printed (the text rendering ends each diagnostic with its code). */
export function recordPrintedCodes(...texts: readonly string[]): void {
  for (const text of texts) for (const m of text.matchAll(/\[([a-z][a-z0-9-]*\/[a-z0-9-]+)\]/g)) producedCodes.add(m[1]!);
}

/** Where each test file's record goes; tests/run-all.sh and the global setup start it empty. */
export const PRODUCED_CODES_DIR = 'test-artifacts/diagnostic-codes';
