// corpus: kubernetes_platform_snapshot/secret_as_vol.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.useSecretAsVolume(s.task(comp, {}), { secretName: 'my-secret', mountPath: '/mnt/my_vol' });
});
