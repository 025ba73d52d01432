// corpus: valid/pvc_mount.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def producer() -> str:
    return 'hello'


def consumer() -> None:
    print('hello')
`;
const producer = pythonComponent({ name: 'producer', source: { code }, outputs: { Output: z.string() } });
const consumer = pythonComponent({ name: 'consumer', source: { code } });

export default pipeline({ name: 'pvc-mount-pipeline', inputs: { pvc_name: z.string() } }, (p, s) => {
  const prod = s.task(producer, {});
  const cons = s.task(consumer, {}).after(prod);
  kubernetes.mountPvc(prod, { pvcName: p.pvc_name, mountPath: '/data' });
  kubernetes.mountPvc(cons, { pvcName: p.pvc_name, mountPath: '/data' });
});
