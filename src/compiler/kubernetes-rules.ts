import { isChannel } from '../dsl/channels.ts';
import type { KubernetesSetting, SelectorRequirement, Toleration } from '../dsl/kubernetes-settings.ts';

/** The kfp-kubernetes helper each setting comes from: diagnostic paths name it. */
export const HELPER: Record<KubernetesSetting['kind'], string> = {
  secretAsEnv: 'useSecretAsEnv',
  secretAsVolume: 'useSecretAsVolume',
  configMapAsEnv: 'useConfigMapAsEnv',
  configMapAsVolume: 'useConfigMapAsVolume',
  pvcMount: 'mountPvc',
  ephemeralVolume: 'addEphemeralVolume',
  emptyDirMount: 'emptyDirMount',
  fieldPathAsEnv: 'useFieldPathAsEnv',
  imagePullSecrets: 'setImagePullSecrets',
  imagePullPolicy: 'setImagePullPolicy',
  nodeSelector: 'addNodeSelector',
  nodeSelectorJson: 'addNodeSelectorJson',
  nodeAffinity: 'addNodeAffinity',
  nodeAffinityJson: 'addNodeAffinityJson',
  podAffinity: 'addPodAffinity',
  podLabel: 'addPodLabel',
  podAnnotation: 'addPodAnnotation',
  securityContext: 'setSecurityContext',
  timeout: 'setTimeout',
  toleration: 'addToleration',
  tolerationJson: 'addTolerationJson',
  sharedMemory: 'enableSharedMemory',
};

const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
const LABEL_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'];
const NODE_AFFINITY_FIELDS = ['required_during_scheduling_ignored_during_execution', 'preferred_during_scheduling_ignored_during_execution'];

/** What is wrong with one argument of a setting: where (below the helper's name) and why. */
export interface SettingProblem {
  readonly at: readonly string[];
  readonly message: string;
}

