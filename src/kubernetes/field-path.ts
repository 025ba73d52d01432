import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Sets an environment variable from a pod field (the downward API; kfp-kubernetes
 * `use_field_path_as_env`).
 *
 * @example useFieldPathAsEnv(task, { envName: 'KFP_RUN_NAME', fieldPath: "metadata.annotations['pipelines.kubeflow.org/run_name']" })
 */
export function useFieldPathAsEnv<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly envName: string; readonly fieldPath: string },
): TaskHandle<O> {
  checkHelperArguments('useFieldPathAsEnv', task, options, { envName: 'string', fieldPath: 'string' });
  return task.withKubernetes({ kind: 'fieldPathAsEnv', envName: options.envName, fieldPath: options.fieldPath });
}
