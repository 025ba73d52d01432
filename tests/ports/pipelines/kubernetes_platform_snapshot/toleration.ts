// corpus: kubernetes_platform_snapshot/toleration.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.addToleration(s.task(comp, {}), { key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoExecute', tolerationSeconds: 10 });
});
