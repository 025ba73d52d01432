/**
 * kfp-kubernetes helpers record typed settings on the task (src/dsl/kubernetes-settings.ts); the
 * compiler checks them as kfp-kubernetes 2.17.3 checks the helpers' arguments — every problem a
 * `kubernetes/invalid-argument` at `<pipeline>/<task>/kubernetes/<helper>/<argument>`, the rest of
 * the body still running — and writes the KubernetesExecutorConfig. The JSON is proven against kfp
 * by the k8s_* cross-compile cases; here: refusals, the settings as data, and the fields proto3
 * leaves out or keeps.
 */
import { describe, expect, it } from 'vitest';
import { kubernetes, pipeline, z, type TaskHandle } from '../../src/index.ts';
import type { OutputDecls } from '../../src/dsl/io.ts';
import type { PipelineConfigOptions } from '../../src/dsl/kubernetes-settings.ts';
import { codesAndPaths, compileErrors, compileOk, echo, type Json } from './support.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';

/** A pipeline with one task, configured by `configure`. */
const oneTask = (configure: (t: TaskHandle<OutputDecls>) => unknown) =>
  pipeline({ name: 'k8s-unit' }, (_p, s) => {
    configure(s.task(echo, {}));
  });

/** The codes and paths of compiling a one-task pipeline configured by `configure`. */
const refusal = (configure: (t: TaskHandle<OutputDecls>) => unknown): [string, string][] => codesAndPaths(compileErrors(oneTask(configure)));

/** The task's compiled KubernetesExecutorConfig (undefined when it has none). */
function config(configure: (t: TaskHandle<OutputDecls>) => unknown): Json {
  const r = compilePipeline(oneTask(configure).build());
  expect(codesAndPaths(r.diagnostics)).toEqual([]);
  return r.platformSpec?.platforms?.kubernetes?.deploymentSpec?.executors?.['exec-echo'];
}

const invalid = (path: string): [string, string] => ['kubernetes/invalid-argument', `k8s-unit/echo/kubernetes/${path}`];

describe('kfp-kubernetes helpers refuse what kfp-kubernetes refuses, at compile time', () => {
  it('refuses an image pull policy other than Always, Never, IfNotPresent', () => {
    expect(refusal((t) => kubernetes.setImagePullPolicy(t, 'Sometimes' as never))).toEqual([invalid('setImagePullPolicy/policy')]);
  });

  it('refuses a negative or fractional timeout', () => {
    expect(refusal((t) => kubernetes.setTimeout(t, -1))).toEqual([invalid('setTimeout/seconds')]);
    expect(refusal((t) => kubernetes.setTimeout(t, 1.5))).toEqual([invalid('setTimeout/seconds')]);
  });

  it('refuses an empty security context and reports every bad field at once', () => {
    expect(refusal((t) => kubernetes.setSecurityContext(t, {}))).toEqual([invalid('setSecurityContext')]);
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
    const ds = compileErrors(oneTask((t) => kubernetes.addNodeAffinityJson(t, { nodeSelectorTerms: [] })));
    expect(codesAndPaths(ds)).toEqual([invalid('addNodeAffinityJson')]);
    expect(ds[0]!.message).toContain("unknown field 'nodeSelectorTerms'");
    // kfp reads keys through camel_to_python_case: the snake_case spelling is accepted too.
    expect(config((t) => kubernetes.addNodeAffinityJson(t, { required_during_scheduling_ignored_during_execution: {} }))).toEqual({
      nodeAffinity: [{ nodeAffinityJson: { runtimeValue: { constant: { required_during_scheduling_ignored_during_execution: {} } } } }],
    });
  });

  it('refuses a pod affinity term without a topology key, or with a label operator Kubernetes lacks', () => {
    expect(refusal((t) => kubernetes.addPodAffinity(t, { topologyKey: '' }))).toEqual([invalid('addPodAffinity/topologyKey')]);
    expect(refusal((t) => kubernetes.addPodAffinity(t, { topologyKey: 'zone', matchPodExpressions: [{ key: 'n', operator: 'Gt' as never }] }))).toEqual([
      invalid('addPodAffinity/matchPodExpressions/0/operator'),
    ]);
  });

  it('refuses a fractional toleration period, in addToleration and in each element of addTolerationJson', () => {
    expect(refusal((t) => kubernetes.addToleration(t, { tolerationSeconds: 0.5 }))).toEqual([invalid('addToleration/tolerationSeconds')]);
    expect(refusal((t) => kubernetes.addTolerationJson(t, [{ key: 'a' }, { tolerationSeconds: 1.5 }]))).toEqual([invalid('addTolerationJson/1/tolerationSeconds')]);
  });

  it('GIVEN several bad helper calls in one body WHEN compiled THEN each is reported, and the body ran to its end', () => {
    const p = pipeline({ name: 'k8s-many' }, (_p, s) => {
      const a = s.task(echo, {});
      kubernetes.setTimeout(a, -1);
      kubernetes.setImagePullPolicy(a, 'Sometimes' as never);
      s.task(echo, { x: 'after the bad calls' });
    });
    const r = compilePipeline(p.build());
    expect(r.pipelineSpec).toBeUndefined();
    expect(codesAndPaths(r.diagnostics)).toEqual([
      ['kubernetes/invalid-argument', 'k8s-many/echo/kubernetes/setTimeout/seconds'],
      ['kubernetes/invalid-argument', 'k8s-many/echo/kubernetes/setImagePullPolicy/policy'],
    ]);
    expect(p.build().children.filter((c) => c.kind === 'task')).toHaveLength(2);
  });
});

