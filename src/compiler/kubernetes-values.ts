import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { ParameterOr, SelectorRequirement, Toleration as TolerationArg } from '../dsl/kubernetes-settings.ts';
import { diagnostic } from '../diagnostics.ts';
import type { InputParameterSpec, JsonValue, SelectorRequirement as IrSelectorRequirement, Toleration } from '../ir/index.ts';
import { channelFullName, injectedName } from './channel-names.ts';
import { pathAt, type DagView, type NamedContext, type TaskEntry } from './context.ts';

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

/** A constant JSON argument as JSON (kubernetes-rules.ts refuses one with a channel inside). */
function jsonOf(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, jsonOf(v)]));
  return null;
}

type ParameterReference = { readonly componentInputParameter: string } | { readonly taskOutputParameter: { readonly outputParameterKey: string; readonly producerTask: string } };

/**
 * The values of one task's kfp-kubernetes settings as the task's DAG reaches them, written the
 * way kfp's `_rewrite_platform_config_input_references` writes them: a pipeline input or loop
 * item keeps its bare name where the DAG has it, else becomes the DAG's `pipelinechannel--` input;
 * a sibling's output is a `taskOutputParameter`; an output of a task outside the DAG becomes the
 * DAG's surfaced `pipelinechannel--<task>-<output>` input (reported when the DAG has no such input).
 */
export class KubernetesValues {
  readonly #reported = new Set<string>();

  constructor(
    private readonly ctx: NamedContext,
    private readonly t: TaskEntry,
    private readonly dag: DagView,
  ) {}

  /** A channel read by a setting (a parameter read whole: kubernetes-rules.ts refuses anything else). */
  reference(ch: ChannelNode): ParameterReference {
    const s = this.ctx.naming;
    const dag = this.dag;
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
  parameterInput(value: unknown): InputParameterSpec {
    return isChannel(value) ? this.reference(value) : { runtimeValue: { constant: jsonOf(value) } };
  }

  /** A Secret or ConfigMap name: the parameter form, and the deprecated plain name (for older backends) when it is a constant. */
  objectName<F extends string>(fieldName: F, name: ParameterOr<string>) {
    return { ...(typeof name === 'string' ? field(fieldName, name) : {}), [`${fieldName}Parameter`]: this.parameterInput(name) };
  }
}

export function selectorRequirements(given: readonly SelectorRequirement<string>[] | undefined): IrSelectorRequirement[] {
  return (given ?? []).map((r) => ({ key: r.key, operator: r.operator, ...field('values', [...(r.values ?? [])]) }));
}

export function toleration(t: TolerationArg): Toleration {
  return {
    ...field('key', t.key),
    ...field('operator', t.operator),
    ...field('value', t.value),
    ...field('effect', t.effect),
    // An explicit-presence int64: written (as a string) whenever it is given, 0 included.
    ...(t.tolerationSeconds !== undefined ? { tolerationSeconds: String(t.tolerationSeconds) } : {}),
  };
}
