import type { OutputDecls } from '../dsl/io.ts';
import type { JsonObjectArg, ParameterOr } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Adds a `nodeSelector` label constraint to the task's pod (kfp-kubernetes `add_node_selector`).
 *
 * @example addNodeSelector(train, { labelKey: 'cloud.google.com/gke-accelerator', labelValue: 'nvidia-tesla-t4' })
 */
export function addNodeSelector<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly labelKey: string; readonly labelValue: string },
): TaskHandle<O> {
  checkHelperArguments('addNodeSelector', task, options, { labelKey: 'string', labelValue: 'string' });
  return task.withKubernetes({ kind: 'nodeSelector', labelKey: options.labelKey, labelValue: options.labelValue });
}

/**
 * Sets the whole node selector from a JSON object or a STRUCT pipeline parameter
 * (kfp-kubernetes `add_node_selector_json`); the backend prefers it to single labels. A later call
 * replaces an earlier one.
 *
 * @example addNodeSelectorJson(train, p.node_selector)
 */
export function addNodeSelectorJson<O extends OutputDecls>(task: TaskHandle<O>, nodeSelectorJson: ParameterOr<JsonObjectArg>): TaskHandle<O> {
  checkHelperArguments('addNodeSelectorJson', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'nodeSelectorJson', nodeSelectorJson });
}
