import { k8sName } from '../dsl/k8s-name.ts';
import type { DagNode, GroupNode, PipelineNode } from '../dsl/nodes.ts';
import { surfaceCollected } from './collected.ts';
import { ROOT, type DagEntry, type GroupEntry, type Naming, type PassContext, type Structure, type TaskEntry } from './context.ts';
import { uniqueName } from './unique-name.ts';

const GROUP_PREFIX: Record<GroupNode['kind'], string> = {
  conditionGroup: 'condition',
  conditionBranches: 'condition-branches',
  parallelFor: 'for-loop',
  exitHandler: 'exit-handler',
};

export function groupName(node: GroupNode): string {
  return `${GROUP_PREFIX[node.kind]}-${node.seq}`;
}


interface DraftTask {
  readonly node: Extract<DagNode, { kind: 'task' }>;
  readonly parent: DraftGroup | undefined;
  readonly isExitTask: boolean;
  name: string;
}
interface DraftGroup {
  readonly node: GroupNode;
  readonly name: string;
  readonly parent: DraftGroup | undefined;
  readonly children: (DraftTask | DraftGroup)[];
}

/**
 * The structure and names of a pipeline: tasks named by their component name made k8s-safe,
 * unique by `-2`, `-3`, … in creation order (kfp's order), groups by kfp's counter. Built as
 * drafts, then published as frozen entries.
 */
export function buildStructure(pipeline: PipelineNode): Structure {
  const drafts: DraftTask[] = [];
  const visit = (nodes: readonly DagNode[], parent: DraftGroup | undefined): (DraftTask | DraftGroup)[] =>
    nodes.flatMap((n): (DraftTask | DraftGroup)[] => {
      if (n.kind === 'task') {
        const t: DraftTask = { node: n, parent, isExitTask: false, name: '' };
        drafts.push(t);
        return [t];
      }
      const g: DraftGroup = { node: n, name: groupName(n), parent, children: [] };
      if (n.kind === 'exitHandler') {
        // The exit task sits beside its handler in the enclosing DAG.
        const exit: DraftTask = { node: n.exitTask, parent, isExitTask: true, name: '' };
        drafts.push(exit);
        g.children.push(...visit(n.children, g));
        return [g, exit];
      }
      g.children.push(...visit(n.children, g));
      return [g];
    });
  const rootDrafts = visit(pipeline.children, undefined);

  drafts.sort((a, b) => a.node.seq - b.node.seq);
  const taken = new Set<string>();
  // Where each base name's search for a free suffix resumes: names are only ever added, so every
  // index below the last one given is still taken (same names as kfp, without its quadratic scan).
  const nextIndex = new Map<string, number>();
  for (const t of drafts) {
    const k8s = k8sName(t.node.component.name);
    const base = k8s === '' ? 'task' : k8s;
    // nextIndex only says where the scan may resume; uniqueName still checks `taken`, so a
    // lower start (2, or no counter update) gives the same name, only slower.
    // Stryker disable next-line LogicalOperator: any start <= the counter yields the same name
    t.name = uniqueName(base, taken, nextIndex.get(base) ?? 2);
    // Stryker disable next-line Regex: a missed or smaller counter only makes the scan start lower (same name)
    const suffix = /-(\d+)$/.exec(t.name.slice(base.length));
    if (suffix) nextIndex.set(base, Number(suffix[1]) + 1);
    taken.add(t.name);
  }

  const tasks = new Map<DraftTask, TaskEntry>();
  const groups: GroupEntry[] = [];
  const byName = new Map<string, DagEntry>();
  const publish = (items: readonly (DraftTask | DraftGroup)[], parent: GroupEntry | undefined, chain: readonly string[]): DagEntry[] =>
    items.map((d): DagEntry => {
      if ('isExitTask' in d) {
        const t: TaskEntry = Object.freeze({ kind: 'task', node: d.node, name: d.name, chain: Object.freeze([...chain, d.name]), parent, isExitTask: d.isExitTask });
        tasks.set(d, t);
        return t;
      }
      const own = Object.freeze([...chain, d.name]);
      const children: DagEntry[] = [];
      const g: GroupEntry = Object.freeze({ kind: 'group', node: d.node, name: d.name, chain: own, parent, children: children as readonly DagEntry[] });
      groups.push(g);
      byName.set(g.name, g);
      children.push(...publish(d.children, g, own));
      Object.freeze(children);
      return g;
    });
  // Groups come out in pre-order, parents first (kfp's `get_all_groups`); tasks in creation order.
  const rootChildren = Object.freeze(publish(rootDrafts, undefined, [ROOT]));
  const ordered = drafts.map((d) => tasks.get(d)!);
  for (const t of ordered) byName.set(t.name, t);
  return { pipelineName: pipeline.name, tasks: Object.freeze(ordered), tasksById: new Map(ordered.map((t) => [t.node.id, t])), groups: Object.freeze(groups), rootChildren, byName };
}

/**
 * The naming stage: the structure and names, then where every collected()/oneOf() output
 * surfaces (whose keys are channel names other passes read). Nothing reads a name before this
 * returns, and nothing changes one after.
 */
export function buildNaming(ctx: PassContext): Naming {
  const structure = buildStructure(ctx.pipeline);
  return Object.freeze({ ...structure, collected: surfaceCollected(ctx, structure) });
}
