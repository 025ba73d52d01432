import type { ParameterChannel } from '../dsl/channels.ts';
import type { OutputDecls } from '../dsl/io.ts';
import type { JsonObjectArg, Toleration } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

export type { Toleration } from '../dsl/kubernetes-settings.ts';

/**
 * Adds a toleration to the task's pod (kfp-kubernetes `add_toleration`).
 *
 * @example addToleration(train, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' })
 */
export function addToleration<O extends OutputDecls>(task: TaskHandle<O>, toleration: Toleration = {}): TaskHandle<O> {
  checkHelperArguments('addToleration', task, toleration, { key: 'string?', operator: 'checked?', value: 'string?', effect: 'checked?', tolerationSeconds: 'checked?' }, true);
  return task.withKubernetes({ kind: 'toleration', toleration: { ...toleration } });
}

/**
 * Adds tolerations given as JSON (kfp-kubernetes `add_toleration_json`): one toleration or a
 * list, as constants (the same as {@link addToleration} for each), or a STRUCT or LIST pipeline
 * parameter read by the backend at run time.
 *
 * @example addTolerationJson(train, p.tolerations)
 */
export function addTolerationJson<O extends OutputDecls>(
  task: TaskHandle<O>,
  tolerationJson: Toleration | readonly Toleration[] | ParameterChannel<JsonObjectArg> | ParameterChannel<readonly JsonObjectArg[]>,
): TaskHandle<O> {
  checkHelperArguments('addTolerationJson', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'tolerationJson', tolerationJson });
}
