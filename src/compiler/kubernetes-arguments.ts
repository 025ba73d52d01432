import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { KubernetesSetting, ParameterOr, SelectorRequirement, Toleration as TolerationArg } from '../dsl/kubernetes-settings.ts';
import { diagnostic, type DiagnosticPath } from '../diagnostics.ts';
import type {
  InputParameterSpec,
  JsonValue,
  SelectorRequirement as IrSelectorRequirement,
  Toleration,
} from '../ir/index.ts';
import { channelFullName, injectedName } from './channel-names.ts';
import { pathAt, type DagView, type NamedContext, type TaskEntry } from './context.ts';

/** The kfp-kubernetes helper each setting comes from: diagnostic paths name it. */
const HELPER: Record<KubernetesSetting['kind'], string> = {
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

export const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
export const LABEL_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
export const PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'];
export const NODE_AFFINITY_FIELDS = ['required_during_scheduling_ignored_during_execution', 'preferred_during_scheduling_ignored_during_execution'];

/** kfp-kubernetes' `camel_to_python_case`, used to check JSON keys against the Kubernetes model. */
export function pythonCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** A whole number in `[min, max]` (kfp's int checks; `bool` is not an int there, nor here). */
export function isWholeNumber(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Proto3 JSON leaves out fields that hold their default: empty strings, lists and maps. */
function present<T>(value: T | undefined): value is T {
  if (value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return true;
}

/** `{ [key]: value }` when the value is not proto3's default, else nothing. */
export function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (present(value) ? { [key]: value } : {}) as { [P in K]?: V };
}

/** A constant JSON argument as JSON; a channel inside it (not supported by kfp either) is undefined. */
function jsonOf(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isChannel(value)) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(jsonOf);
    return items.every((v): v is JsonValue => v !== undefined) ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, jsonOf(v)] as const);
    return entries.every(([, v]) => v !== undefined) ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
}

type ParameterReference = { readonly componentInputParameter: string } | { readonly taskOutputParameter: { readonly outputParameterKey: string; readonly producerTask: string } };

/**
 * Reads the arguments of one task's kfp-kubernetes settings as kfp-kubernetes checks them: each
 * problem a `kubernetes/invalid-argument` at `<pipeline>/<task>/kubernetes/<helper>/<argument>`,
 * counted so a setting with a problem can be left out. A run-time value is written the way kfp's
 * `_rewrite_platform_config_input_references` writes it for the DAG the task is in: a pipeline
 * input or loop item keeps its bare name where the DAG has it, else becomes the DAG's
 * `pipelinechannel--` input; a sibling's output is a `taskOutputParameter`; an output of a task
 * outside the DAG becomes the DAG's surfaced `pipelinechannel--<task>-<output>` input.
 */
export class KubernetesArguments {
  #problems = 0;
  readonly #reported = new Set<string>();

  constructor(
    private readonly ctx: NamedContext,
    private readonly t: TaskEntry,
    private readonly dag: DagView,
  ) {}

  /** Where a setting's argument is, for diagnostics. */
  at(setting: KubernetesSetting, ...rest: string[]): DiagnosticPath {
    return pathAt(this.ctx.naming, this.t, 'kubernetes', HELPER[setting.kind], ...rest);
  }

  invalid(path: DiagnosticPath, message: string): void {
    this.#problems++;
    this.ctx.report(diagnostic('kubernetes/invalid-argument', path, message));
  }

  /** What `make` returns, or nothing when it reported a problem (the setting is left out). */
  checked<T>(make: () => T[]): T[] {
    const before = this.#problems;
    const out = make();
    return this.#problems === before ? out : [];
  }

  /** The entries each setting of `kind` makes, checked. */
  list<K extends KubernetesSetting['kind'], T>(settings: readonly KubernetesSetting[], kind: K, make: (s: Extract<KubernetesSetting, { kind: K }>) => T[]): T[] {
    return settings.flatMap((setting) => (setting.kind === kind ? this.checked(() => make(setting as Extract<KubernetesSetting, { kind: K }>)) : []));
  }

