import type { OutputDecls } from '../src/dsl/io.ts';
import type { TaskHandle } from '../src/dsl/task-handle.ts';
import { useSecretAsEnv } from '../src/kubernetes/index.ts';

/**
 * MLflow's artifact store is MinIO: its credentials come from the Kubernetes secret
 * `minio-credentials` as environment variables, so no credential is ever in the YAML.
 */
export function withMinioCredentials<O extends OutputDecls>(task: TaskHandle<O>): TaskHandle<O> {
  return useSecretAsEnv(task, {
    secretName: 'minio-credentials',
    secretKeyToEnv: { 'access-key': 'AWS_ACCESS_KEY_ID', 'secret-key': 'AWS_SECRET_ACCESS_KEY' },
  }).withEnv({ MLFLOW_S3_ENDPOINT_URL: 'http://minio.kubeflow.svc:9000' });
}
