import { madeByKfpTs } from '../dsl/made-by-kfp-ts.ts';
import { optionsObject, plainData } from '../dsl/value-guards.ts';
import type { PipelineConfigNode, PipelineConfigOptions } from '../dsl/kubernetes-settings.ts';

export type { PipelineConfigOptions, WorkspaceOptions } from '../dsl/kubernetes-settings.ts';

/**
 * Pipeline-level Kubernetes settings (kfp's `dsl.PipelineConfig`), as the `pipelineConfig`
 * option of `pipeline(...)`. Zero durations are left out, as kfp does. The compiler checks the
 * settings as kfp does and reports every invalid field (`kubernetes/invalid-argument`).
 *
 * @example
 * pipeline({ name: 'train', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '10Gi' }, ttlSecondsAfterFinished: 3600 }) }, body)
 */
export function pipelineConfig(options: PipelineConfigOptions): PipelineConfigNode {
  // From plain JavaScript: an object of plain data (its fields are checked by the compiler).
  const fields = optionsObject(options, 'any', 'kubernetes/pipelineConfig', "pipelineConfig()'s options");
  const copied = plainData(fields, 'kubernetes/pipelineConfig', "pipelineConfig()'s options") as PipelineConfigOptions;
  return madeByKfpTs(Object.freeze({ kind: 'pipelineConfig', options: copied }));
}
