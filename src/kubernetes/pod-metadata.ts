import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { mergeInto, type Json } from './common.ts';
import { checkHelperArguments } from './helper-arguments.ts';

function addEntry(current: Readonly<Json>, field: 'labels' | 'annotations', key: string, value: string): Json {
  const map = ((current.podMetadata as Json | undefined)?.[field] as Record<string, string> | undefined) ?? {};
  return mergeInto(current, 'podMetadata', { [field]: { ...map, [key]: value } });
}

/**
 * Adds a label to the task's pod (kfp-kubernetes `add_pod_label`).
 *
 * @example addPodLabel(task, { labelKey: 'team', labelValue: 'ml' })
 */
export function addPodLabel<O extends OutputDecls>(task: TaskHandle<O>, options: { readonly labelKey: string; readonly labelValue: string }): TaskHandle<O> {
  checkHelperArguments('addPodLabel', task, options, { labelKey: 'string', labelValue: 'string' });
  return task.withKubernetes((k) => addEntry(k, 'labels', options.labelKey, options.labelValue));
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
  return task.withKubernetes((k) => addEntry(k, 'annotations', options.annotationKey, options.annotationValue));
}