describe('pipelineConfig refuses what dsl.PipelineConfig refuses, all problems at once', () => {
  const withConfig = (options: PipelineConfigOptions) => pipeline({ name: 'cfg', pipelineConfig: kubernetes.pipelineConfig(options) }, (_p, s) => void s.task(echo, {}));
  const cfgInvalid = (path: string): [string, string] => ['kubernetes/invalid-argument', `cfg/pipelineConfig/${path}`];

  it('refuses negative, fractional and over-int32 durations and a size that is not a quantity', () => {
    const p = withConfig({ workspace: { size: '10 GB' }, ttlSecondsAfterFinished: -1, ttlSecondsAfterSuccess: 1.5, ttlSecondsAfterFailure: 2147483648, activeDeadlineSeconds: 2147483647 });
    expect(codesAndPaths(compileErrors(p))).toEqual([
      cfgInvalid('ttlSecondsAfterFinished'),
      cfgInvalid('ttlSecondsAfterSuccess'),
      cfgInvalid('ttlSecondsAfterFailure'),
      cfgInvalid('workspace/size'),
    ]);
  });

  it('refuses an empty workspace size', () => {
    const ds = compileErrors(withConfig({ workspace: { size: '  ' } }));
    expect(codesAndPaths(ds)).toEqual([cfgInvalid('workspace/size')]);
    expect(ds[0]!.message).toMatch(/needs a size/);
  });

  it('refuses PVC spec patch fields the KFP backend refuses (it patches only accessModes and storageClassName)', () => {
    const p = withConfig({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' } as never } } });
    expect(codesAndPaths(compileErrors(p))).toEqual([cfgInvalid('workspace/kubernetes/pvcSpecPatch/volumeMode')]);
  });

  it('is plain data until compiled: defining it never throws', () => {
    expect(kubernetes.pipelineConfig({ workspace: { size: '' }, ttlSecondsAfterFinished: -1 })).toEqual({ kind: 'pipelineConfig', options: { workspace: { size: '' }, ttlSecondsAfterFinished: -1 } });
  });

  it('writes an empty PVC spec patch for a workspace given only its size, as kfp does', () => {
    const r = compilePipeline(withConfig({ workspace: { size: '1Gi' } }).build());
    expect(r.platformSpec?.platforms?.kubernetes?.pipelineConfig).toEqual({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: {} } } });
  });

  it('leaves zero durations out, and an empty config out of the platform document', () => {
    expect(compilePipeline(withConfig({ ttlSecondsAfterFinished: 0, activeDeadlineSeconds: 0 }).build()).platformSpec).toBeUndefined();
    expect(compilePipeline(withConfig({ activeDeadlineSeconds: 5 }).build()).platformSpec?.platforms?.kubernetes?.pipelineConfig).toEqual({ activeDeadlineSeconds: 5 });
  });
});

