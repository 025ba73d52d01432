// corpus: kubernetes_platform_snapshot/create_mount_delete_existing_pvc.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  const pvc1 = s.task(kubernetes.CreatePVC, {
    pvc_name: 'static-pvc-name-cmdep',
    access_modes: ['ReadWriteOnce'],
    size: '5Gi',
    storage_class_name: 'standard',
  });
  const task1 = s.task(comp, {});
  kubernetes.mountPvc(task1, { pvcName: pvc1.outputs.name, mountPath: '/data' });
  s.task(kubernetes.DeletePVC, { pvc_name: pvc1.outputs.name }).after(task1);
});
