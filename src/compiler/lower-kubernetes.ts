import { isChannel } from '../dsl/channels.ts';
import type { KubernetesSetting, Toleration as TolerationArg } from '../dsl/kubernetes-settings.ts';
import type { InputParameterSpec, KubernetesExecutorConfig, NodeAffinityTerm, NodeSelector, PodMetadata, PvcMount, SecurityContext, Toleration } from '../ir/index.ts';
import type { DagView, NamedContext, TaskEntry } from './context.ts';
import { foldKubernetes } from './kubernetes-fold.ts';
import { settingProblems } from './kubernetes-rules.ts';
import { field, KubernetesValues, selectorRequirements, toleration } from './kubernetes-values.ts';

type Setting<K extends KubernetesSetting['kind']> = Extract<KubernetesSetting, { kind: K }>;

/**
 * One task's kfp-kubernetes settings as its KubernetesExecutorConfig, folded in call order
 * (kubernetes-fold.ts): list fields append, message fields merge, a later scalar wins. The
 * checks (check-task-settings.ts) have reported every invalid argument; a setting with one is
 * left out here.
 */
export function lowerKubernetes(ctx: NamedContext, t: TaskEntry, dag: DagView): KubernetesExecutorConfig {
  const v = new KubernetesValues(ctx, t, dag);
  const valid = (t.node.config.kubernetes ?? []).filter((s) => settingProblems(s).length === 0);
  /** The entries each setting of `kind` makes. */
  const list = <K extends KubernetesSetting['kind'], T>(settings: readonly KubernetesSetting[], kind: K, make: (s: Setting<K>) => T[]): T[] =>
    settings.flatMap((s) => (s.kind === kind ? make(s as Setting<K>) : []));

  let config: KubernetesExecutorConfig = {};
  for (const [name, settings] of foldKubernetes(valid)) {
    switch (name) {
      case 'secretAsEnv':
        config = {
          ...config,
          secretAsEnv: list(settings, 'secretAsEnv', (x) => [
            { ...field('keyToEnv', x.keyToEnv.map((k) => ({ ...field('envVar', k.envVar), ...field('secretKey', k.secretKey) }))), optional: x.optional, ...v.objectName('secretName', x.secretName) },
          ]),
        };
        break;
      case 'secretAsVolume':
        config = { ...config, secretAsVolume: list(settings, 'secretAsVolume', (x) => [{ ...field('mountPath', x.mountPath), optional: x.optional, ...v.objectName('secretName', x.secretName) }]) };
        break;
      case 'configMapAsEnv':
        config = {
          ...config,
          configMapAsEnv: list(settings, 'configMapAsEnv', (x) => [
            {
              ...field('keyToEnv', x.keyToEnv.map((k) => ({ ...field('configMapKey', k.configMapKey), ...field('envVar', k.envVar) }))),
              optional: x.optional,
              ...v.objectName('configMapName', x.configMapName),
            },
          ]),
        };
        break;
      case 'configMapAsVolume':
        config = { ...config, configMapAsVolume: list(settings, 'configMapAsVolume', (x) => [{ ...field('mountPath', x.mountPath), optional: x.optional, ...v.objectName('configMapName', x.configMapName) }]) };
        break;
      case 'pvcMount':
        config = { ...config, pvcMount: list(settings, 'pvcMount', (x) => [pvcMount(x, v)]) };
        break;
      case 'genericEphemeralVolume':
        config = {
          ...config,
          genericEphemeralVolume: list(settings, 'ephemeralVolume', (x) => {
            const hasMetadata = Object.keys(x.labels).length > 0 || Object.keys(x.annotations).length > 0;
            return [
              {
                ...field('volumeName', x.volumeName),
                ...field('mountPath', x.mountPath),
                ...field('accessModes', [...x.accessModes]),
                ...field('size', x.size),
                ...field('storageClassName', x.storageClassName),
                // kfp asks for the default StorageClass exactly when no class is named.
                ...(x.storageClassName === undefined ? { defaultStorageClass: true } : {}),
                ...(hasMetadata ? { metadata: { ...field('annotations', { ...x.annotations }), ...field('labels', { ...x.labels }) } } : {}),
              },
            ];
          }),
        };
        break;
      case 'emptyDirMounts':
        config = {
          ...config,
          emptyDirMounts: list(settings, 'emptyDirMount', (x) => [
            {
              ...field('volumeName', x.volumeName),
              ...field('mountPath', x.mountPath),
              // medium and sizeLimit have explicit presence: an empty string given is written.
              ...(x.medium !== undefined ? { medium: x.medium } : {}),
              ...(x.sizeLimit !== undefined ? { sizeLimit: x.sizeLimit } : {}),
            },
          ]),
        };
        break;
      case 'fieldPathAsEnv':
        config = { ...config, fieldPathAsEnv: list(settings, 'fieldPathAsEnv', (x) => [{ ...field('name', x.envName), ...field('fieldPath', x.fieldPath) }]) };
        break;
      case 'imagePullSecret':
        config = { ...config, imagePullSecret: list(settings, 'imagePullSecrets', (x) => x.secretNames.map((n) => v.objectName('secretName', n))) };
        break;
      case 'nodeAffinity':
        // In call order, an addNodeAffinityJson term (only the last is kept) included.
        config = {
          ...config,
          nodeAffinity: settings.flatMap((x): NodeAffinityTerm[] => {
            if (x.kind === 'nodeAffinityJson') return [{ nodeAffinityJson: v.parameterInput(x.nodeAffinityJson) }];
            if (x.kind !== 'nodeAffinity') return [];
            const expressions = selectorRequirements(x.matchExpressions);
            const fields = selectorRequirements(x.matchFields);
            return [{ ...field('matchExpressions', expressions), ...field('matchFields', fields), ...(x.weight !== undefined ? { weight: x.weight } : {}) }];
          }),
        };
        break;
      case 'podAffinity':
        config = {
          ...config,
          podAffinity: list(settings, 'podAffinity', (x) => [
            {
              ...field('matchPodExpressions', selectorRequirements(x.matchPodExpressions)),
              ...field('matchPodLabels', { ...x.matchPodLabels }),
              ...field('topologyKey', x.topologyKey),
              ...field('namespaces', [...(x.namespaces ?? [])]),
              ...field('matchNamespaceExpressions', selectorRequirements(x.matchNamespaceExpressions)),
              ...field('matchNamespaceLabels', { ...x.matchNamespaceLabels }),
              ...(x.weight !== undefined ? { weight: x.weight } : {}),
              ...(x.anti !== undefined ? { anti: x.anti } : {}),
            },
          ]),
        };
        break;
      case 'tolerations':
        config = { ...config, tolerations: settings.flatMap((x) => tolerations(x, v)) };
        break;
      case 'nodeSelector':
        config = { ...config, nodeSelector: nodeSelector(settings, v) };
        break;
      case 'podMetadata':
        config = { ...config, podMetadata: podMetadata(settings) };
        break;
      case 'securityContext':
        config = { ...config, securityContext: securityContext(settings) };
        break;
      case 'imagePullPolicy':
        for (const x of settings) if (x.kind === 'imagePullPolicy') config = { ...config, imagePullPolicy: x.policy };
        break;
      case 'activeDeadlineSeconds': {
        // setTimeout(t, 0) removes a limit set earlier.
        const last = settings.filter((x): x is Setting<'timeout'> => x.kind === 'timeout').at(-1);
        const { activeDeadlineSeconds: _earlier, ...rest } = config;
        config = last && last.seconds > 0 ? { ...rest, activeDeadlineSeconds: String(last.seconds) } : rest;
        break;
      }
      case 'enabledSharedMemory': {
        const last = settings.at(-1);
        if (last?.kind === 'sharedMemory') config = { ...config, enabledSharedMemory: { ...field('volumeName', last.volumeName), ...field('size', last.size) } };
        break;
      }
    }
  }
  return config;
}

