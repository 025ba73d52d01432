/**
 * A task's cache fingerprint, computed as the KFP backend computes it (backend/src/v2/cacheutils:
 * `GenerateCacheKey`, `GenerateFingerPrint`): the sha256 of the `ml_pipelines.CacheKey` message
 * as Go's encoding/json writes it (sorted keys, compact) after protojson — input parameter values,
 * the names of the input artifacts, the output artifacts' name/type/metadata with the URI wiped,
 * the output parameters' types, and the container: image, command and args as written in the IR
 * (placeholders unresolved), PVC names.
 *
 * The one local difference: an input artifact is named by its URI. The backend names it by its ML
 * Metadata id; both are the artifact's identity — a cache hit hands the cached artifacts on
 * unchanged, so a task downstream of a cache hit can hit too, and anything that produced new
 * artifacts changes the key downstream.
 */
import { createHash } from 'node:crypto';
import { compareCodePoints } from '../code-point-order.ts';
import type { ComponentSpec, ExecutorInput, JsonValue, PipelineContainerSpec } from '../ir/index.ts';
import { goJson } from './values.ts';

export interface CacheKeyInput {
  readonly executorInput: ExecutorInput;
  readonly component: ComponentSpec;
  readonly container: PipelineContainerSpec;
  readonly pvcNames?: readonly string[];
}

/** The CacheKey message in its proto3 JSON form (empty fields left out, as protojson does). */
export function cacheKey(input: CacheKeyInput): Record<string, JsonValue> {
  const { executorInput, component, container } = input;
  const key: Record<string, JsonValue> = {};
  const artifactNames: Record<string, JsonValue> = {};
  for (const [name, list] of Object.entries(executorInput.inputs?.artifacts ?? {})) {
    const names = (list.artifacts ?? []).map((a) => a.uri ?? '');
    artifactNames[name] = names.length > 0 ? { artifactNames: names } : {};
  }
  if (Object.keys(artifactNames).length > 0) key['inputArtifactNames'] = artifactNames;
  const outputArtifacts: Record<string, JsonValue> = {};
  for (const [name, list] of Object.entries(executorInput.outputs?.artifacts ?? {})) {
    const first = list.artifacts?.[0];
    if (first === undefined) continue;
    const spec: Record<string, JsonValue> = {};
    if (first.name) spec['name'] = first.name;
    if (first.type !== undefined) spec['type'] = first.type as unknown as JsonValue;
    // The backend's output artifacts carry the outputDefinitions' metadata, absent unless declared.
    const declared = component.outputDefinitions?.artifacts?.[name]?.metadata;
    if (declared !== undefined) spec['metadata'] = declared;
    outputArtifacts[name] = spec;
  }
  if (Object.keys(outputArtifacts).length > 0) key['outputArtifactsSpec'] = outputArtifacts;
  const outputParameters: Record<string, JsonValue> = {};
  for (const name of Object.keys(executorInput.outputs?.parameters ?? {})) {
    outputParameters[name] = component.outputDefinitions?.parameters?.[name]?.parameterType ?? 'PARAMETER_TYPE_ENUM_UNSPECIFIED';
  }
  if (Object.keys(outputParameters).length > 0) key['outputParametersSpec'] = outputParameters;
  const containerSpec: Record<string, JsonValue> = {};
  if (container.image) containerSpec['image'] = container.image;
  const cmdArgs = [...(container.command ?? []), ...(container.args ?? [])];
  if (cmdArgs.length > 0) containerSpec['cmdArgs'] = cmdArgs;
  if (input.pvcNames !== undefined && input.pvcNames.length > 0) containerSpec['pvcNames'] = [...new Set(input.pvcNames)].sort(compareCodePoints);
  key['containerSpec'] = containerSpec;
  const parameterValues = executorInput.inputs?.parameterValues ?? {};
  if (Object.keys(parameterValues).length > 0) key['inputParameterValues'] = { ...parameterValues };
  return key;
}

export function fingerprint(input: CacheKeyInput): string {
  return createHash('sha256').update(goJson(cacheKey(input))).digest('hex');
}
