import type { PipelineConfig } from '../ir/index.ts';
import { DURATION_FIELDS, isDuration } from './check-pipeline-config.ts';
import type { PassContext } from './context.ts';

/**
 * The pipeline's `kubernetes.pipelineConfig(...)` as the platform document's PipelineConfig (the
 * checks, check-pipeline-config.ts, reported what kfp refuses). Zero durations are left out, as
 * kfp does; a workspace always carries its Kubernetes part, with an empty patch when none is given.
 */
export function lowerPipelineConfig(ctx: PassContext): PipelineConfig | undefined {
  const options = ctx.pipeline.pipelineConfig;
  if (!options) return undefined;
  const durations: Record<string, number> = {};
  for (const [option, field] of DURATION_FIELDS) {
    const v: unknown = options[option];
    if (isDuration(v) && v > 0) durations[field] = v;
  }
  const workspace = options.workspace;
  const pvcSpecPatch = workspace?.kubernetes?.pvcSpecPatch;
  return {
    ...durations,
    ...(workspace !== undefined
      ? {
          workspace: {
            size: typeof workspace.size === 'string' ? workspace.size.trim() : '',
            kubernetes: {
              pvcSpecPatch: {
                ...(pvcSpecPatch?.accessModes !== undefined ? { accessModes: [...pvcSpecPatch.accessModes] } : {}),
                ...(pvcSpecPatch?.storageClassName !== undefined ? { storageClassName: pvcSpecPatch.storageClassName } : {}),
              },
            },
          },
        }
      : {}),
  };
}
