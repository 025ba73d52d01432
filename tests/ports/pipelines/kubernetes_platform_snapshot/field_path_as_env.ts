// corpus: kubernetes_platform_snapshot/field_path_as_env.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.useFieldPathAsEnv(s.task(comp, {}), { envName: 'KFP_RUN_NAME', fieldPath: "metadata.annotations['pipelines.kubeflow.org/run_name']" });
});
