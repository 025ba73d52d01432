import type { ParameterChannel } from './channels.ts';

/**
 * kfp-kubernetes settings as DSL nodes: what each helper in src/kubernetes was asked for, as
 * plain data in call order (`TaskConfig.kubernetes`). Nothing is checked or shaped here: the
 * compiler (lower-kubernetes.ts) checks the arguments as kfp-kubernetes does, reporting each
 * problem, and folds the list into the task's KubernetesExecutorConfig, resolving the channels
 * for the DAG the task is in.
 */

/** A value known when the pipeline is defined, or a pipeline parameter / task output that holds it. */
export type ParameterOr<T> = T | ParameterChannel<T>;

/** A JSON object argument (node selector, node affinity, toleration): a constant or a STRUCT parameter. */
export type JsonObjectArg = { readonly [key: string]: unknown };

/** The operators of a node selector requirement. */
export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
/** The operators of a label selector requirement. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement of a node or label selector: key, operator, values. */
export interface SelectorRequirement<Op extends string = NodeSelectorOperator> {
  readonly key: string;
  readonly operator: Op;
  readonly values?: readonly string[];
}

/** A Kubernetes toleration, as `kubernetes.addToleration` takes it. */
export interface Toleration {
  /** The taint key; left out with operator `Exists`, every taint is tolerated. */
  readonly key?: string;
  /** `Equal` (the Kubernetes default) or `Exists`. */
  readonly operator?: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect?: 'NoExecute' | 'NoSchedule' | 'PreferNoSchedule';
  /** For `NoExecute`: how long the pod stays once the taint appears. */
  readonly tolerationSeconds?: number;
}

/** `useSecretAsEnv`: keys of a Secret as environment variables. */
export interface SecretAsEnvSetting {
  readonly kind: 'secretAsEnv';
  readonly secretName: ParameterOr<string>;
  readonly keyToEnv: readonly { readonly secretKey: string; readonly envVar: string }[];
  readonly optional: boolean;
}
/** `useSecretAsVolume`: a Secret mounted as files. */
export interface SecretAsVolumeSetting {
  readonly kind: 'secretAsVolume';
  readonly secretName: ParameterOr<string>;
  readonly mountPath: string;
  readonly optional: boolean;
}
/** `useConfigMapAsEnv`: keys of a ConfigMap as environment variables. */
export interface ConfigMapAsEnvSetting {
  readonly kind: 'configMapAsEnv';
  readonly configMapName: ParameterOr<string>;
  readonly keyToEnv: readonly { readonly configMapKey: string; readonly envVar: string }[];
  readonly optional: boolean;
}
/** `useConfigMapAsVolume`: a ConfigMap mounted as files. */
export interface ConfigMapAsVolumeSetting {
  readonly kind: 'configMapAsVolume';
  readonly configMapName: ParameterOr<string>;
  readonly mountPath: string;
  readonly optional: boolean;
}
/** `mountPvc`: a PersistentVolumeClaim mounted in the container. */
export interface PvcMountSetting {
  readonly kind: 'pvcMount';
  readonly pvcName: ParameterOr<string>;
  readonly mountPath: string;
  readonly subPath?: string;
}
/** `addEphemeralVolume`: a PVC made with the pod and deleted with it. */
export interface EphemeralVolumeSetting {
  readonly kind: 'ephemeralVolume';
  readonly volumeName: string;
  readonly mountPath: string;
  readonly accessModes: readonly string[];
  readonly size: string;
  readonly storageClassName?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}
