/**
 * The task settings kfp checks when they are made (src/compiler/check-task-settings.ts) and how
 * they are written (lower-resources.ts, lower-retry.ts): the boundaries of kfp 2.17.3's quantity
 * and duration formats (pipeline_task.py's set_cpu_* / set_memory_* / set_accelerator_limit, and
 * structures.py's convert_duration_to_seconds), and messages that name the value and the fix.
 */
import { describe, expect, it } from 'vitest';
import { componentFromIr, pipeline, z } from '../../src/index.ts';
import type { ResourcesConfig, RetryConfig } from '../../src/dsl/task-config.ts';
import { formatPath } from '../../src/diagnostics.ts';
import { compileErrors, compileOk, echo, type Json } from './support.ts';

const withResources = (resources: ResourcesConfig) => pipeline({ name: 'res' }, (_p, s) => void s.task(echo, { x: '1' }).withResources(resources));
const withRetry = (retry: RetryConfig) => pipeline({ name: 'retry' }, (_p, s) => void s.task(echo, { x: '1' }).withRetry(retry));
const resources = (r: ResourcesConfig): Json => compileOk(withResources(r)).deploymentSpec.executors['exec-echo'].container.resources;
const retryPolicy = (r: RetryConfig): Json => compileOk(withRetry(r)).root.dag.tasks.echo.retryPolicy;
const messages = (p: Parameters<typeof compileErrors>[0]): [string, string, string][] => compileErrors(p).map((d) => [d.code, formatPath(d.path), d.message]);

describe('resource quantities', () => {
  it('reads cores with a multi-digit whole part', () => {
    expect(resources({ cpuLimit: '10.5' })).toEqual({ cpuLimit: 10.5, resourceCpuLimit: '10.5' });
  });

  it('refuses a CPU quantity with anything before the number, naming the value and the forms to use', () => {
    for (const bad of ['x5', '-1', '.']) {
      const ds = messages(withResources({ cpuRequest: bad }));
      expect(ds, bad).toEqual([['task/invalid-resource', 'res/echo', `invalid CPU quantity '${bad}': use a number of cores or millicores, e.g. '2', '0.5' or '500m'`]]);
    }
  });

  it('refuses a memory quantity with anything around the number, naming the units', () => {
    for (const bad of ['x5', '5x', '1.5Gi']) {
      const ds = messages(withResources({ memoryLimit: bad }));
      expect(ds, bad).toEqual([
        ['task/invalid-resource', 'res/echo', `invalid memory quantity '${bad}': use bytes with an optional unit (E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K, Ki), e.g. '8Gi'`],
      ]);
    }
  });

  it('takes a multi-digit accelerator count and refuses a fractional one, naming it', () => {
    expect(resources({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: 16 }).accelerator.resourceCount).toBe('16');
    expect(resources({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: '10' }).accelerator.resourceCount).toBe('10');
    expect(messages(withResources({ acceleratorType: 'gpu', acceleratorCount: '1.5' }))).toEqual([
      ['task/invalid-resource', 'res/echo', "accelerator count '1.5' must be a non-negative integer"],
    ]);
  });
});

describe('retry backoffs', () => {
  it("writes kfp's defaults: no backoff, a factor of 2, an hour at most", () => {
    expect(retryPolicy({ maxRetryCount: 3 })).toEqual({ backoffDuration: '0s', backoffFactor: 2.0, backoffMaxDuration: '3600s', maxRetryCount: 3 });
  });

  it('reads every unit, spaces and whole unit words as kfp does', () => {
    expect(retryPolicy({ maxRetryCount: 1, backoffDuration: '30 s', backoffMaxDuration: '2 minutes' })).toMatchObject({ backoffDuration: '30s', backoffMaxDuration: '120s' });
    expect(retryPolicy({ maxRetryCount: 1, backoffDuration: '1h', backoffMaxDuration: '1d' })).toMatchObject({ backoffDuration: '3600s', backoffMaxDuration: '86400s' });
    expect(retryPolicy({ maxRetryCount: 1, backoffDuration: '2hours', backoffMaxDuration: '1w' })).toMatchObject({ backoffDuration: '7200s', backoffMaxDuration: '604800s' });
  });

  it('refuses a duration with anything before the number or after the unit, at its field, saying the form to use', () => {
    for (const bad of ['x30s', '30s5', '30']) {
      expect(messages(withRetry({ maxRetryCount: 1, backoffDuration: bad })), bad).toEqual([
        ['task/invalid-retry', 'retry/echo/retry/backoffDuration', `invalid duration '${bad}': use a whole number and a unit (s, m, h, d, w), e.g. '30s'`],
      ]);
    }
  });
});

describe('container settings on a pipeline task', () => {
  const inner = pipeline({ name: 'inner', inputs: { x: z.string() } }, (p, s) => void s.task(echo, { x: p.x }));

  it('refuses withContainerImage on a pipeline task, naming the setting', () => {
    const outer = pipeline({ name: 'outer' }, (_p, s) => void s.task(inner, { x: 'a' }).withContainerImage('python:3.12'));
    expect(messages(outer)).toEqual([
      ['task/container-setting-on-pipeline', 'outer/inner', "withContainerImage can only be used on single-step components, and 'inner' is a pipeline; set them on the tasks inside it"],
    ]);
  });

  it('refuses them on a pipeline loaded from IR', () => {
    const loaded = componentFromIr([compileOk(inner)]);
    const outer = pipeline({ name: 'outer' }, (_p, s) => void s.task(loaded, { x: 'a' }).withResources({ cpuLimit: '1' }));
    expect(messages(outer).map(([code, path]) => [code, path])).toEqual([['task/container-setting-on-pipeline', 'outer/inner']]);
  });
});
