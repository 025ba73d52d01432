/**
 * Pod and container settings: labels and annotations (a key set twice keeps the last value), image
 * pull secrets and policy, field paths as environment variables, the security context (merged
 * over calls; int64 ids written as strings), and the timeout (kfp writes `'20'`; 0 removes it).
 */
import { containerComponent, kubernetes, pipeline, z } from '../../../src/index.ts';

const step = containerComponent({
  name: 'step',
  inputs: { message: z.string() },
  implementation: ({ inputs }) => ({ image: 'registry.example.com/team/step:1.0', command: ['echo', inputs.message] }),
});

export default pipeline({ name: 'k8s-pod-settings' }, (_p, s) => {
  let a = s.task(step, { message: 'a' });
  a = kubernetes.addPodLabel(a, { labelKey: 'team', labelValue: 'ml' });
  a = kubernetes.addPodLabel(a, { labelKey: 'tier', labelValue: 'draft' });
  a = kubernetes.addPodLabel(a, { labelKey: 'tier', labelValue: 'batch' });
  a = kubernetes.addPodAnnotation(a, { annotationKey: 'sidecar.istio.io/inject', annotationValue: 'false' });
  a = kubernetes.setImagePullSecrets(a, ['registry-credentials', 'mirror-credentials']);
  a = kubernetes.setImagePullSecrets(a, ['third']);
  a = kubernetes.setImagePullPolicy(a, 'IfNotPresent');
  a = kubernetes.setImagePullPolicy(a, 'Always');
  a = kubernetes.useFieldPathAsEnv(a, { envName: 'KFP_RUN_NAME', fieldPath: "metadata.annotations['pipelines.kubeflow.org/run_name']" });
  a = kubernetes.useFieldPathAsEnv(a, { envName: 'POD_IP', fieldPath: 'status.podIP' });
  kubernetes.setTimeout(a, 20);

  let b = s.task(step, { message: 'b' });
  b = kubernetes.setSecurityContext(b, { runAsUser: 65534, runAsGroup: 0 });
  b = kubernetes.setSecurityContext(b, { runAsNonRoot: true });
  b = kubernetes.setTimeout(b, 600);
  b = kubernetes.setTimeout(b, 0);
  kubernetes.addPodAnnotation(b, { annotationKey: 'empty', annotationValue: '' });

  kubernetes.setSecurityContext(s.task(step, { message: 'c' }), { runAsUser: 0, runAsNonRoot: false });
});
