import { diagnostic } from '../diagnostics.ts';
import type { GroupNode } from '../dsl/nodes.ts';
import { pathAt, type GroupEntry, type NamedContext } from './context.ts';

const TOP_LEVEL_ONLY = 'kfp allows an exit handler only at the top level of a pipeline body';

/** What the user wrote to make each group an exit handler can be put in by mistake. */
const GROUP_WORD: Record<Exclude<GroupNode['kind'], 'conditionBranches'>, string> = {
  conditionGroup: 'condition',
  parallelFor: 'loop',
  exitHandler: 'exit handler',
};

/** `'exit-handler-2'`, or `'exit-handler-2' ('guarded')` when the group has a display name. */
function describe(g: GroupEntry): string {
  const shown = 'displayName' in g.node ? g.node.displayName : undefined;
  return `'${g.name}'${shown ? ` ('${shown}')` : ''}`;
}

/** What is wrong with `handler` inside `outer`, and how to fix it. */
function misplaced(handler: string, outer: GroupEntry): string {
  const kind = outer.node.kind;
  if (kind === 'conditionBranches')
    return (
      `${handler} comes after an if()/elif() chain with no else(), which keeps the chain's group ${describe(outer)} open, so the handler lands inside it; ${TOP_LEVEL_ONLY}. ` +
      'Create the exit task and call exitHandler() before the chain, or end the chain with else()'
    );
  const word = GROUP_WORD[kind];
  return (
    `${handler} is inside the ${word} ${describe(outer)}; ${TOP_LEVEL_ONLY}. Create the exit task and call exitHandler() at the top level of the pipeline body, ` +
    `or put the handler and its tasks in a pipeline of their own and run that pipeline as a task inside the ${word}`
  );
}

/**
 * kfp 2.17.3 builds exit handlers only in a pipeline's root DAG: one inside a condition, a loop
 * or another exit handler fails its compile ("ExitHandler can only be used within the outermost
 * scope of a pipeline function definition"), and one inside the `condition-branches` group an
 * If/Elif chain without an Else leaves open fails with a KeyError. A pipeline run as a task has a
 * root of its own, so a handler at its top level is fine wherever that task sits.
 */
export function checkExitHandlers(ctx: NamedContext): void {
  const { naming, report } = ctx;
  for (const g of naming.groups) {
    if (g.node.kind !== 'exitHandler' || !g.parent) continue;
    const exitTask = naming.tasksById.get(g.node.exitTask.id)!.name;
    report(diagnostic('graph/nested-exit-handler', pathAt(naming, g), misplaced(`exit handler ${describe(g)} (exit task '${exitTask}')`, g.parent)));
  }
}
