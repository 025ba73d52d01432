import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { append, argumentError, isParameterChannel, parameterInput, type Json, type JsonObject, type ParameterOr } from './common.ts';
import { checkWeight, selectorRequirements, type SelectorRequirement } from './selector.ts';
import { checkHelperArguments } from './helper-arguments.ts';

const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

/** Options of {@link addNodeAffinity}. */
export interface NodeAffinityOptions {
  /** Requirements on node labels. */
  readonly matchExpressions?: readonly SelectorRequirement[];
  /** Requirements on node fields (e.g. `metadata.name`). */
  readonly matchFields?: readonly SelectorRequirement[];
  /** Set, the term is preferred with this weight (1–100); left out, it is required. */
  readonly weight?: number;
}

/**
 * Adds a node affinity term to the task's pod (kfp-kubernetes `add_node_affinity`).
 *
 * @example addNodeAffinity(train, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['us-west-1'] }], weight: 50 })
 */
export function addNodeAffinity<O extends OutputDecls>(task: TaskHandle<O>, options: NodeAffinityOptions = {}): TaskHandle<O> {
  checkHelperArguments('addNodeAffinity', task, options, { matchExpressions: 'checked?', matchFields: 'checked?', weight: 'checked?' }, true);
  const term: Json = {};
  const expressions = selectorRequirements(options.matchExpressions, 'addNodeAffinity/matchExpressions', 'match_expression', NODE_OPERATORS);
  const fields = selectorRequirements(options.matchFields, 'addNodeAffinity/matchFields', 'match_field', NODE_OPERATORS);
  if (expressions.length) term.matchExpressions = expressions;
  if (fields.length) term.matchFields = fields;
  checkWeight(options.weight, 'addNodeAffinity/weight');
  if (options.weight !== undefined) term.weight = options.weight;
  return task.withKubernetes((k) => append(k, 'nodeAffinity', term));
}

/** kfp-kubernetes' `camel_to_python_case`, used to check JSON keys against the Kubernetes model. */
function pythonCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

const NODE_AFFINITY_FIELDS = ['required_during_scheduling_ignored_during_execution', 'preferred_during_scheduling_ignored_during_execution'];

/**
 * Adds a whole Kubernetes `NodeAffinity` object, constant or from a STRUCT pipeline parameter
 * (kfp-kubernetes `add_node_affinity_json`). It replaces an earlier JSON term; terms added with
 * {@link addNodeAffinity} stay.
 *
 * @example addNodeAffinityJson(train, { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [...] } })
 */
export function addNodeAffinityJson<O extends OutputDecls>(task: TaskHandle<O>, nodeAffinityJson: ParameterOr<JsonObject>): TaskHandle<O> {
  checkHelperArguments('addNodeAffinityJson', task, undefined, {}, true);
  if (!isParameterChannel(nodeAffinityJson)) {
    // kfp builds the Kubernetes client's V1NodeAffinity from the object: only its two fields are accepted.
    const unknown = Object.keys(nodeAffinityJson).filter((key) => !NODE_AFFINITY_FIELDS.includes(pythonCase(key)));
    if (unknown.length)
      throw argumentError(
        'addNodeAffinityJson',
        `invalid NodeAffinity: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}; use requiredDuringSchedulingIgnoredDuringExecution or preferredDuringSchedulingIgnoredDuringExecution`,
      );
  }
  const term: Json = { nodeAffinityJson: parameterInput(nodeAffinityJson) };
  return task.withKubernetes((k) => {
    const kept = (Array.isArray(k.nodeAffinity) ? (k.nodeAffinity as Json[]) : []).filter((t) => !('nodeAffinityJson' in t));
    return append({ ...k, nodeAffinity: kept }, 'nodeAffinity', term);
  });
}