/** A PVC mount: the name as a parameter, and the deprecated `pvc_reference` oneof kfp-kubernetes keeps for older backends. */
function pvcMount(x: Setting<'pvcMount'>, v: KubernetesValues): PvcMount {
  const base = { ...field('mountPath', x.mountPath), ...field('subPath', x.subPath) };
  if (typeof x.pvcName === 'string') return { ...base, pvcNameParameter: { runtimeValue: { constant: x.pvcName } }, constant: x.pvcName };
  const ref = v.reference(x.pvcName);
  return { ...base, pvcNameParameter: ref, ...ref };
}

function tolerations(x: KubernetesSetting, v: KubernetesValues): Toleration[] {
  if (x.kind === 'toleration') return [toleration(x.toleration)];
  if (x.kind !== 'tolerationJson') return [];
  const value = x.tolerationJson;
  if (isChannel(value)) return [{ tolerationJson: v.parameterInput(value) }];
  const all: readonly TolerationArg[] = Array.isArray(value) ? value : [value as TolerationArg];
  return all.map(toleration);
}

/** Labels from `addNodeSelector` merged in call order, and the last `addNodeSelectorJson`. */
function nodeSelector(settings: readonly KubernetesSetting[], v: KubernetesValues): NodeSelector {
  const labels: Record<string, string> = {};
  let json: InputParameterSpec | undefined;
  for (const s of settings) {
    if (s.kind === 'nodeSelector') labels[s.labelKey] = s.labelValue;
    else if (s.kind === 'nodeSelectorJson') json = v.parameterInput(s.nodeSelectorJson);
  }
  return { ...(Object.keys(labels).length ? { labels } : {}), ...(json ? { nodeSelectorJson: json } : {}) };
}

function podMetadata(settings: readonly KubernetesSetting[]): PodMetadata {
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  for (const s of settings) {
    if (s.kind === 'podLabel') labels[s.key] = s.value;
    else if (s.kind === 'podAnnotation') annotations[s.key] = s.value;
  }
  return { ...(Object.keys(labels).length ? { labels } : {}), ...(Object.keys(annotations).length ? { annotations } : {}) };
}

/** The identity fields, merged in call order; int64 fields as protobuf JSON writes them (strings). */
function securityContext(settings: readonly KubernetesSetting[]): SecurityContext {
  let merged: SecurityContext = {};
  for (const s of settings) {
    if (s.kind !== 'securityContext') continue;
    merged = {
      ...merged,
      ...(s.runAsUser !== undefined ? { runAsUser: String(s.runAsUser) } : {}),
      ...(s.runAsGroup !== undefined ? { runAsGroup: String(s.runAsGroup) } : {}),
      ...(s.runAsNonRoot !== undefined ? { runAsNonRoot: s.runAsNonRoot } : {}),
    };
  }
  return merged;
}
