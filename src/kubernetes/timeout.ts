import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Limits how long the task's pod may run (its `activeDeadlineSeconds`; kfp-kubernetes
 * `set_timeout`). `0` removes a limit set earlier. kfp writes the int64 as a string (`'20'`).
 *
 * @example kubernetes.setTimeout(train, 3600)
 */
export function setTimeout<O extends OutputDecls>(task: TaskHandle<O>, seconds: number): TaskHandle<O> {
  checkHelperArguments('setTimeout', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'timeout', seconds });
}
