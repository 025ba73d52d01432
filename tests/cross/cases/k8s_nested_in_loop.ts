/**
 * Kubernetes settings inside a pipeline used as a component, run in a ParallelFor: the Secret's
 * name is the nested pipeline's input (fed by the loop item), with a timeout and a toleration;
 * beside it, an outer task whose Secret volume is named by a pipeline parameter. No executor of
 * the outer pipeline clashes with the nested one's (see tests/cross/README.md).
 */
import { containerComponent, kubernetes, pipeline, z } from '../../../src/index.ts';

const fetch = containerComponent({
  name: 'fetch',
  inputs: { name: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.name] }),
});
const publish = containerComponent({
  name: 'publish',
  inputs: { name: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine:3.20', command: ['echo', inputs.name] }),
});

const fetchWithSecret = pipeline({ name: 'fetch-with-secret', inputs: { secret: z.string(), name: z.string().default('x') } }, (p, s) => {
  let t = s.task(fetch, { name: p.name });
  t = kubernetes.useSecretAsEnv(t, { secretName: p.secret, secretKeyToEnv: { token: 'TOKEN' } });
  t = kubernetes.setTimeout(t, 120);
  kubernetes.addToleration(t, { key: 'spot', operator: 'Exists', effect: 'NoSchedule' });
});

export default pipeline({ name: 'k8s-nested-in-loop', inputs: { secrets: z.array(z.string()).default(['a', 'b']), token: z.string().default('tok') } }, (p, s) => {
  s.parallelFor(p.secrets, (secret, s) => void s.task(fetchWithSecret, { secret, name: p.token }));
  kubernetes.useSecretAsVolume(s.task(publish, { name: 'done' }), { secretName: p.token, mountPath: '/t' });
});
