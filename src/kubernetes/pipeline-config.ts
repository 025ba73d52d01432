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
  return Object.freeze({ kind: 'pipelineConfig', options });
}
