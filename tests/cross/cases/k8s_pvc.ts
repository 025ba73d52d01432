/**
 * CreatePVC and DeletePVC (kfp-kubernetes' stub-image container components) with every
 * CreatePVC input, and PVC mounts with constant names (sub path, several mounts on one task).
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const worker = containerComponent({
  name: 'worker',
  implementation: () => ({ image: 'alpine:3.20', command: ['sh', '-c', 'ls /data /models'] }),
});

export default pipeline({ name: 'k8s-pvc' }, (_p, s) => {
  const created = s.task(kubernetes.CreatePVC, {
    pvc_name_suffix: '-scratch',
    access_modes: ['ReadWriteOnce'],
    size: '5Gi',
    storage_class_name: 'standard',
    annotations: { 'team': 'ml' },
  });
  s.task(kubernetes.CreatePVC, {
    pvc_name: 'restored',
    access_modes: ['ReadWriteMany', 'ReadOnlyMany'],
    size: '1Gi',
    volume_name: 'pv-restored',
    data_source: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' },
  });
  let work = s.task(worker, {});
  work = kubernetes.mountPvc(work, { pvcName: 'shared-data', mountPath: '/data' });
  work = kubernetes.mountPvc(work, { pvcName: 'models', mountPath: '/models', subPath: 'v2' });
  s.task(kubernetes.DeletePVC, { pvc_name: created.outputs.name }).after(work);
});
