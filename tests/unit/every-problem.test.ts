/**
 * One compile reports every problem: nothing stops at the first one (no throw inside a helper or
 * a pass), each problem keeps its own code, and each path names the user's pipeline, task and
 * what in it — never a builder id.
 */
import { describe, expect, it } from 'vitest';
import { kubernetes, pipeline } from '../../src/index.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { codesAndPaths, compileErrors, fit, make } from './support.ts';

describe('every problem of a pipeline in one compile', () => {
  it('GIVEN two bad retry durations, a bad kubernetes argument and, after them, a type mismatch WHEN compiled THEN four diagnostics with their own codes and paths', () => {
    // GIVEN a body whose kubernetes helper call is refused — and which goes on to a later task
    // that passes a string where an int belongs (plain JavaScript)
    const p = pipeline({ name: 'training' }, (_p, s) => {
      const data = s.task(make, {}).withRetry({ maxRetryCount: 3, backoffDuration: 'soon', backoffMaxDuration: 'forever' });
      kubernetes.setTimeout(data, -1);
      s.task(fit, { data: data.outputs.data, n: 'three' as never });
    });
    // WHEN compiled
    const ds = compileErrors(p);
    // THEN all four, each with its code, at the pipeline / task / field they are about
    expect(codesAndPaths(ds)).toEqual([
      ['task/invalid-retry', 'training/make/retry/backoffDuration'],
      ['task/invalid-retry', 'training/make/retry/backoffMaxDuration'],
      ['kubernetes/invalid-argument', 'training/make/kubernetes/setTimeout/seconds'],
      ['task/type-mismatch', 'training/fit/inputs/n'],
    ]);
    // AND the rendering a user reads names them the same way, with no internal id
    const text = ds.map(formatDiagnostic).join('\n');
    expect(text).toContain("training/make/retry/backoffDuration: invalid duration 'soon'");
    expect(text).toContain("training/make/retry/backoffMaxDuration: invalid duration 'forever'");
    expect(text).toContain('training/make/kubernetes/setTimeout/seconds: seconds must be a whole number greater than or equal to 0, got -1 [kubernetes/invalid-argument]');
    expect(text).toContain('training/fit/inputs/n:');
    expect(text).not.toMatch(/\bb\d+t\d+\b/);
  });

  it('GIVEN an exit task created in the wrong scope WHEN compiled THEN the path names the task, not its builder id', () => {
    const p = pipeline({ name: 'scoped' }, (_p, s) => {
      const cleanup = s.task(make, {});
      s.parallelFor([1], (_n, s) => s.exitHandler(cleanup, (s) => void s.task(fit, { data: cleanup.outputs.data, n: 1 })));
    });
    const scope = compileErrors(p).filter((d) => d.code === 'dsl/exit-task-scope');
    expect(scope).toHaveLength(1);
    expect(scope[0]!.path[0]).toBe('scoped');
    expect(scope[0]!.path[1]).toMatch(/^make(-2)?$/);
  });
});
