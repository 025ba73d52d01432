// corpus: valid/parallel_and_nested/nested_parallel_for_secret.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def emit_secret_name() -> str:
    """Emits the secret name dynamically."""
    return "test-secret-1"


def worker_component(item: str) -> str:
    return item
`;
const baseImage = 'python:3.11';
const emitSecretName = pythonComponent({ name: 'emit_secret_name', source: { code }, baseImage, outputs: { Output: z.string() } });
const workerComponent = pythonComponent({ name: 'worker_component', source: { code }, baseImage, inputs: { item: z.string() }, outputs: { Output: z.string() } });

export default pipeline(
  { name: 'pipeline-4-nested-parallel-for-secret', description: 'Pipeline with outer task output used as secret name inside ParallelFor.' },
  (_p, s) => {
    const secretNameTask = s.task(emitSecretName, {});
    s.parallelFor(
      ['x', 'y'],
      (item, s) => {
        const task = s.task(workerComponent, { item });
        kubernetes.useSecretAsEnv(task, { secretName: secretNameTask.outputs.Output, secretKeyToEnv: { username: 'MY_SECRET_KEY' } });
      },
      { parallelism: 1 },
    );
  },
);
