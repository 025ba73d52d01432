// corpus: valid/critical/pipeline_with_env.yaml — kfp loads print_env_2_op from YAML text with
// `env:` in its container spec; containerComponent has no env, so the port puts the component's
// ENV1=val0 in the task's env (the executor's env list comes out the same).
import { containerComponent, pipeline, pythonComponent } from '../../../../src/index.ts';

const printEnvOp = pythonComponent({ name: 'print_env_op', source: { code: "def print_env_op():\n    import os\n    print(os.environ.get('ENV1'))\n" } });

const printEnv = containerComponent({
  name: 'print_env',
  implementation: () => ({ image: 'alpine', command: ['sh', '-c', 'set -e -x\necho "$ENV1"\necho "$ENV2"\necho "$ENV3"\n'] }),
});

export default pipeline({ name: 'pipeline-with-env' }, (_p, s) => {
  s.task(printEnvOp, {}).withEnv({ ENV1: 'val1' });
  s.task(printEnv, {}).withEnv({ ENV1: 'val0', ENV2: 'val2', ENV3: 'val3' });
});
