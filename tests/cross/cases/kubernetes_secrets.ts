/**
 * kfp-kubernetes secrets: several secrets as env vars on one task (beside a plain env var),
 * optional secrets, secrets as volumes, secret names from a pipeline parameter and a task output.
 */
import { kubernetes, pipeline, z } from '../../../src/index.ts';
import { notify, pickImage } from '../fixtures/work-components.ts';

export default pipeline(
  {
    name: 'kubernetes-secrets',
    description: 'Secrets as env vars and as volumes',
    inputs: { secret: z.string().default('runtime-secret'), channel: z.string().default('#ml') },
  },
  (p, s) => {
    let a = s.task(notify, { message: 'env from two secrets', channel: p.channel });
    a = kubernetes.useSecretAsEnv(a, { secretName: 'db-credentials', secretKeyToEnv: { user: 'DB_USER', password: 'DB_PASSWORD' } });
    a = kubernetes.useSecretAsEnv(a, { secretName: 'api-token', secretKeyToEnv: { token: 'API_TOKEN' }, optional: true });
    a.withEnv({ PLAIN: 'value' });

    let b = s.task(notify, { message: 'volume' });
    b = kubernetes.useSecretAsVolume(b, { secretName: 'tls-cert', mountPath: '/etc/tls' });
    b = kubernetes.useSecretAsVolume(b, { secretName: 'extra-cert', mountPath: '/etc/extra', optional: true });
    kubernetes.useSecretAsEnv(b, { secretName: 'db-credentials', secretKeyToEnv: { user: 'DB_USER' } });

    const c = s.task(notify, { message: 'name from a parameter' });
    kubernetes.useSecretAsEnv(c, { secretName: p.secret, secretKeyToEnv: { key: 'SECRET_KEY' } });
    const flavour = s.task(pickImage, { flavour: 'slim' });
    const d = s.task(notify, { message: 'name from a task output' });
    kubernetes.useSecretAsVolume(d, { secretName: flavour.outputs.Output, mountPath: '/mnt/secret' });
  },
);
