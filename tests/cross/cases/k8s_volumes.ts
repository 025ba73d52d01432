/**
 * Generic ephemeral volumes (default StorageClass, a named one, the empty class, PVC labels and
 * annotations), emptyDir mounts (memory-backed with a size limit, plain, empty strings given),
 * and shared memory (no kfp-kubernetes helper: the twin sets the proto field).
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const trainer = containerComponent({
  name: 'trainer',
  implementation: () => ({ image: 'pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime', command: ['python', '-c', 'print(1)'] }),
});

export default pipeline({ name: 'k8s-volumes' }, (_p, s) => {
  let t = s.task(trainer, {});
  t = kubernetes.addEphemeralVolume(t, { volumeName: 'scratch', mountPath: '/scratch', accessModes: ['ReadWriteOnce'], size: '5Gi' });
  t = kubernetes.addEphemeralVolume(t, {
    volumeName: 'fast',
    mountPath: '/fast',
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    size: '20Gi',
    storageClassName: 'premium-rwo',
    labels: { app: 'trainer' },
    annotations: { 'backup.velero.io/backup-volumes': 'none' },
  });
  t = kubernetes.addEphemeralVolume(t, { volumeName: 'static', mountPath: '/static', accessModes: ['ReadOnlyMany'], size: '1Gi', storageClassName: '', annotations: { note: 'x' } });
  t = kubernetes.emptyDirMount(t, { volumeName: 'cache', mountPath: '/cache', medium: 'Memory', sizeLimit: '1Gi' });
  t = kubernetes.emptyDirMount(t, { volumeName: 'tmp', mountPath: '/tmp/work' });
  t = kubernetes.emptyDirMount(t, { volumeName: 'odd', mountPath: '/odd', medium: '', sizeLimit: '' });
  kubernetes.enableSharedMemory(t, { size: '2Gi' });

  const other = s.task(trainer, {});
  kubernetes.enableSharedMemory(other, { volumeName: 'shm', size: '' });
  kubernetes.enableSharedMemory(s.task(trainer, {}));
});
