/**
 * The argument checks of the kfp-kubernetes helpers (src/compiler/kubernetes-rules.ts), one rule at
 * a time: each refusal names the helper and argument in its path and says in its message what is
 * wrong and what to give instead; each value kfp-kubernetes 2.17.3 accepts compiles.
 */
import { describe, expect, it } from 'vitest';
import { kubernetes, pipeline, z, type TaskHandle } from '../../src/index.ts';
import type { OutputDecls } from '../../src/dsl/io.ts';
import { HELPER } from '../../src/compiler/kubernetes-rules.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { formatPath } from '../../src/diagnostics.ts';
import { echo, make } from './support.ts';

type Configure = (t: TaskHandle<OutputDecls>, p: { readonly name: unknown; readonly data: unknown }) => unknown;

/** `[code, path, message]` of each diagnostic of a one-task pipeline configured by `configure`. */
function problems(configure: Configure): [string, string, string][] {
  const p = pipeline({ name: 'rules', inputs: { name: z.string().default('n') } }, (inputs, s) => {
    const producer = s.task(make, {});
    configure(s.task(echo, {}), { name: inputs.name, data: producer.outputs.data });
  });
  return compilePipeline(p.build()).diagnostics.map((d) => [d.code, formatPath(d.path), d.message]);
}

const at = (path: string): string => `rules/echo/kubernetes/${path}`;

/** The one diagnostic of `configure`: its path below the task, and its message. */
function oneProblem(configure: Configure): { path: string; message: string } {
  const ds = problems(configure);
  expect(ds).toHaveLength(1);
  expect(ds[0]![0]).toBe('kubernetes/invalid-argument');
  return { path: ds[0]![1], message: ds[0]![2] };
}

describe('kubernetes rules: paths name a helper the user can call', () => {
  it('names, for every setting kind, a function of the kubernetes namespace', () => {
    const helpers = kubernetes as unknown as Record<string, unknown>;
    for (const [kind, name] of Object.entries(HELPER)) expect(typeof helpers[name], `${kind} -> ${name}`).toBe('function');
  });

  it('puts a JSON argument problem at the helper itself', () => {
    expect(oneProblem((t, p) => kubernetes.addNodeSelectorJson(t, { zone: p.name } as never)).path).toBe(at('addNodeSelectorJson'));
    expect(oneProblem((t, p) => kubernetes.addNodeAffinityJson(t, p.data as never)).path).toBe(at('addNodeAffinityJson'));
    expect(oneProblem((t, p) => kubernetes.addNodeAffinityJson(t, { requiredDuringSchedulingIgnoredDuringExecution: { x: p.name } } as never)).path).toBe(
      at('addNodeAffinityJson'),
    );
    expect(oneProblem((t, p) => kubernetes.addTolerationJson(t, p.data as never)).path).toBe(at('addTolerationJson'));
    expect(oneProblem((t) => kubernetes.addTolerationJson(t, [{ key: 'a' }, { key: 'b', tolerationSeconds: 1.5 }] as never)).path).toBe(
      at('addTolerationJson/1/tolerationSeconds'),
    );
  });
});

describe('kubernetes rules: run-time values', () => {
  it('refuses an artifact as a JSON argument, asking for a parameter', () => {
    const r = oneProblem((t, p) => kubernetes.addTolerationJson(t, p.data as never));
    expect(r.path).toBe(at('addTolerationJson'));
    expect(r.message).toMatch(/artifact cannot name a Kubernetes object/);
    expect(r.message).toMatch(/pass a parameter/);
  });

  it('refuses a run-time value inside a JSON object, asking for a STRUCT parameter', () => {
    const r = oneProblem((t, p) => kubernetes.addNodeSelectorJson(t, { zone: p.name } as never));
    expect(r.message).toMatch(/run-time value inside a JSON object is not supported/);
    expect(r.message).toMatch(/STRUCT pipeline parameter/);
  });

  it('takes a parameter whole as a JSON argument', () => {
    expect(problems((t, p) => kubernetes.addTolerationJson(t, p.name as never))).toEqual([]);
    expect(problems((t, p) => kubernetes.addNodeAffinityJson(t, p.name as never))).toEqual([]);
  });
});

