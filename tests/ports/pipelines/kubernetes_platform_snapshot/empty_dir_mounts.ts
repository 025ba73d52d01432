// corpus: kubernetes_platform_snapshot/empty_dir_mounts.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.emptyDirMount(s.task(comp, {}), { volumeName: 'emptydir-vol-1', mountPath: '/mnt/my_vol_1', medium: 'Memory', sizeLimit: '1Gi' });
});