describe('kfp-kubernetes settings are data on the task, lowered to proto3 JSON', () => {
  it('GIVEN helper calls WHEN the task is read THEN it holds the settings in call order, nothing shaped yet', () => {
    let settings: unknown;
    pipeline({ name: 'data' }, (_p, s) => {
      const t = s.task(echo, {});
      kubernetes.setTimeout(t, 20);
      kubernetes.addPodLabel(t, { labelKey: 'a', labelValue: 'b' });
      settings = t.node.config.kubernetes;
    }).build();
    expect(settings).toEqual([
      { kind: 'timeout', seconds: 20 },
      { kind: 'podLabel', key: 'a', value: 'b' },
    ]);
  });

  it('removes the timeout with 0, and adds nothing for an empty list of pull secrets', () => {
    expect(config((t) => kubernetes.setTimeout(kubernetes.setTimeout(t, 20), 0))).toBeUndefined();
    expect(config((t) => kubernetes.setImagePullSecrets(t, []))).toBeUndefined();
    expect(config((t) => kubernetes.addPodLabel(kubernetes.setTimeout(t, 20), { labelKey: 'a', labelValue: 'b' }))).toEqual({ activeDeadlineSeconds: '20', podMetadata: { labels: { a: 'b' } } });
  });

  it('keeps explicit-presence fields at their zero value and drops plain ones', () => {
    const written = config((t) =>
      kubernetes.addEphemeralVolume(kubernetes.addToleration(t, { key: '', tolerationSeconds: 0 }), {
        volumeName: 'v',
        mountPath: '/v',
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
        storageClassName: '',
        labels: {},
      }),
    );
    expect(written).toEqual({
      tolerations: [{ tolerationSeconds: '0' }],
      genericEphemeralVolume: [{ volumeName: 'v', mountPath: '/v', accessModes: ['ReadWriteOnce'], size: '1Gi' }],
    });
  });

  it('writes a run-time name as the reference the task reaches it by, with no deprecated plain name', () => {
    const spec = compileOk(
      pipeline({ name: 'refs', inputs: { secret: z.string() } }, (p, s) => {
        const made = s.task(echo, {});
        kubernetes.useSecretAsVolume(s.task(echo, {}), { secretName: made.outputs.Output, mountPath: '/s' });
        kubernetes.useSecretAsVolume(s.task(echo, {}), { secretName: p.secret, mountPath: '/p' });
      }),
    );
    expect(spec.root.dag.tasks['echo-2'].dependentTasks).toEqual(['echo']);
    const r = compilePipeline(
      pipeline({ name: 'refs', inputs: { secret: z.string() } }, (p, s) => {
        const made = s.task(echo, {});
        kubernetes.useSecretAsVolume(s.task(echo, {}), { secretName: made.outputs.Output, mountPath: '/s' });
        kubernetes.useSecretAsVolume(s.task(echo, {}), { secretName: p.secret, mountPath: '/p' });
      }).build(),
    );
    const executors: Json = r.platformSpec?.platforms?.kubernetes?.deploymentSpec?.executors;
    expect(executors['exec-echo-2']).toEqual({ secretAsVolume: [{ mountPath: '/s', optional: false, secretNameParameter: { taskOutputParameter: { outputParameterKey: 'Output', producerTask: 'echo' } } }] });
    expect(executors['exec-echo-3']).toEqual({ secretAsVolume: [{ mountPath: '/p', optional: false, secretNameParameter: { componentInputParameter: 'secret' } }] });
  });
});
