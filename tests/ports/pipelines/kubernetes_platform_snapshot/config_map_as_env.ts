// corpus: kubernetes_platform_snapshot/config_map_as_env.yaml
import { kubernetes, pipeline, pythonComponent } from '../../../../src/index.ts';

// A stand-in for upstream's `comp` (same name and signature; no docstring there).
const comp = pythonComponent({ name: 'comp', source: { code: "def comp():\n    print('comp')\n" } });

export default pipeline({ name: 'my-pipeline' }, (_p, s) => {
  kubernetes.useConfigMapAsEnv(s.task(comp, {}), { configMapName: 'my-cm', configMapKeyToEnv: { foo: 'CONFIG_MAP_VAR' } });
});
