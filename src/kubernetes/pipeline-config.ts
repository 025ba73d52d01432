import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { isWholeNumber, throwIfAny, type Json } from './common.ts';

/** A Kubernetes resource quantity, as kfp checks a workspace size (`10Gi`, `500Mi`, `1.5T`). */
const QUANTITY = /^(?:(?:0|[1-9]\d*)(?:\.\d+)?)(?:Ki|Mi|Gi|Ti|Pi|Ei|K|M|G|T|P|E)?$/;
const INT32_MAX = 2147483647;
/** The only PVC spec fields the KFP backend lets a workspace patch set (it refuses a run with others). */
const PATCHABLE = ['accessModes', 'storageClassName'];

/** The pipeline's shared workspace volume: its size and, optionally, a PVC spec. */
export interface WorkspaceOptions {
  /** Size of the workspace PVC, a Kubernetes quantity such as `'10Gi'`. */
  readonly size: string;
  /** Kubernetes-specific settings of the workspace PVC. */
  readonly kubernetes?: {
    /**
     * Fields patched onto the API server's default PVC spec: `accessModes` and
     * `storageClassName`, the only two the backend accepts. Give `accessModes` unless the
     * server's configuration has a default workspace spec: without it the backend refuses the run.
     */
    readonly pvcSpecPatch?: { readonly accessModes?: readonly string[]; readonly storageClassName?: string };
  };
}

/** Options of {@link pipelineConfig}: the pipeline-level Kubernetes settings. */
export interface PipelineConfigOptions {
  /** A PVC shared by the run's tasks (`{{$.workspace_path}}`), for the run's duration. */
  readonly workspace?: WorkspaceOptions;
  /** Seconds the Argo Workflow is kept once the run completes, whatever its outcome. */
  readonly ttlSecondsAfterFinished?: number;
  /** Seconds it is kept after a successful run (wins over ttlSecondsAfterFinished). */
  readonly ttlSecondsAfterSuccess?: number;
  /** Seconds it is kept after a failed run (wins over ttlSecondsAfterFinished). */
  readonly ttlSecondsAfterFailure?: number;
  /** Seconds the whole run may take before it is stopped. */
  readonly activeDeadlineSeconds?: number;
}

const DURATION_FIELDS = [
  ['ttlSecondsAfterFinished', 'resourceTtlOnCompletion'],
  ['ttlSecondsAfterSuccess', 'resourceTtlOnSuccess'],
  ['ttlSecondsAfterFailure', 'resourceTtlOnFailure'],
  ['activeDeadlineSeconds', 'activeDeadlineSeconds'],
] as const;

/**
 * Pipeline-level Kubernetes settings (kfp's `dsl.PipelineConfig`), as the `pipelineConfig`
 * option of `pipeline(...)`. Zero durations are left out, as kfp does. Throws a DiagnosticError
 * listing every invalid field.
 *
 * @example
 * pipeline({ name: 'train', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '10Gi' }, ttlSecondsAfterFinished: 3600 }) }, body)
 */
export function pipelineConfig(options: PipelineConfigOptions): Json {
  const problems: Diagnostic[] = [];
  const at = (field: string) => `kubernetes/pipelineConfig/${field}`;
  const out: Json = {};
  for (const [option, field] of DURATION_FIELDS) {
    const v = options[option];
    if (v === undefined) continue;
    if (!isWholeNumber(v, 0, INT32_MAX))
      problems.push(diagnostic('kubernetes/invalid-argument', at(option), `${option} must be a whole number from 0 to ${INT32_MAX}, got ${String(v)}`));
    else if (v > 0) out[field] = v;
  }
  if (options.workspace !== undefined) {
    const size = typeof options.workspace.size === 'string' ? options.workspace.size.trim() : '';
    if (!size) problems.push(diagnostic('kubernetes/invalid-argument', at('workspace/size'), 'the workspace needs a size, e.g. 10Gi'));
    else if (!QUANTITY.test(size))
      problems.push(
        diagnostic('kubernetes/invalid-argument', at('workspace/size'), `workspace size '${size}' is not a Kubernetes quantity: write e.g. 10Gi, 500Mi or 1Ti`),
      );
    const patch: Readonly<Record<string, unknown>> = options.workspace.kubernetes?.pvcSpecPatch ?? {};
    for (const field of Object.keys(patch).filter((f) => !PATCHABLE.includes(f)))
      problems.push(
        diagnostic(
          'kubernetes/invalid-argument',
          at(`workspace/kubernetes/pvcSpecPatch/${field}`),
          `the KFP backend refuses a workspace PVC spec patch with '${field}': patch only accessModes and storageClassName`,
        ),
      );
    // kfp always writes the Kubernetes part, with an empty patch when none is given.
    out.workspace = { size, kubernetes: { pvcSpecPatch: { ...options.workspace.kubernetes?.pvcSpecPatch } } };
  }
  throwIfAny(problems);
  return out;
}
