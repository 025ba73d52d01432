// corpus: kubernetes_platform_snapshot/timeout.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.setTimeout(s.task(comp, {}), 20);
});
