/**
 * kfp-kubernetes for kfp-ts: each helper takes a task handle, records the setting on the task (a
 * typed node, below) and returns the handle; the compiler checks the settings as kfp-kubernetes
 * does and writes them to the task's KubernetesExecutorConfig (the `platforms:` document).
 * Names follow kfp-kubernetes 2.17 in camelCase; `CreatePVC` and `DeletePVC` are components.
 */
export type { ParameterOr, JsonObject } from './common.ts';
export { useSecretAsEnv, useSecretAsVolume, type SecretAsEnvOptions, type SecretAsVolumeOptions } from './secret.ts';
export { useConfigMapAsEnv, useConfigMapAsVolume, type ConfigMapAsEnvOptions, type ConfigMapAsVolumeOptions } from './config-map.ts';
export { mountPvc, addEphemeralVolume, type MountPvcOptions, type EphemeralVolumeOptions } from './volume.ts';
export { CreatePVC, DeletePVC } from './pvc-components.ts';
export { emptyDirMount, type EmptyDirMountOptions } from './empty-dir.ts';
export { useFieldPathAsEnv } from './field-path.ts';
export { setImagePullSecrets, setImagePullPolicy, type ImagePullPolicy } from './image.ts';
export { addNodeSelector, addNodeSelectorJson } from './node-selector.ts';
export { addNodeAffinity, addNodeAffinityJson, type NodeAffinityOptions } from './node-affinity.ts';
export { addPodAffinity, type PodAffinityOptions } from './pod-affinity.ts';
export type { SelectorRequirement, NodeSelectorOperator, LabelSelectorOperator } from './selector.ts';
export { addPodLabel, addPodAnnotation } from './pod-metadata.ts';
export { setSecurityContext, type SecurityContextOptions } from './security-context.ts';
export { setTimeout } from './timeout.ts';
export { addToleration, addTolerationJson, type Toleration } from './toleration.ts';
export { enableSharedMemory } from './shared-memory.ts';
export { pipelineConfig, type PipelineConfigOptions, type WorkspaceOptions } from './pipeline-config.ts';
export type {
  KubernetesSetting,
  PipelineConfigNode,
  SecretAsEnvSetting,
  SecretAsVolumeSetting,
  ConfigMapAsEnvSetting,
  ConfigMapAsVolumeSetting,
  PvcMountSetting,
  EphemeralVolumeSetting,
  EmptyDirMountSetting,
  FieldPathAsEnvSetting,
  ImagePullSecretsSetting,
  ImagePullPolicySetting,
  NodeSelectorSetting,
  NodeSelectorJsonSetting,
  NodeAffinitySetting,
  NodeAffinityJsonSetting,
  PodAffinitySetting,
  PodMetadataSetting,
  SecurityContextSetting,
  TimeoutSetting,
  TolerationSetting,
  TolerationJsonSetting,
  SharedMemorySetting,
} from '../dsl/kubernetes-settings.ts';
