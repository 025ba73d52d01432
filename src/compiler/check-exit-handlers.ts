import { diagnostic } from '../diagnostics.ts';
import type { GroupNode } from '../dsl/nodes.ts';
import { pathAt, type GroupEntry, type NamedContext } from './context.ts';

const GROUP_WORD: Record<GroupNode['kind'], string> = {
  conditionGroup: 'condition',
  conditionBranches: 'condition chain',
  parallelFor: 'loop',
  exitHandler: 'exit handler',
};

/** `exit-handler-2`, or `exit-handler-2 ('guarded')` when the group has a display name. */
function describe(g: GroupEntry): string {
  const shown = 'displayName' in g.node ? g.node.displayName : undefined;
  return `'${g.name}'${shown ? ` ('${shown}')` : ''}`;
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
    const parent = g.parent;
    if (g.node.kind !== 'exitHandler' || !parent) continue;
    const exitTask = naming.tasksById.get(g.node.exitTask.id)!.name;
    const handler = `exit handler ${describe(g)} (exit task '${exitTask}')`;
    const where = GROUP_WORD[parent.node.kind];
    const message =
      parent.node.kind === 'conditionBranches'
        ? `${handler} comes after an if()/elif() chain with no else(), which keeps the chain's group ${describe(parent)} open, so the handler lands inside it; ` +
          'kfp allows an exit handler only at the top level of a pipeline body. Create the exit task and call exitHandler() before the chain, or end the chain with else()'
        : `${handler} is inside the ${where} ${describe(parent)}; kfp allows an exit handler only at the top level of a pipeline body. ` +
          `Create the exit task and call exitHandler() at the top level of the pipeline body, or put the handler and its tasks in a pipeline of their own and run that pipeline as a task inside the ${where}`;
    report(diagnostic('graph/nested-exit-handler', pathAt(naming, g), message));
  }
}
