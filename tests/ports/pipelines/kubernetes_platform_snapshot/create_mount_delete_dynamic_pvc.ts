// corpus: kubernetes_platform_snapshot/create_mount_delete_dynamic_pvc.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

// Stand-ins for upstream's functions (same names and signatures; no docstrings there).
const code = `
def producer() -> str:
    text = 'written to the PVC'
    print(text)
    return text


def consumer() -> str:
    text = 'read from the PVC'
    print(text)
    return text
`;
const producer = pythonComponent({ name: 'producer', source: { code }, outputs: { Output: z.string() } });
const consumer = pythonComponent({ name: 'consumer', source: { code }, outputs: { Output: z.string() } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  const pvc1 = s.task(kubernetes.CreatePVC, {
    pvc_name_suffix: '-my-pvc',
    access_modes: ['ReadWriteOnce'],
    size: '5Mi',
    storage_class_name: 'standard',
    data_source: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'my-snap' },
  });
  const task1 = s.task(producer, {});
  const task2 = s.task(consumer, {}).after(task1);
  kubernetes.mountPvc(task1, { pvcName: pvc1.outputs.name, mountPath: '/data' });
  kubernetes.mountPvc(task2, { pvcName: pvc1.outputs.name, mountPath: '/data' });
  s.task(kubernetes.DeletePVC, { pvc_name: pvc1.outputs.name }).after(task2);
});
