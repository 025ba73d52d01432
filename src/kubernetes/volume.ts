import type { OutputDecls } from '../dsl/io.ts';
import type { ParameterOr } from '../dsl/kubernetes-settings.ts';
import type { TaskHandle } from '../dsl/task-handle.ts';
import { checkHelperArguments } from './helper-arguments.ts';

/** Options of {@link mountPvc}. */
export interface MountPvcOptions {
  /** The PVC's name: a constant, a pipeline parameter, or a task output such as `CreatePVC`'s `name`. */
  readonly pvcName: ParameterOr<string>;
  /** Where the volume appears in the container. */
  readonly mountPath: string;
  /** A path inside the volume to mount instead of its root. */
  readonly subPath?: string;
}

/**
 * Mounts a PersistentVolumeClaim in the task's container (kfp-kubernetes `mount_pvc`). A task
 * output as the name makes the task run after its producer.
 *
 * @example mountPvc(train, { pvcName: pvc.outputs.name, mountPath: '/data' })
 */
export function mountPvc<O extends OutputDecls>(task: TaskHandle<O>, options: MountPvcOptions): TaskHandle<O> {
  checkHelperArguments('mountPvc', task, options, { pvcName: 'parameter', mountPath: 'string', subPath: 'string?' });
  return task.withKubernetes({
    kind: 'pvcMount',
    pvcName: options.pvcName,
    mountPath: options.mountPath,
    ...(options.subPath !== undefined ? { subPath: options.subPath } : {}),
  });
}

/** Options of {@link addEphemeralVolume}. */
export interface EphemeralVolumeOptions {
  /** The pod volume's name (`Pod.spec.volumes[*].name`). */
  readonly volumeName: string;
  readonly mountPath: string;
  /** e.g. `['ReadWriteOnce']`. */
  readonly accessModes: readonly string[];
  /** Storage requested, e.g. `'5Gi'`. */
  readonly size: string;
  /** Left out, the cluster's default StorageClass provisions the volume. */
  readonly storageClassName?: string;
  /** Labels of the PVC the volume claim template creates. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * Adds a generic ephemeral volume: a PVC created with the pod and deleted with it
 * (kfp-kubernetes `add_ephemeral_volume`).
 *
 * @example addEphemeralVolume(task, { volumeName: 'scratch', mountPath: '/scratch', accessModes: ['ReadWriteOnce'], size: '5Gi' })
 */
export function addEphemeralVolume<O extends OutputDecls>(task: TaskHandle<O>, options: EphemeralVolumeOptions): TaskHandle<O> {
  checkHelperArguments('addEphemeralVolume', task, options, { volumeName: 'string', mountPath: 'string', accessModes: 'list', size: 'string', storageClassName: 'string?', labels: 'strings?', annotations: 'strings?' });
  return task.withKubernetes({
    kind: 'ephemeralVolume',
    volumeName: options.volumeName,
    mountPath: options.mountPath,
    accessModes: [...options.accessModes],
    size: options.size,
    ...(options.storageClassName !== undefined ? { storageClassName: options.storageClassName } : {}),
    labels: { ...options.labels },
    annotations: { ...options.annotations },
  });
}
