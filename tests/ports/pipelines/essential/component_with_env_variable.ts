// corpus: valid/essential/component_with_env_variable.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const readEnvVar = pythonComponent({
  name: 'read_env_var',
  source: { code: "def read_env_var(var_name: str) -> str:\n    import os\n    return os.getenv(var_name) or 'UNSET'\n" },
  inputs: { var_name: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline(
  { name: 'pipeline-with-env-variable', inputs: { var_name: z.string().default('KFP_TEST_ENV_VAR') }, outputs: { Output: z.string() } },
  (p, s) => {
    const t = s.task(readEnvVar, { var_name: p.var_name }).withEnv({ KFP_TEST_ENV_VAR: 'env_var_value' });
    return { Output: t.outputs.Output };
  },
);