describe('kubernetes rules: selector requirements', () => {
  it('accepts every operator Kubernetes has for node and label selectors', () => {
    for (const operator of ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const)
      expect(problems((t) => kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: 'k', operator, values: ['1'] }] })), operator).toEqual([]);
    for (const operator of ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const)
      expect(problems((t) => kubernetes.addPodAffinity(t, { topologyKey: 'kubernetes.io/hostname', matchPodExpressions: [{ key: 'k', operator, values: ['1'] }] })), operator).toEqual(
        [],
      );
  });

  it('names the operators to use, sorted, when one is unknown', () => {
    const node = oneProblem((t) => kubernetes.addNodeAffinity(t, { matchFields: [{ key: 'zone', operator: 'Like' as never }] }));
    expect(node.path).toBe(at('addNodeAffinity/matchFields/0/operator'));
    expect(node.message).toBe("invalid operator 'Like' for key 'zone' in match_field: use one of DoesNotExist, Exists, Gt, In, Lt, NotIn");
    const pod = oneProblem((t) =>
      kubernetes.addPodAffinity(t, { topologyKey: 'h', matchNamespaceExpressions: [{ key: 'team', operator: 'Gt' as never }] }),
    );
    expect(pod.path).toBe(at('addPodAffinity/matchNamespaceExpressions/0/operator'));
    expect(pod.message).toBe("invalid operator 'Gt' for key 'team' in match_namespace_expression: use one of DoesNotExist, Exists, In, NotIn");
  });

  it('asks for a key and for an operator', () => {
    const key = oneProblem((t) => kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: '', operator: 'In' }] }));
    expect(key.message).toBe('each match_expression needs a non-empty key');
    const pod = oneProblem((t) => kubernetes.addPodAffinity(t, { topologyKey: 'h', matchPodExpressions: [{ key: '', operator: 'In' }] }));
    expect(pod.message).toBe('each match_pod_expression needs a non-empty key');
    const op = oneProblem((t) => kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: 'zone', operator: '' as never }] }));
    expect(op.path).toBe(at('addNodeAffinity/matchExpressions/0/operator'));
    expect(op.message).toBe("the match_expression for key 'zone' needs an operator");
  });

  it('takes weights 1 and 100 and says the range of a weight outside it', () => {
    for (const weight of [1, 100]) {
      expect(problems((t) => kubernetes.addNodeAffinity(t, { matchExpressions: [{ key: 'k', operator: 'Exists' }], weight }))).toEqual([]);
      expect(problems((t) => kubernetes.addPodAffinity(t, { topologyKey: 'h', weight }))).toEqual([]);
    }
    const r = oneProblem((t) => kubernetes.addPodAffinity(t, { topologyKey: 'h', weight: 0 }));
    expect(r.path).toBe(at('addPodAffinity/weight'));
    expect(r.message).toBe('weight must be a whole number between 1 and 100, got 0');
  });

  it('asks a pod affinity term for a topologyKey, with an example', () => {
    const r = oneProblem((t) => kubernetes.addPodAffinity(t, { topologyKey: '' }));
    expect(r.path).toBe(at('addPodAffinity/topologyKey'));
    expect(r.message).toMatch(/needs a topologyKey, e\.g\. kubernetes\.io\/hostname/);
  });
});

describe('kubernetes rules: node affinity JSON', () => {
  it('accepts the two NodeAffinity fields, camelCase or snake_case', () => {
    const term = { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists' }] }] };
    expect(problems((t) => kubernetes.addNodeAffinityJson(t, { requiredDuringSchedulingIgnoredDuringExecution: term }))).toEqual([]);
    expect(problems((t) => kubernetes.addNodeAffinityJson(t, { preferredDuringSchedulingIgnoredDuringExecution: [] }))).toEqual([]);
    expect(problems((t) => kubernetes.addNodeAffinityJson(t, { required_during_scheduling_ignored_during_execution: term }))).toEqual([]);
    // kfp-kubernetes' camel_to_python_case splits a capital run before a capitalised word: DURINGScheduling -> during_scheduling.
    expect(problems((t) => kubernetes.addNodeAffinityJson(t, { requiredDURINGSchedulingIgnoredDuringExecution: term }))).toEqual([]);
  });

  it('names each unknown field, with the plural for several, and the fields to use', () => {
    const one = oneProblem((t) => kubernetes.addNodeAffinityJson(t, { required: {} }));
    expect(one.message).toBe(
      "invalid NodeAffinity: unknown field 'required'; use requiredDuringSchedulingIgnoredDuringExecution or preferredDuringSchedulingIgnoredDuringExecution",
    );
    const two = oneProblem((t) => kubernetes.addNodeAffinityJson(t, { a: 1, b: 2 }));
    expect(two.message).toMatch(/^invalid NodeAffinity: unknown fields 'a', 'b'; use /);
  });
});

describe('kubernetes rules: scalar arguments', () => {
  it('says which pull policies there are', () => {
    const r = oneProblem((t) => kubernetes.setImagePullPolicy(t, 'Sometimes' as never));
    expect(r.message).toBe("invalid image pull policy 'Sometimes': use Always, Never or IfNotPresent");
    for (const policy of ['Always', 'Never', 'IfNotPresent'] as const) expect(problems((t) => kubernetes.setImagePullPolicy(t, policy)), policy).toEqual([]);
  });

  it('takes a timeout of 0 up to the largest safe integer, not beyond', () => {
    for (const seconds of [0, Number.MAX_SAFE_INTEGER]) expect(problems((t) => kubernetes.setTimeout(t, seconds))).toEqual([]);
    const r = oneProblem((t) => kubernetes.setTimeout(t, 2 ** 53));
    expect(r.path).toBe(at('setTimeout/seconds'));
    expect(r.message).toMatch(/^seconds must be a whole number greater than or equal to 0, got /);
  });

  it('says what a toleration needs', () => {
    const r = oneProblem((t) => kubernetes.addToleration(t, { key: 'k', operator: 'Exists', tolerationSeconds: 0.5 }));
    expect(r.path).toBe(at('addToleration/tolerationSeconds'));
    expect(r.message).toBe('tolerationSeconds must be a whole number, got 0.5');
  });

  it('takes a security context with any one field, and says what each bad field needs', () => {
    expect(problems((t) => kubernetes.setSecurityContext(t, { runAsUser: 0 }))).toEqual([]);
    expect(problems((t) => kubernetes.setSecurityContext(t, { runAsGroup: 0 }))).toEqual([]);
    expect(problems((t) => kubernetes.setSecurityContext(t, { runAsNonRoot: false }))).toEqual([]);
    expect(oneProblem((t) => kubernetes.setSecurityContext(t, {})).message).toBe('give at least one of runAsUser, runAsGroup, runAsNonRoot');
    expect(oneProblem((t) => kubernetes.setSecurityContext(t, { runAsGroup: -1 })).message).toBe('runAsGroup must be a whole number greater than or equal to 0, got -1');
    expect(oneProblem((t) => kubernetes.setSecurityContext(t, { runAsNonRoot: 'yes' as never })).message).toBe('runAsNonRoot must be true or false, got yes');
  });
});
