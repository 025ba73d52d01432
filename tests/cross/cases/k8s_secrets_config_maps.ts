/**
 * kfp-kubernetes secrets and config maps with constant names: as environment variables (several
 * keys, optional) and as volumes, on two tasks, calls chained on the returned handles.
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const reader = containerComponent({
  name: 'reader',
  implementation: () => ({ image: 'alpine:3.20', command: ['sh', '-c', 'env && ls /etc/creds /etc/settings'] }),
});

export default pipeline({ name: 'k8s-secrets-config-maps' }, (_p, s) => {
  let first = s.task(reader, {});
  first = kubernetes.useSecretAsEnv(first, { secretName: 'db-credentials', secretKeyToEnv: { username: 'DB_USER', password: 'DB_PASSWORD' } });
  first = kubernetes.useSecretAsEnv(first, { secretName: 'optional-token', secretKeyToEnv: { token: 'TOKEN' }, optional: true });
  first = kubernetes.useSecretAsVolume(first, { secretName: 'tls-certs', mountPath: '/etc/creds' });
  kubernetes.useConfigMapAsEnv(first, { configMapName: 'settings', configMapKeyToEnv: { region: 'REGION', zone: 'ZONE' } });

  const second = s.task(reader, {});
  kubernetes.useConfigMapAsVolume(
    kubernetes.useConfigMapAsVolume(second, { configMapName: 'settings', mountPath: '/etc/settings' }),
    { configMapName: 'extra-settings', mountPath: '/etc/extra', optional: true },
  );
});