/** `emptyDirMount`: an emptyDir volume. */
export interface EmptyDirMountSetting {
  readonly kind: 'emptyDirMount';
  readonly volumeName: string;
  readonly mountPath: string;
  readonly medium?: string;
  readonly sizeLimit?: string;
}
/** `useFieldPathAsEnv`: an environment variable from a pod field. */
export interface FieldPathAsEnvSetting {
  readonly kind: 'fieldPathAsEnv';
  readonly envName: string;
  readonly fieldPath: string;
}
/** `setImagePullSecrets`: image pull secrets of the pod. */
export interface ImagePullSecretsSetting {
  readonly kind: 'imagePullSecrets';
  readonly secretNames: readonly ParameterOr<string>[];
}
/** `setImagePullPolicy`: the container's image pull policy. */
export interface ImagePullPolicySetting {
  readonly kind: 'imagePullPolicy';
  readonly policy: string;
}
/** `addNodeSelector`: one node label the pod must run on. */
export interface NodeSelectorSetting {
  readonly kind: 'nodeSelector';
  readonly labelKey: string;
  readonly labelValue: string;
}
/** `addNodeSelectorJson`: the whole node selector, constant or from a parameter. */
export interface NodeSelectorJsonSetting {
  readonly kind: 'nodeSelectorJson';
  readonly nodeSelectorJson: ParameterOr<JsonObjectArg>;
}
/** `addNodeAffinity`: a node affinity term. */
export interface NodeAffinitySetting {
  readonly kind: 'nodeAffinity';
  readonly matchExpressions?: readonly SelectorRequirement[];
  readonly matchFields?: readonly SelectorRequirement[];
  readonly weight?: number;
}
/** `addNodeAffinityJson`: a whole NodeAffinity object, constant or from a parameter. */
export interface NodeAffinityJsonSetting {
  readonly kind: 'nodeAffinityJson';
  readonly nodeAffinityJson: ParameterOr<JsonObjectArg>;
}
/** `addPodAffinity`: a pod (anti-)affinity term. */
export interface PodAffinitySetting {
  readonly kind: 'podAffinity';
  readonly topologyKey: string;
  readonly matchPodExpressions?: readonly SelectorRequirement<LabelSelectorOperator>[];
  readonly matchPodLabels?: Readonly<Record<string, string>>;
  readonly namespaces?: readonly string[];
  readonly matchNamespaceExpressions?: readonly SelectorRequirement<LabelSelectorOperator>[];
  readonly matchNamespaceLabels?: Readonly<Record<string, string>>;
  readonly weight?: number;
  readonly anti?: boolean;
}
/** `addPodLabel` / `addPodAnnotation`: one label or annotation of the pod. */
export interface PodMetadataSetting {
  readonly kind: 'podLabel' | 'podAnnotation';
  readonly key: string;
  readonly value: string;
}
/** `setSecurityContext`: identity fields of the container's security context. */
export interface SecurityContextSetting {
  readonly kind: 'securityContext';
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
}
/** `setTimeout`: the pod's active deadline in seconds (0 removes one set earlier). */
export interface TimeoutSetting {
  readonly kind: 'timeout';
  readonly seconds: number;
}
/** `addToleration`: one toleration. */
export interface TolerationSetting {
  readonly kind: 'toleration';
  readonly toleration: Toleration;
}
/** `addTolerationJson`: tolerations as JSON, constant or from a parameter. */
export interface TolerationJsonSetting {
  readonly kind: 'tolerationJson';
  readonly tolerationJson: Toleration | readonly Toleration[] | ParameterChannel<JsonObjectArg> | ParameterChannel<readonly JsonObjectArg[]>;
}
/** `enableSharedMemory`: a memory-backed `/dev/shm`. */
export interface SharedMemorySetting {
  readonly kind: 'sharedMemory';
  readonly volumeName?: string;
  readonly size?: string;
}

/** One kfp-kubernetes setting of a task. */
export type KubernetesSetting =
  | SecretAsEnvSetting
  | SecretAsVolumeSetting
  | ConfigMapAsEnvSetting
  | ConfigMapAsVolumeSetting
  | PvcMountSetting
  | EphemeralVolumeSetting
  | EmptyDirMountSetting
  | FieldPathAsEnvSetting
  | ImagePullSecretsSetting
  | ImagePullPolicySetting
  | NodeSelectorSetting
  | NodeSelectorJsonSetting
  | NodeAffinitySetting
  | NodeAffinityJsonSetting
  | PodAffinitySetting
  | PodMetadataSetting
  | SecurityContextSetting
  | TimeoutSetting
  | TolerationSetting
  | TolerationJsonSetting
  | SharedMemorySetting;

/** The pipeline's shared workspace volume: its size and, optionally, a PVC spec. */
export interface WorkspaceOptions {
  /** Size of the workspace PVC, a Kubernetes quantity such as `'10Gi'`. */
  readonly size: string;
  /** Kubernetes-specific settings of the workspace PVC. */
  readonly kubernetes?: {
    /**
     * Fields patched onto the API server's default PVC spec: `accessModes` and
     * `storageClassName`, the only two the backend accepts. Give `accessModes` unless the
     * server's configuration has a default workspace spec: without it the backend refuses the run.
     */
    readonly pvcSpecPatch?: { readonly accessModes?: readonly string[]; readonly storageClassName?: string };
  };
}

/** Options of `kubernetes.pipelineConfig`: the pipeline-level Kubernetes settings. */
export interface PipelineConfigOptions {
  /** A PVC shared by the run's tasks (`{{$.workspace_path}}`), for the run's duration. */
  readonly workspace?: WorkspaceOptions;
  /** Seconds the Argo Workflow is kept once the run completes, whatever its outcome. */
  readonly ttlSecondsAfterFinished?: number;
  /** Seconds it is kept after a successful run (wins over ttlSecondsAfterFinished). */
  readonly ttlSecondsAfterSuccess?: number;
  /** Seconds it is kept after a failed run (wins over ttlSecondsAfterFinished). */
  readonly ttlSecondsAfterFailure?: number;
  /** Seconds the whole run may take before it is stopped. */
  readonly activeDeadlineSeconds?: number;
}

/** kfp's `dsl.PipelineConfig`, as `kubernetes.pipelineConfig(...)` makes it: checked and lowered by the compiler. */
export interface PipelineConfigNode {
  readonly kind: 'pipelineConfig';
  readonly options: PipelineConfigOptions;
}
