/**
 * Task settings are never lost: every configuring call, made through any handle of a task, adds
 * to the one task. kfp users write one call per statement (`t.set_retry(…)`, then
 * `t.set_env_variable(…)`) and kfp-ts users chain; both must keep every setting. For every pair
 * of configuring calls made on the same original handle, both settings are in the compiled IR;
 * a second call of the same setting replaces it or adds to it, as documented on TaskHandle.
 */
import { describe, expect, it } from 'vitest';
import { kubernetes, pipeline, type Scope, type TaskHandle } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import type { OutputDecls } from '../../src/dsl/io.ts';
import { codesAndPaths, echo, type Json } from './support.ts';

type Variant = 1 | 2;

/** What a compile wrote for the configured task `echo`. */
interface Written {
  readonly task: Json;
  readonly container: Json;
  readonly platform: Json;
}

interface Setting {
  readonly name: string;
  /** A second call of this setting replaces the first (else it adds to it). */
  readonly replaces: boolean;
  apply(t: TaskHandle<OutputDecls>, v: Variant, ups: readonly TaskHandle<OutputDecls>[]): void;
  /** Whether variant `v`'s effect is in what was written. */
  holds(w: Written, v: Variant): boolean;
}

const SETTINGS: readonly Setting[] = [
  {
    name: 'after',
    replaces: false,
    apply: (t, v, ups) => void t.after(ups[v - 1]!),
    holds: (w, v) => (w.task.dependentTasks ?? []).includes(v === 1 ? 'up-1' : 'up-2'),
  },
  {
    name: 'withResources',
    replaces: false,
    apply: (t, v) => void t.withResources(v === 1 ? { cpuLimit: '1' } : { memoryLimit: '1Gi' }),
    holds: (w, v) => (v === 1 ? w.container.resources?.resourceCpuLimit === '1' : w.container.resources?.resourceMemoryLimit === '1Gi'),
  },
  {
    name: 'withEnv',
    replaces: false,
    apply: (t, v) => void t.withEnv(v === 1 ? { A: '1' } : { B: '2' }),
    holds: (w, v) => (w.container.env ?? []).some((e: Json) => (v === 1 ? e.name === 'A' && e.value === '1' : e.name === 'B' && e.value === '2')),
  },
  {
    name: 'withCaching',
    replaces: true,
    apply: (t, v) => void (v === 1 ? t.withCaching(false) : t.withCaching(true, 'key-2')),
    holds: (w, v) => (v === 1 ? w.task.cachingOptions?.enableCache === undefined : w.task.cachingOptions?.enableCache === true && w.task.cachingOptions?.cacheKey === 'key-2'),
  },
  {
    name: 'withRetry',
    replaces: true,
    apply: (t, v) => void t.withRetry({ maxRetryCount: v }),
    holds: (w, v) => w.task.retryPolicy?.maxRetryCount === v,
  },
  {
    name: 'withDisplayName',
    replaces: true,
    apply: (t, v) => void t.withDisplayName(`shown-${v}`),
    holds: (w, v) => w.task.taskInfo?.name === `shown-${v}`,
  },
  {
    name: 'withContainerImage',
    replaces: true,
    apply: (t, v) => void t.withContainerImage(`image:${v}`),
    holds: (w, v) => w.container.image === `image:${v}`,
  },
  {
    name: 'ignoreUpstreamFailure',
    replaces: true,
    apply: (t) => void t.ignoreUpstreamFailure(),
    holds: (w) => w.task.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED',
  },
  {
    name: 'kubernetes',
    replaces: false,
    apply: (t, v) => void kubernetes.addPodLabel(t, { labelKey: `label-${v}`, labelValue: `${v}` }),
    holds: (w, v) => w.platform?.podMetadata?.labels?.[`label-${v}`] === `${v}`,
  },
];

