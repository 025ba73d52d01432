import { isChannel } from '../dsl/channels.ts';
import { diagnostic } from '../diagnostics.ts';
import type { InputParameterSpec, TriggerPolicy } from '../ir/index.ts';
import { pathAt, type NamedContext, type TaskEntry } from './context.ts';

/** What a task's trigger adds to its spec: the policy, and the inputs that report the upstream task's final status. */
export interface TriggerFragment {
  readonly triggerPolicy?: TriggerPolicy;
  readonly finalStatusInputs?: Readonly<Record<string, InputParameterSpec>>;
}

/**
 * Exit tasks and `.ignoreUpstreamFailure()` tasks run once their upstream tasks finished, however
 * they ended; a `PipelineTaskFinalStatus` input then reports on the one upstream task (the exit
 * handler's group, or the single dependency). kfp refuses the input anywhere else, an ambiguous
 * upstream, and upstream outputs feeding required inputs (a failed task leaves them unset).
 */
export function lowerTrigger(ctx: NamedContext, t: TaskEntry, deps: readonly string[], exitHandlerName: string | undefined): TriggerFragment {
  const node = t.node;
  const path = pathAt(ctx.naming, t);
  const finalStatus = Object.entries(node.component.interface.inputs)
    .filter(([, io]) => io.kind === 'parameter' && io.parameterType === 'TASK_FINAL_STATUS')
    .map(([name]) => name);
  const ignoring = node.config.ignoreUpstreamFailure === true;
  if (!exitHandlerName && !ignoring) {
    for (const name of finalStatus)
      ctx.report(diagnostic('task/final-status-outside-exit', [...path, 'inputs', name], `'${name}' is a PipelineTaskFinalStatus, which only an exit task or a task with .ignoreUpstreamFailure() receives; use the task as an exit handler's exit task`));
    return {};
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: it differs only for an exit task, whose task-output arguments are refused (graph/exit-task-dependency) before lowering
  if (ignoring && !exitHandlerName) {
    for (const [name, arg] of Object.entries(node.args)) {
      const spec = node.component.interface.inputs[name];
      if (isChannel(arg) && arg.source.kind === 'taskOutput' && spec && spec.kind !== 'invalid' && !spec.optional)
        ctx.report(diagnostic('task/ignore-upstream-required-input', [...path, 'inputs', name], `.ignoreUpstreamFailure() needs every input fed by an upstream task to have a default (the upstream task may fail before producing it); give '${name}' a default`));
    }
  }
  const triggerPolicy: TriggerPolicy = { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' };
  if (!finalStatus.length) return { triggerPolicy };
  if (!exitHandlerName && deps.length !== 1) {
    ctx.report(diagnostic('task/final-status-upstream', path, `a task with .ignoreUpstreamFailure() and a PipelineTaskFinalStatus input needs exactly one upstream task in its own scope; it has ${deps.length}${deps.length ? ` (${deps.join(', ')})` : ''}`));
    // Stryker disable next-line ObjectLiteral: after the diagnostic the compile returns no spec, so this fragment is never written
    return { triggerPolicy };
  }
  const producerTask = exitHandlerName ?? deps[0]!;
  return { triggerPolicy, finalStatusInputs: Object.fromEntries(finalStatus.map((name) => [name, { taskFinalStatus: { producerTask } }])) };
}
