/**
 * ConfigMap names from pipeline parameters (as env, optional env, a volume, an optional volume) at
 * the root and inside a ParallelFor, beside a Secret volume named by the loop item, an image pull
 * policy and a field path as env; a PVC created with its size and storage class from parameters,
 * mounted with a sub-path inside the loop and deleted after it.
 */
import { containerComponent, kubernetes, pipeline, z } from '../../../src/index.ts';

const reader = containerComponent({
  name: 'reader',
  inputs: { path: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['cat', inputs.path] }),
});

export default pipeline(
  {
    name: 'k8s-config-map-parameters',
    inputs: {
      settings: z.string().default('settings'),
      extra: z.string().default('extra-settings'),
      secrets: z.array(z.string()).default(['a', 'b']),
      size: z.string().default('2Gi'),
    },
  },
  (p, s) => {
    let t = s.task(reader, { path: '/etc/settings/region' });
    t = kubernetes.useConfigMapAsEnv(t, { configMapName: p.settings, configMapKeyToEnv: { region: 'REGION' } });
    t = kubernetes.useConfigMapAsVolume(t, { configMapName: p.settings, mountPath: '/etc/settings' });
    t = kubernetes.useConfigMapAsVolume(t, { configMapName: p.extra, mountPath: '/etc/extra', optional: true });
    t = kubernetes.useConfigMapAsEnv(t, { configMapName: p.extra, configMapKeyToEnv: { debug: 'DEBUG' }, optional: true });
    kubernetes.setImagePullPolicy(t, 'Never');
    const pvc = s.task(kubernetes.CreatePVC, { pvc_name_suffix: '-cache', access_modes: ['ReadWriteMany'], size: p.size, storage_class_name: p.settings });
    const used = s.parallelFor(
      p.secrets,
      (secret, s) => {
        let u = s.task(reader, { path: '/etc/secret/token' });
        u = kubernetes.useSecretAsVolume(u, { secretName: secret, mountPath: '/etc/secret' });
        u = kubernetes.useConfigMapAsEnv(u, { configMapName: p.settings, configMapKeyToEnv: { zone: 'ZONE' } });
        u = kubernetes.useFieldPathAsEnv(u, { envName: 'NODE', fieldPath: 'spec.nodeName' });
        return kubernetes.mountPvc(u, { pvcName: pvc.outputs.name, mountPath: '/cache', subPath: 'shared' });
      },
      { parallelism: 1 },
    );
    s.task(kubernetes.DeletePVC, { pvc_name: pvc.outputs.name }).after(used);
  },
);