/** Compiles a pipeline whose task `echo` is configured by `configure` (given the task's original handle and two upstream tasks). */
function written(configure: (t: TaskHandle<OutputDecls>, ups: readonly TaskHandle<OutputDecls>[], s: Scope) => void): Written {
  const p = pipeline({ name: 'settings' }, (_p, s) => {
    const ups = [s.task(echo, { x: 'first' }), s.task(echo, { x: 'second' })];
    const t = s.task(echo, { x: 'configured' });
    configure(t, ups, s);
  });
  const r = compilePipeline(p.build());
  expect(codesAndPaths(r.diagnostics)).toEqual([]);
  // The configured task is the third echo task: 'echo-3' (the upstream ones are 'echo' and 'echo-2').
  const spec: Json = r.pipelineSpec;
  const task = spec.root.dag.tasks['echo-3'];
  const executorLabel = spec.components[task.componentRef.name].executorLabel;
  return { task, container: spec.deploymentSpec.executors[executorLabel].container, platform: (r.platformSpec as Json)?.platforms?.kubernetes?.deploymentSpec?.executors?.[executorLabel] };
}

// The upstream tasks are 'echo' and 'echo-2'; name them as the settings expect.
const upName = (w: Written): Written => ({ ...w, task: { ...w.task, dependentTasks: (w.task.dependentTasks ?? []).map((d: string) => ({ echo: 'up-1', 'echo-2': 'up-2' })[d] ?? d) } });

describe('every pair of configuring calls on the same original handle keeps both settings', () => {
  for (const first of SETTINGS)
    for (const second of SETTINGS) {
      const same = first === second;
      const expectation = !same ? 'both settings' : first.replaces ? 'the second one (it replaces)' : 'both (it adds)';
      it(`GIVEN t.${first.name}(…); t.${second.name}(…) on one handle WHEN compiled THEN ${expectation}`, () => {
        const w = upName(
          written((t, ups) => {
            first.apply(t, 1, ups);
            second.apply(t, same ? 2 : 1, ups);
          }),
        );
        if (!same) {
          expect(first.holds(w, 1), first.name).toBe(true);
          expect(second.holds(w, 1), second.name).toBe(true);
        } else if (first.replaces && first.name !== 'ignoreUpstreamFailure') {
          expect(first.holds(w, 2)).toBe(true);
          expect(first.holds(w, 1)).toBe(false);
        } else {
          expect(first.holds(w, 1)).toBe(true);
          expect(first.holds(w, 2)).toBe(true);
        }
      });
    }
});

describe('the handle a configuring call returns', () => {
  it('GIVEN a chain and the same calls one per statement WHEN compiled THEN the task is the same', () => {
    const chained = written((t, ups) => void kubernetes.addPodLabel(t.withRetry({ maxRetryCount: 2 }).withEnv({ A: '1' }).after(ups[0]!), { labelKey: 'l', labelValue: 'v' }));
    const statements = written((t, ups) => {
      t.withRetry({ maxRetryCount: 2 });
      t.withEnv({ A: '1' });
      t.after(ups[0]!);
      kubernetes.addPodLabel(t, { labelKey: 'l', labelValue: 'v' });
    });
    expect(statements).toEqual(chained);
    expect(statements.task.retryPolicy.maxRetryCount).toBe(2);
  });

  it('GIVEN any handle of a task WHEN read THEN it shows every setting made so far, through whichever handle', () => {
    pipeline({ name: 'handles' }, (_p, s) => {
      const t = s.task(echo, {});
      const withRetry = t.withRetry({ maxRetryCount: 1 });
      t.withEnv({ A: '1' });
      expect(withRetry).toBe(t);
      expect(withRetry.node.config).toEqual({ retry: { maxRetryCount: 1 }, env: { A: '1' } });
    }).build();
  });

  it('GIVEN a handle kept after its pipeline was built WHEN configured THEN it throws instead of losing the setting', () => {
    let kept: TaskHandle<OutputDecls> | undefined;
    pipeline({ name: 'late' }, (_p, s) => {
      kept = s.task(echo, {});
    }).build();
    expect(() => kept!.withRetry({ maxRetryCount: 1 })).toThrow(/configured after its pipeline was built/);
  });
});