/** kfp-kubernetes' `camel_to_python_case`, used to check JSON keys against the Kubernetes model. */
function pythonCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** A whole number in `[min, max]` (kfp's int checks; `bool` is not an int there, nor here). */
function isWholeNumber(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whether a constant holds a channel somewhere inside (kfp-kubernetes takes a run-time value only whole). */
function holdsChannel(value: unknown): boolean {
  if (isChannel(value)) return true;
  if (Array.isArray(value)) return value.some(holdsChannel);
  if (value && typeof value === 'object') return Object.values(value).some(holdsChannel);
  return false;
}

/** A name or JSON object that may be a run-time value: a parameter read whole. */
function valueProblems(value: unknown, at: readonly string[]): SettingProblem[] {
  if (isChannel(value)) {
    if (value.kind !== 'parameterChannel') return [{ at, message: 'an artifact cannot name a Kubernetes object; pass a parameter' }];
    // A setting reads its input whole; kfp 2.17.3 names a field's `…-subvar-…` input, which no DAG has.
    if (value.source.kind === 'loopItem' && value.source.subvar !== undefined)
      return [
        {
          at,
          message: `a loop item's field ('${value.source.subvar}') cannot be the value of a Kubernetes setting: kfp writes a reference to an input no component has. Loop over a list of the values themselves, or pass the item whole where a JSON object is taken`,
        },
      ];
    return [];
  }
  return holdsChannel(value) ? [{ at, message: 'a run-time value inside a JSON object is not supported; pass the whole object as a STRUCT pipeline parameter' }] : [];
}

function requirementProblems(given: readonly SelectorRequirement<string>[] | undefined, at: string, kind: string, operators: readonly string[]): SettingProblem[] {
  return (given ?? []).flatMap((r, i): SettingProblem[] => {
    if (!r.key) return [{ at: [at, String(i), 'key'], message: `each ${kind} needs a non-empty key` }];
    if (!r.operator) return [{ at: [at, String(i), 'operator'], message: `the ${kind} for key '${r.key}' needs an operator` }];
    if (!operators.includes(r.operator))
      return [{ at: [at, String(i), 'operator'], message: `invalid operator '${r.operator}' for key '${r.key}' in ${kind}: use one of ${[...operators].sort().join(', ')}` }];
    return [];
  });
}

/** A preferred-scheduling weight: Kubernetes accepts 1 to 100. */
function weightProblems(weight: number | undefined): SettingProblem[] {
  return weight !== undefined && !(Number.isInteger(weight) && weight >= 1 && weight <= 100) ? [{ at: ['weight'], message: `weight must be a whole number between 1 and 100, got ${weight}` }] : [];
}

function tolerationProblems(t: Toleration, at: readonly string[]): SettingProblem[] {
  return t.tolerationSeconds !== undefined && !Number.isInteger(t.tolerationSeconds)
    ? [{ at: [...at, 'tolerationSeconds'], message: `tolerationSeconds must be a whole number, got ${t.tolerationSeconds}` }]
    : [];
}

/**
 * Every argument of a setting kfp-kubernetes 2.17.3 would refuse (where its helper raises a
 * ValueError), each with the argument it is about. Pure: the compiler's checks report them, and
 * the lowering leaves out a setting that has any.
 */
export function settingProblems(s: KubernetesSetting): SettingProblem[] {
  switch (s.kind) {
    case 'secretAsEnv':
    case 'secretAsVolume':
      return valueProblems(s.secretName, ['secretName']);
    case 'configMapAsEnv':
    case 'configMapAsVolume':
      return valueProblems(s.configMapName, ['configMapName']);
    case 'pvcMount':
      return valueProblems(s.pvcName, ['pvcName']);
    case 'imagePullSecrets':
      return s.secretNames.flatMap((name, i) => valueProblems(name, ['secretNames', String(i)]));
    case 'imagePullPolicy':
      return PULL_POLICIES.includes(s.policy) ? [] : [{ at: ['policy'], message: `invalid image pull policy '${String(s.policy)}': use Always, Never or IfNotPresent` }];
    case 'timeout':
      return isWholeNumber(s.seconds) ? [] : [{ at: ['seconds'], message: `seconds must be a whole number greater than or equal to 0, got ${s.seconds}` }];
    case 'securityContext': {
      if (s.runAsUser === undefined && s.runAsGroup === undefined && s.runAsNonRoot === undefined) return [{ at: [], message: 'give at least one of runAsUser, runAsGroup, runAsNonRoot' }];
      const out: SettingProblem[] = [];
      for (const field of ['runAsUser', 'runAsGroup'] as const) {
        const v = s[field];
        if (v !== undefined && !isWholeNumber(v)) out.push({ at: [field], message: `${field} must be a whole number greater than or equal to 0, got ${String(v)}` });
      }
      if (s.runAsNonRoot !== undefined && typeof s.runAsNonRoot !== 'boolean') out.push({ at: ['runAsNonRoot'], message: `runAsNonRoot must be true or false, got ${String(s.runAsNonRoot)}` });
      return out;
    }
    case 'nodeSelectorJson':
      return valueProblems(s.nodeSelectorJson, []);
    case 'nodeAffinity':
      return [
        ...requirementProblems(s.matchExpressions, 'matchExpressions', 'match_expression', NODE_OPERATORS),
        ...requirementProblems(s.matchFields, 'matchFields', 'match_field', NODE_OPERATORS),
        ...weightProblems(s.weight),
      ];
    case 'nodeAffinityJson': {
      const value = s.nodeAffinityJson;
      if (isChannel(value)) return valueProblems(value, []);
      // kfp builds the Kubernetes client's V1NodeAffinity from the object: only its two fields are accepted.
      const unknown = Object.keys(value).filter((key) => !NODE_AFFINITY_FIELDS.includes(pythonCase(key)));
      if (unknown.length)
        return [
          {
            at: [],
            message: `invalid NodeAffinity: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}; use requiredDuringSchedulingIgnoredDuringExecution or preferredDuringSchedulingIgnoredDuringExecution`,
          },
        ];
      return valueProblems(value, []);
    }
    case 'podAffinity':
      return [
        ...(s.topologyKey ? [] : [{ at: ['topologyKey'], message: 'a pod affinity term needs a topologyKey, e.g. kubernetes.io/hostname' }]),
        ...weightProblems(s.weight),
        ...requirementProblems(s.matchPodExpressions, 'matchPodExpressions', 'match_pod_expression', LABEL_OPERATORS),
        ...requirementProblems(s.matchNamespaceExpressions, 'matchNamespaceExpressions', 'match_namespace_expression', LABEL_OPERATORS),
      ];
    case 'toleration':
      return tolerationProblems(s.toleration, []);
    case 'tolerationJson': {
      const value = s.tolerationJson;
      if (isChannel(value)) return valueProblems(value, []);
      return Array.isArray(value) ? value.flatMap((t: Toleration, i) => tolerationProblems(t, [String(i)])) : tolerationProblems(value as Toleration, []);
    }
    default:
      return [];
  }
}
