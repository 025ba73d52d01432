import { diagnostic } from '../diagnostics.ts';
import type { PassContext } from './context.ts';

/** A Kubernetes resource quantity, as kfp checks a workspace size (`10Gi`, `500Mi`, `1.5T`). */
const QUANTITY = /^(?:(?:0|[1-9]\d*)(?:\.\d+)?)(?:Ki|Mi|Gi|Ti|Pi|Ei|K|M|G|T|P|E)?$/;
/** The only PVC spec fields the KFP backend lets a workspace patch set (it refuses a run with others). */
const PATCHABLE = ['accessModes', 'storageClassName'];

export const INT32_MAX = 2147483647;

export const DURATION_FIELDS = [
  ['ttlSecondsAfterFinished', 'resourceTtlOnCompletion'],
  ['ttlSecondsAfterSuccess', 'resourceTtlOnSuccess'],
  ['ttlSecondsAfterFailure', 'resourceTtlOnFailure'],
  ['activeDeadlineSeconds', 'activeDeadlineSeconds'],
] as const;

/** A duration kfp takes: a whole number of seconds from 0 to 2^31 - 1. */
export function isDuration(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= INT32_MAX;
}

/**
 * The pipeline's `kubernetes.pipelineConfig(...)` as kfp's `dsl.PipelineConfig` checks it: every
 * invalid field reported at `<pipeline>/pipelineConfig/<field>`.
 */
export function checkPipelineConfig(ctx: PassContext): void {
  const options = ctx.pipeline.pipelineConfig;
  if (!options) return;
  const at = (...field: string[]) => [ctx.pipeline.name, 'pipelineConfig', ...field];
  const invalid = (path: readonly string[], message: string) => ctx.report(diagnostic('kubernetes/invalid-argument', path, message));
  for (const [option] of DURATION_FIELDS) {
    const v: unknown = options[option];
    if (v === undefined) continue;
    if (!isDuration(v)) invalid(at(option), `${option} must be a whole number from 0 to ${INT32_MAX}, got ${String(v)}`);
  }
  const workspace = options.workspace;
  if (workspace !== undefined) {
    const size: unknown = workspace.size;
    const trimmed = typeof size === 'string' ? size.trim() : '';
    if (!trimmed) invalid(at('workspace', 'size'), 'the workspace needs a size, e.g. 10Gi');
    else if (!QUANTITY.test(trimmed)) invalid(at('workspace', 'size'), `workspace size '${trimmed}' is not a Kubernetes quantity: write e.g. 10Gi, 500Mi or 1Ti`);
    const patch: Readonly<Record<string, unknown>> = workspace.kubernetes?.pvcSpecPatch ?? {};
    for (const field of Object.keys(patch).filter((f) => !PATCHABLE.includes(f)))
      invalid(at('workspace', 'kubernetes', 'pvcSpecPatch', field), `the KFP backend refuses a workspace PVC spec patch with '${field}': patch only accessModes and storageClassName`);
  }
}
