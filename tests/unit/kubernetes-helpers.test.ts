/**
 * kfp-kubernetes helpers: where kfp-kubernetes 2.17.3 raises on an argument, the helper throws a
 * DiagnosticError (`kubernetes/invalid-argument`, with the argument's path) — inside a pipeline
 * body that becomes a build problem and the compile fails. The JSON the helpers write is proven
 * against kfp by the k8s_* cross-compile cases; here: refusals, immutability, and the fields
 * proto3 leaves out or keeps.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticError, kubernetes, pipeline, type TaskHandle } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import type { OutputDecls } from '../../src/dsl/io.ts';
import { codesAndPaths, echo, type Json } from './support.ts';

/** Runs `configure` on a fresh task inside a pipeline body; returns what it threw and the task's config. */
function onTask(configure: (t: TaskHandle<OutputDecls>) => TaskHandle<OutputDecls> | void): { error: unknown; config: Json } {
  let error: unknown;
  let config: Json;
  pipeline({ name: 'k8s-unit' }, (_p, s) => {
    const t = s.task(echo, {});
    try {
      const out = configure(t);
      config = (out ?? t).node.config.kubernetes;
    } catch (e) {
      error = e;
    }
  }).build();
  return { error, config };
}

function refusal(configure: (t: TaskHandle<OutputDecls>) => unknown): [string, string][] {
  const { error } = onTask((t) => void configure(t));
  expect(error).toBeInstanceOf(DiagnosticError);
  return codesAndPaths((error as DiagnosticError).diagnostics);
}

const invalid = (path: string): [string, string] => ['kubernetes/invalid-argument', `kubernetes/${path}`];

describe('kfp-kubernetes helpers refuse what kfp-kubernetes refuses', () => {
  it('refuses an image pull policy other than Always, Never, IfNotPresent', () => {
    expect(refusal((t) => kubernetes.setImagePullPolicy(t, 'Sometimes' as never))).toEqual([invalid('setImagePullPolicy/policy')]);
  });

  it('refuses a negative or fractional timeout', () => {
    expect(refusal((t) => kubernetes.setTimeout(t, -1))).toEqual([invalid('setTimeout/seconds')]);
    expect(refusal((t) => kubernetes.setTimeout(t, 1.5))).toEqual([invalid('setTimeout/seconds')]);
  });

  it('refuses an empty security context and reports every bad field at once', () => {
    expect(refusal((t) => kubernetes.setSecurityContext(t, {}))).toEqual([invalid('setSecurityContext/')]);
    expect(refusal((t) => kubernetes.setSecurityContext(t, { runAsUser: -1, runAsGroup: 1.5, runAsNonRoot: 'yes' as never }))).toEqual([
      invalid('setSecurityContext/runAsUser'),
      invalid('setSecurityContext/runAsGroup'),
      invalid('setSecurityContext/runAsNonRoot'),
    ]);
  });

  it('refuses node affinity requirements without a key or with an unknown operator, and weights outside 1..100', () => {
    expect(refusal((t) => kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: '', operator: 'In' }] }))).toEqual([
      invalid('addNodeAffinity/matchExpressions/0/key'),
    ]);
    expect(refusal((t) => kubernetes.addNodeAffinity(t, { matchFields: [{ key: 'k', operator: 'Like' as never }] }))).toEqual([
      invalid('addNodeAffinity/matchFields/0/operator'),
    ]);
    for (const weight of [0, 101, 2.5])
      expect(refusal((t) => kubernetes.addNodeAffinity(t, { weight })), String(weight)).toEqual([invalid('addNodeAffinity/weight')]);
  });

  it('refuses a node affinity JSON object that is not a Kubernetes NodeAffinity', () => {
    const { error } = onTask((t) => kubernetes.addNodeAffinityJson(t, { nodeSelectorTerms: [] }));
    expect(codesAndPaths((error as DiagnosticError).diagnostics)).toEqual([invalid('addNodeAffinityJson')]);
    expect((error as Error).message).toContain("unknown field 'nodeSelectorTerms'");
    // kfp reads keys through camel_to_python_case: the snake_case spelling is accepted too.
    expect(onTask((t) => kubernetes.addNodeAffinityJson(t, { required_during_scheduling_ignored_during_execution: {} })).error).toBeUndefined();
  });

  it('refuses a pod affinity term without a topology key, or with a label operator Kubernetes lacks', () => {
    expect(refusal((t) => kubernetes.addPodAffinity(t, { topologyKey: '' }))).toEqual([invalid('addPodAffinity/topologyKey')]);
    expect(
      refusal((t) => kubernetes.addPodAffinity(t, { topologyKey: 'zone', matchPodExpressions: [{ key: 'n', operator: 'Gt' as never }] })),
    ).toEqual([invalid('addPodAffinity/matchPodExpressions/0/operator')]);
  });

  it('refuses a fractional toleration period', () => {
    expect(refusal((t) => kubernetes.addToleration(t, { tolerationSeconds: 0.5 }))).toEqual([invalid('addToleration/tolerationSeconds')]);
  });

  it('turns a refusal inside a pipeline body into a failed compile that names the code', () => {
    const p = pipeline({ name: 'bad-k8s' }, (_p, s) => {
      kubernetes.setImagePullPolicy(s.task(echo, {}), 'Sometimes' as never);
    });
    const r = compilePipeline(p.build());
    expect(r.pipelineSpec).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['kubernetes/invalid-argument']);
  });
});

