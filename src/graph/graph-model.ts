/**
 * A pipeline's DAG as the graph renderers draw it: tasks, groups that nest (conditions, loops, exit
 * handlers, branch sets, and nested pipelines), and edges between them. Built from the IR by
 * `buildGraph`; plain JSON, so the HTML page carries it as it is.
 */

/** One task run by an executor. */
export interface TaskNode {
  readonly kind: 'task';
  /** A short id, unique in the graph (`n3`), safe as a Mermaid and DOM id. */
  readonly id: string;
  /** The task's path from the root: group and task names joined by `/` (`condition-1/check-and-alert`). */
  readonly path: string;
  /** The task's display name (`taskInfo.name`), else its name. */
  readonly label: string;
  /** The component it runs, without kfp's `comp-` prefix. */
  readonly component: string;
  readonly executor: 'container' | 'importer' | 'resolver' | 'customJob' | 'unknown';
  readonly image?: string;
  /** `cachingOptions.enableCache` as written (absent: caching off). */
  readonly caching: boolean;
}

export type GroupKind = 'condition' | 'loop' | 'exit-handler' | 'branches' | 'pipeline';

/** A task whose component is a DAG: a control-flow group, or a nested pipeline (expandable in the page). */
export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly path: string;
  readonly groupKind: GroupKind;
  /** What the group does, e.g. `if slack_webhook != ''`, `for each item in [1, 2]`, the pipeline's name. */
  readonly label: string;
  readonly component: string;
  readonly children: readonly GraphItem[];
}

export type GraphItem = TaskNode | GroupNode;

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The outputs the edge carries (`metrics`, `Output, model`), empty for an ordering edge. */
  readonly label: string;
  /** data: outputs flow; order: `.after()`; exit: an exit task that runs after its handler. */
  readonly kind: 'data' | 'order' | 'exit';
}

export interface PipelineGraph {
  readonly name: string;
  readonly description?: string;
  readonly items: readonly GraphItem[];
  readonly edges: readonly GraphEdge[];
}

/** Every item, depth first, with groups before their children. */
export function* walkItems(items: readonly GraphItem[]): Generator<GraphItem> {
  for (const item of items) {
    yield item;
    if (item.kind === 'group') yield* walkItems(item.children);
  }
}
