/**
 * The KFP IR as TypeScript types: the PipelineSpec and platform documents of a compiled pipeline,
 * their executors, and the kfp-kubernetes executor config — generated (./generated) from the same
 * protobuf descriptors as the JSON Schemas in schemas/, so the types and the validator agree.
 * Every reader and writer of IR in kfp-ts goes through them; users get them as `ir` from the
 * package root.
 *
 * The types describe the canonical proto3 JSON form, the one kfp writes and kfp-ts emits:
 * camelCase fields, enum value names, int64 as `Int64` (a decimal string, or a number), Struct /
 * Value / ListValue as JSON. `deploymentSpec` is typed as the PipelineDeploymentConfig KFP stores
 * there and the Kubernetes platform executors as KubernetesExecutorConfig. To get this form from
 * any parsed document (proto field names, enum numbers, invalid parts), use `readIr`.
 *
 * Shape choices, for reading and building alike:
 * - Every field is optional: proto3 has no required fields, and a reader must not assume one.
 * - Everything is `readonly`: IR is built as fresh object literals (a pass returns its fragment)
 *   and never edited in place. Building needs no cast: a mutable local (`const tasks:
 *   Record<string, PipelineTaskSpec> = {}`) is assignable to a readonly field.
 * - A oneof is a union with one member per choice; the member sets its own field and declares
 *   the others `?: never`. Setting two is a type error; testing one (`if (c.dag !== undefined)`)
 *   narrows the rest to `undefined`. The member's own field stays optional, so "none set" (valid
 *   proto3) needs no extra member, and `{ executorLabel: label }` with `label: string | undefined`
 *   still builds.
 *
 * @example
 * import type { ir } from 'kfp-ts';
 * function executorImages(spec: ir.PipelineSpec): string[] {
 *   return Object.values(spec.deploymentSpec?.executors ?? {}).flatMap((e) => (e.container?.image ? [e.container.image] : []));
 * }
 */
import type { ComponentSpec, DagSpec, PipelineDeploymentConfig_ExecutorSpec } from './generated/pipeline-spec.ts';

export { isJsonObject, type JsonValue, type JsonObject, type JsonArray, type Int64, type Duration } from './json.ts';
export type * from './generated/pipeline-spec.ts';
export type * from './generated/kubernetes-executor-config.ts';
export type * from './generated/platform-spec.ts';
export { readIr, readPipelineSpec, readPlatformSpec, type IrRoots } from './read.ts';

// Short names for the nested messages and enums readers use most (the generated names, joined
// with `_` after the proto nesting, stay available too).
export type {
  ParameterType_ParameterTypeEnum as ParameterType,
  PipelineTaskSpec_TriggerPolicy_TriggerStrategy as TriggerStrategy,
  TaskConfigPassthroughType_TaskConfigPassthroughTypeEnum as TaskConfigPassthroughType,
  ComponentInputsSpec_ParameterSpec as ComponentInputParameterSpec,
  ComponentInputsSpec_ArtifactSpec as ComponentInputArtifactSpec,
  ComponentOutputsSpec_ParameterSpec as ComponentOutputParameterSpec,
  ComponentOutputsSpec_ArtifactSpec as ComponentOutputArtifactSpec,
  TaskInputsSpec_InputParameterSpec as InputParameterSpec,
  TaskInputsSpec_InputArtifactSpec as InputArtifactSpec,
  TaskInputsSpec_InputParameterSpec_TaskOutputParameterSpec as TaskOutputParameterSpec,
  TaskInputsSpec_InputArtifactSpec_TaskOutputArtifactSpec as TaskOutputArtifactSpec,
  TaskInputsSpec_InputParameterSpec_TaskFinalStatus as TaskFinalStatusSpec,
  PipelineTaskSpec_CachingOptions as CachingOptions,
  PipelineTaskSpec_TriggerPolicy as TriggerPolicy,
  PipelineTaskSpec_RetryPolicy as RetryPolicy,
  PipelineTaskSpec_IteratorPolicy as IteratorPolicy,
  DagOutputsSpec_DagOutputParameterSpec as DagOutputParameterSpec,
  DagOutputsSpec_DagOutputArtifactSpec as DagOutputArtifactSpec,
  DagOutputsSpec_ParameterSelectorSpec as ParameterSelectorSpec,
  DagOutputsSpec_ParameterSelectorsSpec as ParameterSelectorsSpec,
  DagOutputsSpec_ArtifactSelectorSpec as ArtifactSelectorSpec,
  PipelineDeploymentConfig_ExecutorSpec as ExecutorSpec,
  PipelineDeploymentConfig_PipelineContainerSpec as PipelineContainerSpec,
  PipelineDeploymentConfig_PipelineContainerSpec_ResourceSpec as ResourceSpec,
  PipelineDeploymentConfig_PipelineContainerSpec_ResourceSpec_AcceleratorConfig as AcceleratorConfig,
  PipelineDeploymentConfig_PipelineContainerSpec_EnvVar as EnvVar,
  PipelineDeploymentConfig_ImporterSpec as ImporterSpec,
  PipelineDeploymentConfig_ResolverSpec as ResolverSpec,
} from './generated/pipeline-spec.ts';

/** A component implemented by a DAG of tasks (a pipeline, or a control-flow group). */
export function isDagComponent(component: ComponentSpec): component is ComponentSpec & { readonly dag: DagSpec } {
  return component.dag !== undefined;
}

/** A component run by an executor (`deploymentSpec.executors[executorLabel]`). */
export function isExecutorComponent(component: ComponentSpec): component is ComponentSpec & { readonly executorLabel: string } {
  return component.executorLabel !== undefined;
}

/** Which kind of executor an ExecutorSpec holds, if any. */
export type ExecutorKind = 'container' | 'importer' | 'resolver' | 'customJob';

/**
 * The executor kind, for a `switch` that covers them all.
 *
 * @example
 * switch (executorKind(executor)) { case 'container': ...; case 'importer': ...; default: ... }
 */
export function executorKind(executor: PipelineDeploymentConfig_ExecutorSpec): ExecutorKind | undefined {
  if (executor.container !== undefined) return 'container';
  if (executor.importer !== undefined) return 'importer';
  if (executor.resolver !== undefined) return 'resolver';
  if (executor.customJob !== undefined) return 'customJob';
  return undefined;
}