describe('pipelineConfig refuses what dsl.PipelineConfig refuses, all problems at once', () => {
  it('refuses negative, fractional and over-int32 durations and a size that is not a quantity', () => {
    let error: unknown;
    try {
      kubernetes.pipelineConfig({
        workspace: { size: '10 GB' },
        ttlSecondsAfterFinished: -1,
        ttlSecondsAfterSuccess: 1.5,
        ttlSecondsAfterFailure: 2147483648,
        activeDeadlineSeconds: 2147483647,
      });
    } catch (e) {
      error = e;
    }
    expect(codesAndPaths((error as DiagnosticError).diagnostics)).toEqual([
      invalid('pipelineConfig/ttlSecondsAfterFinished'),
      invalid('pipelineConfig/ttlSecondsAfterSuccess'),
      invalid('pipelineConfig/ttlSecondsAfterFailure'),
      invalid('pipelineConfig/workspace/size'),
    ]);
  });

  it('refuses an empty workspace size', () => {
    expect(() => kubernetes.pipelineConfig({ workspace: { size: '  ' } })).toThrow(/needs a size/);
  });

  it('refuses PVC spec patch fields the KFP backend refuses (it patches only accessModes and storageClassName)', () => {
    let error: unknown;
    try {
      kubernetes.pipelineConfig({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' } as never } } });
    } catch (e) {
      error = e;
    }
    expect(codesAndPaths((error as DiagnosticError).diagnostics)).toEqual([invalid('pipelineConfig/workspace/kubernetes/pvcSpecPatch/volumeMode')]);
  });

  it('writes an empty PVC spec patch for a workspace given only its size, as kfp does', () => {
    expect(kubernetes.pipelineConfig({ workspace: { size: '1Gi' } })).toEqual({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: {} } } });
  });

  it('leaves zero durations out, and an empty config empty', () => {
    expect(kubernetes.pipelineConfig({ ttlSecondsAfterFinished: 0, activeDeadlineSeconds: 0 })).toEqual({});
    expect(kubernetes.pipelineConfig({ activeDeadlineSeconds: 5 })).toEqual({ activeDeadlineSeconds: 5 });
  });
});

describe('kfp-kubernetes helpers are immutable and write proto3 JSON', () => {
  it('returns a new handle and leaves the one it was given unchanged', () => {
    // The assertions run inside the pipeline body: a failing one comes back as `error`.
    const { error } = onTask((t) => {
      const next = kubernetes.setTimeout(t, 20);
      expect(t.node.config.kubernetes).toBeUndefined();
      expect(next.node.config.kubernetes).toEqual({ activeDeadlineSeconds: '20' });
      const again = kubernetes.addPodLabel(next, { labelKey: 'a', labelValue: 'b' });
      expect(next.node.config.kubernetes).toEqual({ activeDeadlineSeconds: '20' });
      expect(again.node.config.kubernetes).toEqual({ activeDeadlineSeconds: '20', podMetadata: { labels: { a: 'b' } } });
      return again;
    });
    expect(error).toBeUndefined();
  });

  it('removes the timeout with 0, and adds nothing for an empty list of pull secrets', () => {
    expect(onTask((t) => kubernetes.setTimeout(kubernetes.setTimeout(t, 20), 0)).config).toEqual({});
    expect(onTask((t) => kubernetes.setImagePullSecrets(t, [])).config).toEqual({});
  });

  it('keeps explicit-presence fields at their zero value and drops plain ones', () => {
    const { config } = onTask((t) =>
      kubernetes.addEphemeralVolume(kubernetes.addToleration(t, { key: '', tolerationSeconds: 0 }), {
        volumeName: 'v',
        mountPath: '/v',
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
        storageClassName: '',
        labels: {},
      }),
    );
    expect(config).toEqual({
      tolerations: [{ tolerationSeconds: '0' }],
      genericEphemeralVolume: [{ volumeName: 'v', mountPath: '/v', accessModes: ['ReadWriteOnce'], size: '1Gi' }],
    });
  });

  it('leaves a run-time name as a channel reference for the compiler, with no deprecated plain name', () => {
    let channel: unknown;
    let config: Json;
    pipeline({ name: 'refs', inputs: {} }, (_p, s) => {
      const made = s.task(echo, {});
      channel = made.outputs.Output;
      config = kubernetes.useSecretAsVolume(s.task(echo, {}), { secretName: made.outputs.Output, mountPath: '/s' }).node.config.kubernetes;
    }).build();
    expect(config).toEqual({ secretAsVolume: [{ mountPath: '/s', optional: false, secretNameParameter: { taskOutputParameter: channel } }] });
  });
});
