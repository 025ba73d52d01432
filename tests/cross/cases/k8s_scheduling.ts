/**
 * Where pods run: node selector labels and JSON, tolerations (every field, zero seconds, the
 * match-all toleration, a constant JSON list), node affinity (required and preferred terms,
 * match fields, constant JSON that replaces an earlier JSON term) and pod (anti-)affinity
 * (no kfp-kubernetes helper: the twin writes the proto message).
 */
import { containerComponent, kubernetes, pipeline } from '../../../src/index.ts';

const job = containerComponent({
  name: 'job',
  implementation: () => ({ image: 'alpine:3.20', command: ['true'] }),
});

export default pipeline({ name: 'k8s-scheduling' }, (_p, s) => {
  let a = s.task(job, {});
  a = kubernetes.addNodeSelector(a, { labelKey: 'cloud.google.com/gke-accelerator', labelValue: 'nvidia-tesla-t4' });
  a = kubernetes.addNodeSelector(a, { labelKey: 'disktype', labelValue: 'ssd' });
  a = kubernetes.addToleration(a, { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
  a = kubernetes.addToleration(a, { key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoExecute', tolerationSeconds: 10 });
  a = kubernetes.addToleration(a, { key: 'evict-now', effect: 'NoExecute', tolerationSeconds: 0 });
  a = kubernetes.addToleration(a);
  kubernetes.addTolerationJson(a, [{ key: 'from-json', operator: 'Exists' }, { key: 'timed', value: 'v', tolerationSeconds: 30 }]);

  let b = s.task(job, {});
  b = kubernetes.addNodeSelectorJson(b, { 'kubernetes.io/os': 'linux' });
  b = kubernetes.addTolerationJson(b, { key: 'single', operator: 'Equal', value: 'x', effect: 'PreferNoSchedule' });
  b = kubernetes.addNodeAffinity(b, {
    matchExpressions: [
      { key: 'zone', operator: 'In', values: ['us-west-1', 'us-west-2'] },
      { key: 'spot', operator: 'DoesNotExist' },
    ],
    matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-7'] }],
  });
  b = kubernetes.addNodeAffinity(b, { matchExpressions: [{ key: 'gpu-count', operator: 'Gt', values: ['1'] }], weight: 50 });
  b = kubernetes.addNodeAffinityJson(b, { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } });
  kubernetes.addNodeAffinityJson(b, {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 100, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
    ],
  });

  let c = s.task(job, {});
  c = kubernetes.addPodAffinity(c, { topologyKey: 'kubernetes.io/hostname', matchPodLabels: { app: 'cache' } });
  c = kubernetes.addPodAffinity(c, {
    topologyKey: 'topology.kubernetes.io/zone',
    matchPodExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }],
    namespaces: ['data', 'ml'],
    matchNamespaceExpressions: [{ key: 'env', operator: 'Exists' }],
    matchNamespaceLabels: { team: 'ml' },
    weight: 20,
    anti: true,
  });
  kubernetes.addPodAffinity(c, { topologyKey: 'kubernetes.io/hostname', matchPodLabels: { app: 'trainer' }, anti: false });
  kubernetes.addNodeAffinity(s.task(job, {}));
  kubernetes.addNodeAffinityJson(s.task(job, {}), {});
});
