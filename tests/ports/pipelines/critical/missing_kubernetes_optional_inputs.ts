// corpus: valid/critical/missing_kubernetes_optional_inputs.yaml
import { kubernetes, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const logMessage = pythonComponent({ name: 'log_message', source: { code: 'def log_message(message: str) -> None:\n    print(message)\n' }, inputs: { message: z.string() } });

export default pipeline(
  {
    name: 'missing-kubernetes-optional-inputs-pipeline',
    inputs: {
      optional_affinity: z.record(z.string(), z.unknown()).optional(),
      optional_selector: z.record(z.string(), z.unknown()).optional(),
      optional_secret_name: z.string().optional(),
      optional_config_map_name: z.string().optional(),
      optional_image_pull_secret_name: z.string().optional(),
      optional_tolerations: z.array(z.record(z.string(), z.unknown())).optional(),
    },
  },
  (p, s) => {
    let task = s.task(logMessage, { message: 'baseline task' }).withCaching(false);
    task = kubernetes.addNodeAffinityJson(task, p.optional_affinity as never);
    task = kubernetes.addNodeSelectorJson(task, p.optional_selector as never);
    task = kubernetes.useSecretAsEnv(task, { secretName: p.optional_secret_name as never, secretKeyToEnv: { password: 'PASSWORD' }, optional: true });
    task = kubernetes.useSecretAsVolume(task, { secretName: p.optional_secret_name as never, mountPath: '/mnt/secret', optional: true });
    task = kubernetes.useConfigMapAsEnv(task, { configMapName: p.optional_config_map_name as never, configMapKeyToEnv: { setting: 'SETTING' }, optional: true });
    task = kubernetes.useConfigMapAsVolume(task, { configMapName: p.optional_config_map_name as never, mountPath: '/mnt/config', optional: true });
    task = kubernetes.setImagePullSecrets(task, [p.optional_image_pull_secret_name as never]);
    kubernetes.addTolerationJson(task, p.optional_tolerations as never);
  },
);
