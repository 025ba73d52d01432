/**
 * Compares what the KFP backend's Argo compiler refused (ir-check) with the warnings kfp-ts gave
 * for the same files (src/validate/backend-refusals.ts): every refusal must be warned about, its
 * first warning quoting the backend's error exactly, and no file the backend accepts may carry one.
 */
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { IrCheckResult } from './backend.ts';

export const isRefusalWarning = (d: Diagnostic): boolean => d.severity === 'warning' && d.code.startsWith('backend/argo-');

/** One line per disagreement; empty when the warnings and the backend agree on every file. */
export function refusalMismatches(results: readonly IrCheckResult[], warningsOf: (file: string) => readonly Diagnostic[], label: (file: string) => string = (f) => f): string[] {
  const out: string[] = [];
  for (const r of results) {
    const warned = warningsOf(r.file).filter(isRefusalWarning);
    if (r.template !== 'ok') out.push(`${label(r.file)}: the upload parser refused it (${r.template}); no run-time verdict to compare`);
    else if (r.argo === 'ok' && warned.length > 0) out.push(`${label(r.file)}: accepted by the Argo compiler, but warned: ${warned.map((d) => d.code).join(', ')}`);
    else if (r.argo !== 'ok' && warned.length === 0) out.push(`${label(r.file)}: refused by the Argo compiler ("${r.argo}") without a warning`);
    else if (r.argo !== 'ok' && !warned[0]!.message.includes(`answers "${r.argo}". `)) out.push(`${label(r.file)}: the backend says "${r.argo}", the first warning says: ${warned[0]!.message}`);
  }
  return out;
}
