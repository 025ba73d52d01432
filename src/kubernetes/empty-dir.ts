import type { OutputDecls } from '../dsl/io.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link emptyDirMount}. */
export interface EmptyDirMountOptions {
  readonly volumeName: string;
  readonly mountPath: string;
  /** `'Memory'` for a tmpfs, or `'HugePages'`; left out, the node's disk. */
  readonly medium?: string;
  /** e.g. `'1Gi'`. */
  readonly sizeLimit?: string;
}

/**
 * Mounts an emptyDir volume in the task's container (kfp-kubernetes `empty_dir_mount`).
 *
 * @example emptyDirMount(task, { volumeName: 'cache', mountPath: '/cache', medium: 'Memory', sizeLimit: '1Gi' })
 */
export function emptyDirMount<O extends OutputDecls>(task: TaskHandle<O>, options: EmptyDirMountOptions): TaskHandle<O> {
  checkHelperArguments('emptyDirMount', task, options, { volumeName: 'string', mountPath: 'string', medium: 'string?', sizeLimit: 'string?' });
  return task.withKubernetes({
    kind: 'emptyDirMount',
    volumeName: options.volumeName,
    mountPath: options.mountPath,
    ...(options.medium !== undefined ? { medium: options.medium } : {}),
    ...(options.sizeLimit !== undefined ? { sizeLimit: options.sizeLimit } : {}),
  });
}