  /** A channel read by a setting, as this task's DAG reaches it. */
  reference(ch: ChannelNode, where: DiagnosticPath): ParameterReference | undefined {
    const { naming: s } = this.ctx;
    const dag = this.dag;
    if (ch.kind !== 'parameterChannel') return void this.invalid(where, 'an artifact cannot name a Kubernetes object; pass a parameter');
    // A setting reads its input whole; kfp 2.17.3 names a field's `…-subvar-…` input, which no DAG has.
    if (ch.source.kind === 'loopItem' && ch.source.subvar !== undefined)
      return void this.invalid(
        where,
        `a loop item's field ('${ch.source.subvar}') cannot be the value of a Kubernetes setting: kfp writes a reference to an input no component has. Loop over a list of the values themselves, or pass the item whole where a JSON object is taken`,
      );
    if (ch.source.kind !== 'taskOutput') {
      const name = channelFullName(ch, s);
      return { componentInputParameter: !dag.inputParameters.has(name) && dag.inputParameters.has(injectedName(name)) ? injectedName(name) : name };
    }
    const producer = s.tasksById.get(ch.source.taskId)?.name ?? ch.source.taskId;
    const key = ch.source.output;
    if (dag.siblings.has(producer)) return { taskOutputParameter: { outputParameterKey: key, producerTask: producer } };
    const surfaced = injectedName(`${producer}-${key}`);
    // One value may be read by several settings: report it once.
    if (!dag.inputParameters.has(surfaced) && !this.#reported.has(surfaced)) {
      this.#reported.add(surfaced);
      const what = s.tasksById.has(ch.source.taskId) ? `task '${producer}', which does not reach this task's DAG` : 'a task of another pipeline';
      this.ctx.report(
        diagnostic('kubernetes/unreachable-reference', pathAt(s, this.t), `the Kubernetes setting uses output '${key}' of ${what}; pass a value this task can reach (a pipeline input or an output of a task in this pipeline)`),
      );
    }
    return { componentInputParameter: surfaced };
  }

  /** kfp-kubernetes `parse_k8s_parameter_input`: a constant, or a reference to a run-time value. */
  parameterInput(value: unknown, where: DiagnosticPath): InputParameterSpec | undefined {
    if (isChannel(value)) return this.reference(value, where);
    const json = jsonOf(value);
    if (json === undefined) return void this.invalid(where, 'a run-time value inside a JSON object is not supported; pass the whole object as a STRUCT pipeline parameter');
    return { runtimeValue: { constant: json } };
  }

  /** A Secret or ConfigMap name: the parameter form, and the deprecated plain name (for older backends) when it is a constant. */
  objectName<F extends string>(fieldName: F, name: ParameterOr<string>, where: DiagnosticPath) {
    const parameter = this.parameterInput(name, where);
    return { ...(typeof name === 'string' ? field(fieldName, name) : {}), [`${fieldName}Parameter`]: parameter };
  }

  /** Selector requirements as kfp checks them: a key, and an operator from `operators`. */
  requirements(given: readonly SelectorRequirement<string>[] | undefined, where: DiagnosticPath, kind: string, operators: readonly string[]): IrSelectorRequirement[] {
    const out: IrSelectorRequirement[] = [];
    (given ?? []).forEach((r, i) => {
      const here = [...where, String(i)];
      if (!r.key) this.invalid([...here, 'key'], `each ${kind} needs a non-empty key`);
      else if (!r.operator) this.invalid([...here, 'operator'], `the ${kind} for key '${r.key}' needs an operator`);
      else if (!operators.includes(r.operator)) this.invalid([...here, 'operator'], `invalid operator '${r.operator}' for key '${r.key}' in ${kind}: use one of ${[...operators].sort().join(', ')}`);
      else out.push({ key: r.key, operator: r.operator, ...field('values', [...(r.values ?? [])]) });
    });
    return out;
  }

  /** A preferred-scheduling weight: Kubernetes accepts 1 to 100. */
  weight(value: number | undefined, where: DiagnosticPath): void {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 100)) this.invalid(where, `weight must be a whole number between 1 and 100, got ${value}`);
  }

  toleration(tol: TolerationArg, where: DiagnosticPath): Toleration {
    if (tol.tolerationSeconds !== undefined && !Number.isInteger(tol.tolerationSeconds))
      this.invalid([...where, 'tolerationSeconds'], `tolerationSeconds must be a whole number, got ${tol.tolerationSeconds}`);
    return {
      ...field('key', tol.key),
      ...field('operator', tol.operator),
      ...field('value', tol.value),
      ...field('effect', tol.effect),
      // An explicit-presence int64: written (as a string) whenever it is given, 0 included.
      ...(tol.tolerationSeconds !== undefined ? { tolerationSeconds: String(tol.tolerationSeconds) } : {}),
    };
  }
}
