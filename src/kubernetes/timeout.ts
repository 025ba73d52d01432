import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { argumentError, int64, isWholeNumber } from './common.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Limits how long the task's pod may run (its `activeDeadlineSeconds`; kfp-kubernetes
 * `set_timeout`). `0` removes a limit set earlier. kfp writes the int64 as a string (`'20'`).
 *
 * @example kubernetes.setTimeout(train, 3600)
 */
export function setTimeout<O extends OutputDecls>(task: TaskHandle<O>, seconds: number): TaskHandle<O> {
  checkHelperArguments('setTimeout', task, undefined, {}, true);
  if (!isWholeNumber(seconds))
    throw argumentError('setTimeout/seconds', `seconds must be a whole number greater than or equal to 0, got ${seconds}`);
  return task.withKubernetes((k) => {
    const { activeDeadlineSeconds: _previous, ...rest } = k;
    return seconds === 0 ? rest : { ...rest, activeDeadlineSeconds: int64(seconds) };
  });
}
