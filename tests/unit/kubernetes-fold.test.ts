/**
 * Which run-time values a task's kfp-kubernetes settings read, and so which pipeline inputs a
 * sub-DAG surfaces for them (src/compiler/kubernetes-fold.ts), as kfp 2.17.3 compiles:
 *
 *   with dsl.If(s1 == 'go'):
 *       e = echo()
 *       add_node_selector_json(e, a); add_node_selector(e, 'k', 'v'); add_node_selector_json(e, b)
 *       set_image_pull_secrets(e, [s2]); add_node_affinity_json(e, f); add_toleration_json(e, t)
 *
 * gives comp-condition-1 the inputs pipelinechannel--{a, b, f, s1, s2, t} and the executor
 * imagePullSecret [s2], nodeAffinity [f], nodeSelector {labels {k: v}, nodeSelectorJson b},
 * tolerations [t].
 */
import { describe, expect, it } from 'vitest';
import { eq, kubernetes, pipeline, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { codesAndPaths, echo, type Json } from './support.ts';

const struct = () => z.record(z.string(), z.unknown());

function compiled(twoAffinities = false) {
  const p = pipeline(
    {
      name: 'fold',
      inputs: { a: struct().default({ x: '1' }), b: struct().default({ y: '2' }), s1: z.string().default('s1'), s2: z.string().default('s2'), t: z.array(z.unknown()).default([]), f: struct().default({ z: '3' }) },
    },
    (p, s) => {
      s.if(eq(p.s1, 'go'), (s) => {
        const e = s.task(echo, {});
        if (twoAffinities) kubernetes.addNodeAffinityJson(e, p.a as never);
        else kubernetes.addNodeSelectorJson(e, p.a as never);
        kubernetes.addNodeSelector(e, { labelKey: 'k', labelValue: 'v' });
        kubernetes.addNodeSelectorJson(e, p.b as never);
        kubernetes.setImagePullSecrets(e, [p.s2]);
        kubernetes.addNodeAffinityJson(e, p.f as never);
        kubernetes.addTolerationJson(e, p.t as never);
      });
    },
  );
  const r = compilePipeline(p.build());
  expect(codesAndPaths(r.diagnostics)).toEqual([]);
  return { spec: r.pipelineSpec as Json, platform: r.platformSpec as Json };
}

describe('kfp-kubernetes settings read from a sub-DAG', () => {
  it('surface every pipeline input a setting reads, as kfp does', () => {
    const { spec } = compiled();
    expect(Object.keys(spec.components['comp-condition-1'].inputDefinitions.parameters).sort()).toEqual(
      ['a', 'b', 'f', 's1', 's2', 't'].map((n) => `pipelinechannel--${n}`),
    );
  });

  it('surface the input of a node affinity JSON a later one replaces, as kfp does', () => {
    // kfp: add_node_affinity_json(e, a) before add_node_affinity_json(e, f) still gives comp-condition-1 pipelinechannel--a
    const { spec, platform } = compiled(true);
    expect(Object.keys(spec.components['comp-condition-1'].inputDefinitions.parameters)).toContain('pipelinechannel--a');
    expect(spec.root.dag.tasks['condition-1'].inputs.parameters['pipelinechannel--a']).toEqual({ componentInputParameter: 'a' });
    expect(platform.platforms.kubernetes.deploymentSpec.executors['exec-echo'].nodeAffinity).toEqual([{ nodeAffinityJson: { componentInputParameter: 'pipelinechannel--f' } }]);
  });

  it('write each setting from the surfaced input, the last node selector JSON winning', () => {
    const { platform } = compiled();
    const ref = (n: string) => ({ componentInputParameter: `pipelinechannel--${n}` });
    expect(platform.platforms.kubernetes.deploymentSpec.executors['exec-echo']).toEqual({
      imagePullSecret: [{ secretNameParameter: ref('s2') }],
      nodeAffinity: [{ nodeAffinityJson: ref('f') }],
      nodeSelector: { labels: { k: 'v' }, nodeSelectorJson: ref('b') },
      tolerations: [{ tolerationJson: ref('t') }],
    });
  });
});

describe('optional fields of kfp-kubernetes settings', () => {
  it('leave out what was not given, as kfp writes it (no key at all, not an undefined one)', () => {
    // kfp: empty_dir_mount(e, volume_name='v', mount_path='/m');
    // add_node_affinity(e, match_expressions=[{'key': 'k', 'operator': 'Exists'}]);
    // add_ephemeral_volume(e, volume_name='s', mount_path='/s', access_modes=['ReadWriteOnce'], size='1Gi', labels={'l': 'v'});
    // add_toleration_json(e, []); set_security_context(e, run_as_user=7)
    const p = pipeline({ name: 'opt' }, (_p, s) => {
      const e = s.task(echo, {});
      kubernetes.emptyDirMount(e, { volumeName: 'v', mountPath: '/m' });
      kubernetes.addNodeAffinity(e, { matchExpressions: [{ key: 'k', operator: 'Exists' }] });
      kubernetes.addEphemeralVolume(e, { volumeName: 's', mountPath: '/s', accessModes: ['ReadWriteOnce'], size: '1Gi', labels: { l: 'v' } });
      kubernetes.addTolerationJson(e, []);
      kubernetes.setSecurityContext(e, { runAsUser: 7 });
    });
    const r = compilePipeline(p.build());
    expect(codesAndPaths(r.diagnostics)).toEqual([]);
    expect((r.platformSpec as Json).platforms.kubernetes.deploymentSpec.executors['exec-echo']).toStrictEqual({
      emptyDirMounts: [{ mountPath: '/m', volumeName: 'v' }],
      genericEphemeralVolume: [{ accessModes: ['ReadWriteOnce'], defaultStorageClass: true, metadata: { labels: { l: 'v' } }, mountPath: '/s', size: '1Gi', volumeName: 's' }],
      nodeAffinity: [{ matchExpressions: [{ key: 'k', operator: 'Exists' }] }],
      securityContext: { runAsUser: '7' },
    });
  });

  it('write a pod affinity term without weight or anti when neither is given', () => {
    const p = pipeline({ name: 'opt' }, (_p, s) => void kubernetes.addPodAffinity(s.task(echo, {}), { topologyKey: 'h', matchPodLabels: { a: 'b' } }));
    const r = compilePipeline(p.build());
    expect((r.platformSpec as Json).platforms.kubernetes.deploymentSpec.executors['exec-echo'].podAffinity).toStrictEqual([{ matchPodLabels: { a: 'b' }, topologyKey: 'h' }]);
  });
});

describe('constant JSON arguments', () => {
  it('are written as protobuf Struct constants: booleans kept, undefined properties left out', () => {
    // kfp: add_node_selector_json(e, {'ready': True, 'zone': 'a', 'n': 2}) writes the dict as the constant
    const p = pipeline({ name: 'json' }, (_p, s) => void kubernetes.addNodeSelectorJson(s.task(echo, {}), { ready: true, zone: 'a', n: 2, gone: undefined }));
    const r = compilePipeline(p.build());
    expect(codesAndPaths(r.diagnostics)).toEqual([]);
    expect((r.platformSpec as Json).platforms.kubernetes.deploymentSpec.executors['exec-echo'].nodeSelector).toStrictEqual({
      nodeSelectorJson: { runtimeValue: { constant: { ready: true, zone: 'a', n: 2 } } },
    });
  });
});
