import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/**
 * Gives the task's container a memory-backed `/dev/shm` (the KubernetesExecutorConfig
 * `enabledSharedMemory` field, which kfp-kubernetes 2.17 has no Python helper for): an emptyDir
 * with medium Memory mounted at `/dev/shm`. Left out, the backend names the volume `dshm` and sets
 * no size limit.
 *
 * @example enableSharedMemory(train, { size: '2Gi' })
 */
export function enableSharedMemory<O extends OutputDecls>(
  task: TaskHandle<O>,
  options: { readonly volumeName?: string; readonly size?: string } = {},
): TaskHandle<O> {
  checkHelperArguments('enableSharedMemory', task, options, { volumeName: 'string?', size: 'string?' }, true);
  return task.withKubernetes({
    kind: 'sharedMemory',
    ...(options.volumeName !== undefined ? { volumeName: options.volumeName } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
  });
}
