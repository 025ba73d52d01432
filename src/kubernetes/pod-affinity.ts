import type { OutputDecls } from '../dsl/io.ts';
import type { LabelSelectorOperator, SelectorRequirement } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link addPodAffinity}. */
export interface PodAffinityOptions {
  /** The node label whose value defines "the same place", e.g. `'kubernetes.io/hostname'`. */
  readonly topologyKey: string;
  /** Label requirements on the other pods. */
  readonly matchPodExpressions?: readonly SelectorRequirement<LabelSelectorOperator>[];
  /** Exact labels of the other pods. */
  readonly matchPodLabels?: Readonly<Record<string, string>>;
  /** Namespaces the other pods are looked up in (default: the task's). */
  readonly namespaces?: readonly string[];
  readonly matchNamespaceExpressions?: readonly SelectorRequirement<LabelSelectorOperator>[];
  readonly matchNamespaceLabels?: Readonly<Record<string, string>>;
  /** Set, the term is preferred with this weight (1–100); left out, it is required. */
  readonly weight?: number;
  /** Keep away from the matching pods instead of near them (pod anti-affinity). */
  readonly anti?: boolean;
}

/**
 * Adds a pod affinity (or, with `anti`, anti-affinity) term to the task's pod: the
 * KubernetesExecutorConfig `podAffinity` field. kfp-kubernetes 2.17 has the field but no Python
 * helper for it; a kfp user sets it through the `PodAffinityTerm` message, which writes the same.
 *
 * @example addPodAffinity(train, { topologyKey: 'kubernetes.io/hostname', matchPodLabels: { app: 'cache' } })
 */
export function addPodAffinity<O extends OutputDecls>(task: TaskHandle<O>, options: PodAffinityOptions): TaskHandle<O> {
  checkHelperArguments('addPodAffinity', task, options, { topologyKey: 'string', matchPodExpressions: 'checked?', matchPodLabels: 'strings?', namespaces: 'list?', matchNamespaceExpressions: 'checked?', matchNamespaceLabels: 'strings?', weight: 'checked?', anti: 'boolean?' });
  return task.withKubernetes({ kind: 'podAffinity', ...options });
}
