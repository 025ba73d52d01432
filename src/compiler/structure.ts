import type { PipelineNode } from '../dsl/pipeline-node.ts';
import type { CollectedOutputs } from './collected.ts';
import type { DagNode, GroupNode, TaskNode } from '../dsl/task-node.ts';
import { k8sName } from '../dsl/k8s-name.ts';

/** The name kfp gives the root group (it is never written out). */
export const ROOT = '__root__';

export interface TaskEntry {
  readonly kind: 'task';
  readonly node: TaskNode;
  name: string;
  /** Names from the root to this task, both included. */
  chain: string[];
  readonly parent: GroupEntry | undefined;
  readonly isExitTask: boolean;
}

export interface GroupEntry {
  readonly kind: 'group';
  readonly node: GroupNode;
  readonly name: string;
  chain: string[];
  readonly parent: GroupEntry | undefined;
  readonly children: (TaskEntry | GroupEntry)[];
}

export interface Structure {
  /** The pipeline's name: the first segment of every diagnostic path. */
  readonly pipelineName: string;
  /** Every task, ordered by creation (kfp names tasks in that order). */
  readonly tasks: TaskEntry[];
  readonly tasksById: Map<string, TaskEntry>;
  /** Groups in pre-order, parents first (kfp's `get_all_groups`). */
  readonly groups: GroupEntry[];
  readonly rootChildren: (TaskEntry | GroupEntry)[];
  readonly byName: Map<string, TaskEntry | GroupEntry>;
  /** Where `collected(...)` outputs surface; filled by the compiler after names are assigned. */
  collected?: CollectedOutputs;
}

const GROUP_PREFIX: Record<GroupNode['kind'], string> = {
  conditionGroup: 'condition',
  conditionBranches: 'condition-branches',
  parallelFor: 'for-loop',
  exitHandler: 'exit-handler',
};

export function groupName(node: GroupNode): string {
  return `${GROUP_PREFIX[node.kind]}-${node.seq}`;
}

/** The keys of a map-like object as a set, without copying them (naming is per task: copying would be quadratic). */
export function keysOf(o: object): { has(n: string): boolean } {
  return { has: (n) => Object.hasOwn(o, n) };
}

/** `name`, else `name-2`, `name-3`, … — kfp's `make_name_unique_by_adding_index`. */
export function uniqueName(name: string, taken: { has(n: string): boolean }, from = 2): string {
  if (!taken.has(name)) return name;
  for (let i = from; ; i++) if (!taken.has(`${name}-${i}`)) return `${name}-${i}`;
}

export function buildStructure(pipeline: PipelineNode): Structure {
  const tasks: TaskEntry[] = [];
  const groups: GroupEntry[] = [];
  const byName = new Map<string, TaskEntry | GroupEntry>();

  const visit = (nodes: readonly DagNode[], parent: GroupEntry | undefined, chain: string[]): (TaskEntry | GroupEntry)[] =>
    nodes.flatMap((n): (TaskEntry | GroupEntry)[] => {
      if (n.kind === 'task') {
        const t: TaskEntry = { kind: 'task', node: n, name: '', chain: [], parent, isExitTask: false };
        tasks.push(t);
        return [t];
      }
      const name = groupName(n);
      const children: (TaskEntry | GroupEntry)[] = [];
      const g: GroupEntry = { kind: 'group', node: n, name, chain: [...chain, name], parent, children };
      groups.push(g);
      byName.set(name, g);
      if (n.kind === 'exitHandler') {
        // The exit task sits beside its handler in the enclosing DAG.
        const exit: TaskEntry = { kind: 'task', node: n.exitTask, name: '', chain: [], parent, isExitTask: true };
        tasks.push(exit);
        children.push(...visit(n.children, g, g.chain));
        return [g, exit];
      }
      children.push(...visit(n.children, g, g.chain));
      return [g];
    });

  const rootChildren = visit(pipeline.children, undefined, [ROOT]);

  // Task names: the component name made k8s-safe, unique by `-2`, `-3`, … in creation order.
  tasks.sort((a, b) => a.node.seq - b.node.seq);
  const taken = new Set<string>();
  // Where each base name's search for a free suffix resumes: names are only ever added, so every
  // index below the last one given is still taken (same names as kfp, without its quadratic scan).
  const nextIndex = new Map<string, number>();
  for (const t of tasks) {
    const k8s = k8sName(t.node.component.name);
    const base = k8s === '' ? 'task' : k8s;
    t.name = uniqueName(base, taken, nextIndex.get(base) ?? 2);
    const suffix = /-(\d+)$/.exec(t.name.slice(base.length));
    if (suffix) nextIndex.set(base, Number(suffix[1]) + 1);
    taken.add(t.name);
    byName.set(t.name, t);
  }
  const setChains = (entries: (TaskEntry | GroupEntry)[], chain: string[]) => {
    for (const e of entries) {
      if (e.kind === 'task') e.chain = [...chain, e.name];
      else {
        e.chain = [...chain, e.name];
        setChains(e.children, e.chain);
      }
    }
  };
  setChains(rootChildren, [ROOT]);
  return { pipelineName: pipeline.name, tasks, tasksById: new Map(tasks.map((t) => [t.node.id, t])), groups, rootChildren, byName };
}

/** A diagnostic path at a task or group: the pipeline's name, the task's, then `rest`. */
export function pathAt(s: Structure, entry: { readonly name: string }, ...rest: string[]): string[] {
  return [s.pipelineName, entry.name, ...rest];
}

/** kfp's `_get_uncommon_ancestors`: the two chains past their common prefix. */
export function uncommonAncestors(a: readonly string[], b: readonly string[]): [string[], string[]] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [a.slice(i), b.slice(i)];
}
