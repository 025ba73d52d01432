import type { OutputDecls } from '../dsl/io.ts';
import type { JsonObjectArg, ParameterOr, SelectorRequirement } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

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
  return task.withKubernetes({
    kind: 'nodeAffinity',
    ...(options.matchExpressions !== undefined ? { matchExpressions: [...options.matchExpressions] } : {}),
    ...(options.matchFields !== undefined ? { matchFields: [...options.matchFields] } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  });
}

/**
 * Adds a whole Kubernetes `NodeAffinity` object, constant or from a STRUCT pipeline parameter
 * (kfp-kubernetes `add_node_affinity_json`). It replaces an earlier JSON term; terms added with
 * {@link addNodeAffinity} stay.
 *
 * @example addNodeAffinityJson(train, { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [...] } })
 */
export function addNodeAffinityJson<O extends OutputDecls>(task: TaskHandle<O>, nodeAffinityJson: ParameterOr<JsonObjectArg>): TaskHandle<O> {
  checkHelperArguments('addNodeAffinityJson', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'nodeAffinityJson', nodeAffinityJson });
}
