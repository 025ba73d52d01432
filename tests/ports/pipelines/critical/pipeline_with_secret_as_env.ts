// corpus: valid/critical/pipeline_with_secret_as_env.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def comp():
    import os
    print(os.getenv("USER_NAME"))


def generate_secret_name(some_output: OutputPath(str)):
    with open(some_output, 'w') as f:
        f.write('stand-in')
`;
const comp = pythonComponent({ name: 'comp', source: { code } });
// kfp names the output `some_output` (no `_path` suffix to strip).
const generateSecretName = pythonComponent({ name: 'generate_secret_name', source: { code }, outputs: { some_output: z.string() } });

export default pipeline({ name: 'pipeline-secret-env', inputs: { secret_parm: z.string().default('test-secret-1') } }, (p, s) => {
  let task = s.task(comp, {});
  task = kubernetes.useSecretAsEnv(task, { secretName: p.secret_parm, secretKeyToEnv: { username: 'USER_NAME' } });
  task = kubernetes.useSecretAsEnv(task, { secretName: 'test-secret-2', secretKeyToEnv: { password: 'PASSWORD_VAR1' } });
  const task2 = s.task(generateSecretName, {});
  kubernetes.useSecretAsEnv(task, { secretName: task2.outputs.some_output, secretKeyToEnv: { password: 'PASSWORD_VAR2' } });
});
