import { isChannel } from '../dsl/channels.ts';
import type { KubernetesSetting, Toleration as TolerationArg } from '../dsl/kubernetes-settings.ts';
import type { InputParameterSpec, KubernetesExecutorConfig, NodeAffinityTerm, NodeSelector, PodMetadata, PvcMount, SecurityContext } from '../ir/index.ts';
import type { DagView, NamedContext, TaskEntry } from './context.ts';
import { field, isWholeNumber, KubernetesArguments, LABEL_OPERATORS, NODE_AFFINITY_FIELDS, NODE_OPERATORS, PULL_POLICIES, pythonCase } from './kubernetes-arguments.ts';
import { foldKubernetes } from './kubernetes-fold.ts';

/**
 * One task's kfp-kubernetes settings as its KubernetesExecutorConfig: each setting checked
 * (kubernetes-arguments.ts; a setting with a problem is left out), then the settings folded in
 * call order (kubernetes-fold.ts): list fields append, message fields merge, a later scalar wins.
 */
export function lowerKubernetes(ctx: NamedContext, t: TaskEntry, dag: DagView): KubernetesExecutorConfig {
  const a = new KubernetesArguments(ctx, t, dag);
  let config: KubernetesExecutorConfig = {};
  for (const [name, settings] of foldKubernetes(t.node.config.kubernetes ?? [])) {
    switch (name) {
      case 'secretAsEnv':
        config = {
          ...config,
          secretAsEnv: a.list(settings, 'secretAsEnv', (x) => [
            { ...field('keyToEnv', x.keyToEnv.map((k) => ({ ...field('envVar', k.envVar), ...field('secretKey', k.secretKey) }))), optional: x.optional, ...a.objectName('secretName', x.secretName, a.at(x, 'secretName')) },
          ]),
        };
        break;
      case 'secretAsVolume':
        config = { ...config, secretAsVolume: a.list(settings, 'secretAsVolume', (x) => [{ ...field('mountPath', x.mountPath), optional: x.optional, ...a.objectName('secretName', x.secretName, a.at(x, 'secretName')) }]) };
        break;
      case 'configMapAsEnv':
        config = {
          ...config,
          configMapAsEnv: a.list(settings, 'configMapAsEnv', (x) => [
            { ...field('keyToEnv', x.keyToEnv.map((k) => ({ ...field('configMapKey', k.configMapKey), ...field('envVar', k.envVar) }))), optional: x.optional, ...a.objectName('configMapName', x.configMapName, a.at(x, 'configMapName')) },
          ]),
        };
        break;
      case 'configMapAsVolume':
        config = { ...config, configMapAsVolume: a.list(settings, 'configMapAsVolume', (x) => [{ ...field('mountPath', x.mountPath), optional: x.optional, ...a.objectName('configMapName', x.configMapName, a.at(x, 'configMapName')) }]) };
        break;
      case 'pvcMount':
        config = { ...config, pvcMount: a.list(settings, 'pvcMount', (x) => [pvcMount(x)]) };
        break;
      case 'genericEphemeralVolume':
        config = {
          ...config,
          genericEphemeralVolume: a.list(settings, 'ephemeralVolume', (x) => {
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
          emptyDirMounts: a.list(settings, 'emptyDirMount', (x) => [
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
        config = { ...config, fieldPathAsEnv: a.list(settings, 'fieldPathAsEnv', (x) => [{ ...field('name', x.envName), ...field('fieldPath', x.fieldPath) }]) };
        break;
      case 'imagePullSecret':
        config = { ...config, imagePullSecret: a.list(settings, 'imagePullSecrets', (x) => x.secretNames.map((n, i) => a.objectName('secretName', n, a.at(x, 'secretNames', String(i))))) };
        break;
      case 'nodeAffinity':
        config = { ...config, nodeAffinity: [...a.list(settings, 'nodeAffinity', (x) => [nodeAffinity(x)]), ...a.list(settings, 'nodeAffinityJson', (x) => [nodeAffinityJson(x)])] };
        break;
      case 'podAffinity':
        config = {
          ...config,
          podAffinity: a.list(settings, 'podAffinity', (x) => {
            if (!x.topologyKey) a.invalid(a.at(x, 'topologyKey'), 'a pod affinity term needs a topologyKey, e.g. kubernetes.io/hostname');
            a.weight(x.weight, a.at(x, 'weight'));
            return [
              {
                ...field('matchPodExpressions', a.requirements(x.matchPodExpressions, a.at(x, 'matchPodExpressions'), 'match_pod_expression', LABEL_OPERATORS)),
                ...field('matchPodLabels', { ...x.matchPodLabels }),
                ...field('topologyKey', x.topologyKey),
                ...field('namespaces', [...(x.namespaces ?? [])]),
                ...field('matchNamespaceExpressions', a.requirements(x.matchNamespaceExpressions, a.at(x, 'matchNamespaceExpressions'), 'match_namespace_expression', LABEL_OPERATORS)),
                ...field('matchNamespaceLabels', { ...x.matchNamespaceLabels }),
                ...(x.weight !== undefined ? { weight: x.weight } : {}),
                ...(x.anti !== undefined ? { anti: x.anti } : {}),
              },
            ];
          }),
        };
        break;
      case 'tolerations':
        config = {
          ...config,
          tolerations: settings.flatMap((x) => {
            if (x.kind === 'toleration') return a.checked(() => [a.toleration(x.toleration, a.at(x))]);
            if (x.kind !== 'tolerationJson') return [];
            const value = x.tolerationJson;
            if (isChannel(value)) return a.checked(() => [{ tolerationJson: a.parameterInput(value, a.at(x)) }]);
            const all: readonly TolerationArg[] = Array.isArray(value) ? value : [value as TolerationArg];
            return a.checked(() => all.map((tol, i) => a.toleration(tol, a.at(x, ...(Array.isArray(value) ? [String(i)] : [])))));
          }),
        };
        break;
      case 'nodeSelector':
        config = { ...config, nodeSelector: nodeSelector(settings, a) };
        break;
      case 'podMetadata':
        config = { ...config, podMetadata: podMetadata(settings) };
        break;
      case 'securityContext':
        config = { ...config, ...securityContext(settings, a) };
        break;
      case 'imagePullPolicy':
        for (const x of settings)
          if (x.kind === 'imagePullPolicy') {
            if (PULL_POLICIES.includes(x.policy)) config = { ...config, imagePullPolicy: x.policy };
            else a.invalid(a.at(x, 'policy'), `invalid image pull policy '${String(x.policy)}': use Always, Never or IfNotPresent`);
          }
        break;
      case 'activeDeadlineSeconds': {
        let seconds: number | undefined;
        for (const x of settings)
          if (x.kind === 'timeout') {
            if (isWholeNumber(x.seconds)) seconds = x.seconds === 0 ? undefined : x.seconds;
            else a.invalid(a.at(x, 'seconds'), `seconds must be a whole number greater than or equal to 0, got ${x.seconds}`);
          }
        const { activeDeadlineSeconds: _earlier, ...rest } = config;
        config = seconds === undefined ? rest : { ...rest, activeDeadlineSeconds: String(seconds) };
        break;
      }
      case 'enabledSharedMemory': {
        const last = settings[settings.length - 1];
        if (last?.kind === 'sharedMemory') config = { ...config, enabledSharedMemory: { ...field('volumeName', last.volumeName), ...field('size', last.size) } };
        break;
      }
    }
  }
  return config;

  function pvcMount(x: Extract<KubernetesSetting, { kind: 'pvcMount' }>): PvcMount {
    const base = { ...field('mountPath', x.mountPath), ...field('subPath', x.subPath) };
    // The deprecated `pvc_reference` oneof, kept by kfp-kubernetes for older backends, beside the parameter.
    if (typeof x.pvcName === 'string') return { ...base, pvcNameParameter: { runtimeValue: { constant: x.pvcName } }, constant: x.pvcName };
    const ref = a.reference(x.pvcName, a.at(x, 'pvcName'));
    return { ...base, pvcNameParameter: ref, ...ref };
  }

  function nodeAffinity(x: Extract<KubernetesSetting, { kind: 'nodeAffinity' }>): NodeAffinityTerm {
    const expressions = a.requirements(x.matchExpressions, a.at(x, 'matchExpressions'), 'match_expression', NODE_OPERATORS);
    const fields = a.requirements(x.matchFields, a.at(x, 'matchFields'), 'match_field', NODE_OPERATORS);
    a.weight(x.weight, a.at(x, 'weight'));
    return { ...field('matchExpressions', expressions), ...field('matchFields', fields), ...(x.weight !== undefined ? { weight: x.weight } : {}) };
  }

  function nodeAffinityJson(x: Extract<KubernetesSetting, { kind: 'nodeAffinityJson' }>): NodeAffinityTerm {
    const value = x.nodeAffinityJson;
    if (!isChannel(value)) {
      // kfp builds the Kubernetes client's V1NodeAffinity from the object: only its two fields are accepted.
      const unknown = Object.keys(value).filter((key) => !NODE_AFFINITY_FIELDS.includes(pythonCase(key)));
      if (unknown.length)
        a.invalid(
          a.at(x),
          `invalid NodeAffinity: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}; use requiredDuringSchedulingIgnoredDuringExecution or preferredDuringSchedulingIgnoredDuringExecution`,
        );
    }
    return { nodeAffinityJson: a.parameterInput(value, a.at(x)) };
  }
}

/** Labels from `addNodeSelector` merged in call order, and the last `addNodeSelectorJson`. */
function nodeSelector(settings: readonly KubernetesSetting[], a: KubernetesArguments): NodeSelector {
  const labels: Record<string, string> = {};
  let json: InputParameterSpec | undefined;
  for (const s of settings) {
    if (s.kind === 'nodeSelector') labels[s.labelKey] = s.labelValue;
    else if (s.kind === 'nodeSelectorJson') json = a.parameterInput(s.nodeSelectorJson, a.at(s));
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
function securityContext(settings: readonly KubernetesSetting[], a: KubernetesArguments): { securityContext?: SecurityContext } {
  let merged: SecurityContext | undefined;
  for (const s of settings) {
    if (s.kind !== 'securityContext') continue;
    let ok = true;
    if (s.runAsUser === undefined && s.runAsGroup === undefined && s.runAsNonRoot === undefined) {
      a.invalid(a.at(s), 'give at least one of runAsUser, runAsGroup, runAsNonRoot');
      ok = false;
    }
    for (const f of ['runAsUser', 'runAsGroup'] as const) {
      const v = s[f];
      if (v !== undefined && !isWholeNumber(v)) {
        a.invalid(a.at(s, f), `${f} must be a whole number greater than or equal to 0, got ${String(v)}`);
        ok = false;
      }
    }
    if (s.runAsNonRoot !== undefined && typeof s.runAsNonRoot !== 'boolean') {
      a.invalid(a.at(s, 'runAsNonRoot'), `runAsNonRoot must be true or false, got ${String(s.runAsNonRoot)}`);
      ok = false;
    }
    if (!ok) continue;
    merged = {
      ...merged,
      ...(s.runAsUser !== undefined ? { runAsUser: String(s.runAsUser) } : {}),
      ...(s.runAsGroup !== undefined ? { runAsGroup: String(s.runAsGroup) } : {}),
      ...(s.runAsNonRoot !== undefined ? { runAsNonRoot: s.runAsNonRoot } : {}),
    };
  }
  return merged ? { securityContext: merged } : {};
}

