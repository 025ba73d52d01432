import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Adds a label to the task's pod (kfp-kubernetes `add_pod_label`).
 *
 * @example addPodLabel(task, { labelKey: 'team', labelValue: 'ml' })
 */
export function addPodLabel<O extends OutputDecls>(task: TaskHandle<O>, options: { readonly labelKey: string; readonly labelValue: string }): TaskHandle<O> {
  checkHelperArguments('addPodLabel', task, options, { labelKey: 'string', labelValue: 'string' });
  return task.withKubernetes({ kind: 'podLabel', key: options.labelKey, value: options.labelValue });
}

/**
 * Adds an annotation to the task's pod (kfp-kubernetes `add_pod_annotation`).
 *
 * @example addPodAnnotation(task, { annotationKey: 'sidecar.istio.io/inject', annotationValue: 'false' })
 */
export function addPodAnnotation<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly annotationKey: string; readonly annotationValue: string },
): TaskHandle<O> {
  checkHelperArguments('addPodAnnotation', task, options, { annotationKey: 'string', annotationValue: 'string' });
  return task.withKubernetes({ kind: 'podAnnotation', key: options.annotationKey, value: options.annotationValue });
}
