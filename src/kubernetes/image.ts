import type { OutputDecls } from '../dsl/io.ts';
import type { ParameterOr } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Adds image pull secrets to the task's pod (kfp-kubernetes `set_image_pull_secrets`); each name
 * may be a pipeline parameter.
 *
 * @example setImagePullSecrets(task, ['registry-credentials'])
 */
export function setImagePullSecrets<O extends OutputDecls>(task: TaskHandle<O>, secretNames: readonly ParameterOr<string>[]): TaskHandle<O> {
  checkHelperArguments('setImagePullSecrets', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'imagePullSecrets', secretNames: [...secretNames] });
}

/** Kubernetes' image pull policies. */
export type ImagePullPolicy = 'Always' | 'Never' | 'IfNotPresent';

/**
 * Sets the container's image pull policy (kfp-kubernetes `set_image_pull_policy`).
 *
 * @example setImagePullPolicy(task, 'Always')
 */
export function setImagePullPolicy<O extends OutputDecls>(task: TaskHandle<O>, policy: ImagePullPolicy): TaskHandle<O> {
  checkHelperArguments('setImagePullPolicy', task, undefined, {}, true);
  return task.withKubernetes({ kind: 'imagePullPolicy', policy });
}
