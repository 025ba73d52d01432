import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { KubernetesSetting } from '../dsl/kubernetes-settings.ts';
import type { KubernetesExecutorConfig } from '../ir/index.ts';

/** A field of the KubernetesExecutorConfig. */
export type ExecutorConfigField = keyof KubernetesExecutorConfig;

/**
 * A task's kfp-kubernetes settings grouped by the field each writes, fields in the order they
 * first got something (kfp-kubernetes edits one message call after call, so a field keeps the
 * place of its first use), settings in call order. Two settings replace rather than add:
 * `addNodeSelectorJson` (the last one counts) and `addNodeAffinityJson` (drops an earlier JSON
 * term). A call that adds nothing (`setImagePullSecrets(t, [])`, an empty toleration list) does
 * not touch its field.
 */
export function foldKubernetes(settings: readonly KubernetesSetting[]): ReadonlyMap<ExecutorConfigField, readonly KubernetesSetting[]> {
  const fields = new Map<ExecutorConfigField, KubernetesSetting[]>();
  const add = (field: ExecutorConfigField, s: KubernetesSetting): void => {
    const list = fields.get(field);
    if (list) list.push(s);
    else fields.set(field, [s]);
  };
  for (const s of settings) {
    const field = fieldOf(s);
    if (s.kind === 'imagePullSecrets' && s.secretNames.length === 0) continue;
    if (s.kind === 'tolerationJson' && Array.isArray(s.tolerationJson) && s.tolerationJson.length === 0) continue;
    if (s.kind === 'nodeAffinityJson') {
      const kept = (fields.get(field) ?? []).filter((t) => t.kind !== 'nodeAffinityJson');
      fields.set(field, [...kept, s]);
      continue;
    }
    add(field, s);
  }
  return fields;
}

function fieldOf(s: KubernetesSetting): ExecutorConfigField {
  switch (s.kind) {
    case 'secretAsEnv':
    case 'secretAsVolume':
    case 'configMapAsEnv':
    case 'configMapAsVolume':
    case 'pvcMount':
    case 'fieldPathAsEnv':
    case 'podAffinity':
    case 'nodeAffinity':
    case 'securityContext':
    case 'imagePullPolicy':
      return s.kind;
    case 'nodeAffinityJson':
      return 'nodeAffinity';
    case 'ephemeralVolume':
      return 'genericEphemeralVolume';
    case 'emptyDirMount':
      return 'emptyDirMounts';
    case 'imagePullSecrets':
      return 'imagePullSecret';
    case 'nodeSelector':
    case 'nodeSelectorJson':
      return 'nodeSelector';
    case 'podLabel':
    case 'podAnnotation':
      return 'podMetadata';
    case 'timeout':
      return 'activeDeadlineSeconds';
    case 'toleration':
    case 'tolerationJson':
      return 'tolerations';
    case 'sharedMemory':
      return 'enabledSharedMemory';
  }
}

/** The channels one setting reads (a name or JSON object from a pipeline parameter or task output). */
function channelsOf(s: KubernetesSetting): unknown[] {
  switch (s.kind) {
    case 'secretAsEnv':
    case 'secretAsVolume':
      return [s.secretName];
    case 'configMapAsEnv':
    case 'configMapAsVolume':
      return [s.configMapName];
    case 'pvcMount':
      return [s.pvcName];
    case 'imagePullSecrets':
      return [...s.secretNames];
    case 'nodeSelectorJson':
      return [s.nodeSelectorJson];
    case 'nodeAffinityJson':
      return [s.nodeAffinityJson];
    case 'tolerationJson':
      return [s.tolerationJson];
    default:
      // Stryker disable next-line ArrayDeclaration: the caller keeps only the channels, so any non-channel entry here is dropped
      return [];
  }
}

/**
 * The channels a task's kfp-kubernetes settings read, field by field in the order the fields are
 * first set. Every channel a helper was given counts, also one a later node selector or node
 * affinity JSON replaces in the executor config: kfp-kubernetes registers the channel as the
 * task's input when the helper is called, so kfp surfaces it into the task's DAG all the same.
 */
export function kubernetesChannels(settings: readonly KubernetesSetting[] | undefined): ChannelNode[] {
  const byField = new Map<ExecutorConfigField, KubernetesSetting[]>();
  for (const s of settings ?? []) byField.set(fieldOf(s), [...(byField.get(fieldOf(s)) ?? []), s]);
  return [...byField.values()].flat().flatMap((s) => channelsOf(s).filter(isChannel));
}
