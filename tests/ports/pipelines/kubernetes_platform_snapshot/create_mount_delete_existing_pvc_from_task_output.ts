// corpus: kubernetes_platform_snapshot/create_mount_delete_existing_pvc_from_task_output.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

// Stand-ins for upstream's functions (same names and signatures; no docstrings there).
const code = `
def comp():
    print('comp')


def get_pvc_name() -> str:
    return 'a-pvc-name'
`;
const comp = pythonComponent({ name: 'comp', source: { code } });
const getPvcName = pythonComponent({ name: 'get_pvc_name', source: { code }, outputs: { Output: z.string() } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  const nameTask = s.task(getPvcName, {});
  const pvc1 = s.task(kubernetes.CreatePVC, {
    pvc_name: nameTask.outputs.Output,
    access_modes: ['ReadWriteOnce'],
    size: '5Gi',
    storage_class_name: 'standard',
  });
  const task1 = s.task(comp, {});
  kubernetes.mountPvc(task1, { pvcName: pvc1.outputs.name, mountPath: '/data' });
  s.task(kubernetes.DeletePVC, { pvc_name: nameTask.outputs.Output }).after(task1);
});
