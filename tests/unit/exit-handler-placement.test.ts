/**
 * Where an exit handler may sit: kfp 2.17.3 builds exit handlers only at the top level of a
 * pipeline body and refuses one inside a condition, a loop or another exit handler ("ExitHandler
 * can only be used within the outermost scope of a pipeline function definition"), and fails
 * with a KeyError on one after an If/Elif chain with no Else (which keeps the chain's group
 * open). kfp-ts refuses the same placements as graph/nested-exit-handler and accepts the rest
 * (tests/cross/exit-handler-placement.test.ts compares the two case by case). An exit task made
 * inside a condition for a handler at the top level stays refused as dsl/exit-task-scope: kfp
 * compiles it only by moving the task out of its condition.
 */
import { describe, expect, it } from 'vitest';
import { eq, pipeline, z, type Scope } from '../../src/index.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { codesAndPaths, compileErrors, compileOk, echo } from './support.ts';

const TOP_LEVEL_ONLY = 'kfp allows an exit handler only at the top level of a pipeline body';

/** A pipeline with one string input `go`, named `name`. */
function withInput(name: string, body: (go: Parameters<typeof eq>[0], s: Scope) => void): Pipeline {
  return pipeline({ name, inputs: { go: z.string().default('y') } }, (p, s) => body(p.go, s));
}

/** An exit handler guarding one task, its exit task created just before it in `s`. */
function guarded(s: Scope, name?: string): void {
  const cleanup = s.task(echo, { x: 'cleanup' });
  s.exitHandler(cleanup, (s) => void s.task(echo, { x: 'work' }), name);
}

/** The one nested-exit-handler diagnostic of a compile, after checking its path. */
function nested(p: Pipeline, path: string): Diagnostic {
  const ds = compileErrors(p).filter((d) => d.code === 'graph/nested-exit-handler');
  expect(codesAndPaths(ds)).toEqual([['graph/nested-exit-handler', path]]);
  return ds[0]!;
}

describe('exit handlers kfp refuses', () => {
  it('GIVEN an exit handler inside an if() WHEN compiled THEN graph/nested-exit-handler at the handler, naming the condition and how to fix it', () => {
    const p = withInput('in-if', (go, s) => void s.if(eq(go, 'y'), (s) => guarded(s)));
    const ds = compileErrors(p);
    expect(codesAndPaths(ds)).toEqual([['graph/nested-exit-handler', 'in-if/exit-handler-2']]);
    expect(ds[0]!.message).toBe(
      "exit handler 'exit-handler-2' (exit task 'echo') is inside the condition 'condition-1'; kfp allows an exit handler only at the top level of a pipeline body. " +
        'Create the exit task and call exitHandler() at the top level of the pipeline body, or put the handler and its tasks in a pipeline of their own and run that pipeline as a task inside the condition',
    );
  });

  it('GIVEN an exit handler inside an elif() or an else() branch WHEN compiled THEN the branch is named as kfp numbers it (condition-3)', () => {
    const inElif = withInput('in-elif', (go, s) => void s.if(eq(go, 'y'), (s) => void s.task(echo, {})).elif(eq(go, 'n'), (s) => guarded(s)));
    const inElse = withInput('in-else', (go, s) => void s.if(eq(go, 'y'), (s) => void s.task(echo, {})).else((s) => guarded(s)));
    for (const [p, name] of [[inElif, 'in-elif'], [inElse, 'in-else']] as const) {
      const d = nested(p, `${name}/exit-handler-4`);
      expect(d.message).toContain("exit handler 'exit-handler-4' (exit task 'echo-2') is inside the condition 'condition-3'");
      expect(d.message).toContain(TOP_LEVEL_ONLY);
    }
  });

  it('GIVEN an exit handler inside a parallelFor() WHEN compiled THEN the loop is named', () => {
    const p = pipeline({ name: 'in-loop' }, (_p, s) => s.parallelFor([1, 2], (_n, s) => guarded(s)));
    const d = nested(p, 'in-loop/exit-handler-3');
    expect(d.message).toContain("is inside the loop 'for-loop-2'");
    expect(d.message).toContain('run that pipeline as a task inside the loop');
  });

  it('GIVEN an exit handler inside another exit handler WHEN compiled THEN the outer handler is named', () => {
    const p = pipeline({ name: 'in-exit' }, (_p, s) => {
      const outer = s.task(echo, { x: 'outer' });
      s.exitHandler(outer, (s) => guarded(s));
    });
    const d = nested(p, 'in-exit/exit-handler-2');
    expect(d.message).toContain("exit handler 'exit-handler-2' (exit task 'echo-2') is inside the exit handler 'exit-handler-1'");
  });

  it('GIVEN handlers nested two deep (in a condition in a handler; in a loop in a condition) WHEN compiled THEN the innermost enclosing group is named, as kfp does', () => {
    const inIfInExit = withInput('if-in-exit', (go, s) => {
      const outer = s.task(echo, { x: 'outer' });
      s.exitHandler(outer, (s) => void s.if(eq(go, 'y'), (s) => guarded(s)));
    });
    expect(nested(inIfInExit, 'if-in-exit/exit-handler-3').message).toContain("is inside the condition 'condition-2'");
    const inLoopInIf = withInput('loop-in-if', (go, s) => void s.if(eq(go, 'y'), (s) => s.parallelFor([1], (_n, s) => guarded(s))));
    expect(nested(inLoopInIf, 'loop-in-if/exit-handler-4').message).toContain("is inside the loop 'for-loop-3'");
  });

  it('GIVEN display names on the handler and the enclosing group WHEN compiled THEN the message shows both beside the group names', () => {
    const p = withInput('named', (go, s) => void s.if(eq(go, 'y'), (s) => guarded(s, 'guard'), 'when-yes'));
    expect(nested(p, 'named/exit-handler-2').message).toContain("exit handler 'exit-handler-2' ('guard') (exit task 'echo') is inside the condition 'condition-1' ('when-yes')");
  });

  it('GIVEN an exit handler after an if()/elif() chain with no else() WHEN compiled THEN it is refused as inside the condition-branches group, with the fix', () => {
    const p = withInput('after-elif', (go, s) => {
      s.if(eq(go, 'y'), (s) => void s.task(echo, {})).elif(eq(go, 'n'), (s) => void s.task(echo, {}));
      guarded(s);
    });
    expect(nested(p, 'after-elif/exit-handler-4').message).toBe(
      "exit handler 'exit-handler-4' (exit task 'echo-3') comes after an if()/elif() chain with no else(), which keeps the chain's group 'condition-branches-1' open, so the handler lands inside it; " +
        'kfp allows an exit handler only at the top level of a pipeline body. Create the exit task and call exitHandler() before the chain, or end the chain with else()',
    );
  });

  it('GIVEN a pipeline as the exit task of a handler inside an if() WHEN compiled THEN the handler is refused (its exit task named)', () => {
    const inner = pipeline({ name: 'inner' }, (_p, s) => void s.task(echo, {}));
    const p = withInput('pipeline-exit-task', (go, s) =>
      void s.if(eq(go, 'y'), (s) => {
        const notify = s.task(inner, {});
        s.exitHandler(notify, (s) => void s.task(echo, {}));
      }),
    );
    expect(nested(p, 'pipeline-exit-task/exit-handler-2').message).toContain("(exit task 'inner')");
  });

  it('GIVEN a nested pipeline whose own body has a handler inside an if() WHEN the outer pipeline is compiled THEN the refusal hangs under the task that runs it', () => {
    const inner = withInput('inner-bad', (go, s) => void s.if(eq(go, 'y'), (s) => guarded(s)));
    const p = pipeline({ name: 'outer' }, (_p, s) => void s.task(inner, { go: 'y' }));
    expect(nested(p, 'outer/inner-bad/inner-bad/exit-handler-2').message).toContain("is inside the condition 'condition-1'");
  });

  it('GIVEN an exit task created at the top level and its handler inside an if() WHEN compiled THEN both the scope and the placement are reported', () => {
    const p = withInput('both', (go, s) => {
      const cleanup = s.task(echo, { x: 'cleanup' });
      s.if(eq(go, 'y'), (s) => s.exitHandler(cleanup, (s) => void s.task(echo, {})));
    });
    expect(compileErrors(p).map((d) => d.code)).toEqual(['dsl/exit-task-scope', 'graph/nested-exit-handler']);
  });

  it('GIVEN an exit task created inside an if() for a handler at the top level WHEN compiled THEN dsl/exit-task-scope only (kfp moves such a task out of its condition)', () => {
    const p = withInput('task-in-if', (go, s) => {
      let cleanup: Parameters<Scope['exitHandler']>[0] | undefined;
      s.if(eq(go, 'y'), (s) => void (cleanup = s.task(echo, { x: 'cleanup' })));
      s.exitHandler(cleanup!, (s) => void s.task(echo, {}));
    });
    expect(compileErrors(p).map((d) => d.code)).toEqual(['dsl/exit-task-scope']);
  });
});

describe('exit handlers kfp accepts', () => {
  const inner = pipeline({ name: 'inner-guarded' }, (_p, s) => guarded(s));
  /** Each case, and the exit tasks its root DAG holds (a nested pipeline's are in its own DAG). */
  const accepted: Record<string, readonly [Pipeline, readonly string[]]> = {
    'after an if() alone': [
      withInput('after-if', (go, s) => {
        s.if(eq(go, 'y'), (s) => void s.task(echo, {}));
        guarded(s);
      }),
      ['echo-2'],
    ],
    'after an if()/else() chain': [
      withInput('after-else', (go, s) => {
        s.if(eq(go, 'y'), (s) => void s.task(echo, {})).else((s) => void s.task(echo, {}));
        guarded(s);
      }),
      ['echo-3'],
    ],
    'and another one after it': [
      pipeline({ name: 'two' }, (_p, s) => {
        guarded(s);
        guarded(s);
      }),
      ['echo', 'echo-3'],
    ],
    'around a condition and a loop': [
      withInput('groups-inside', (go, s) => {
        const cleanup = s.task(echo, { x: 'cleanup' });
        s.exitHandler(cleanup, (s) => {
          s.if(eq(go, 'y'), (s) => void s.task(echo, {}));
          s.parallelFor([1, 2], (_n, s) => void s.task(echo, {}));
        });
      }),
      ['echo'],
    ],
    'in a pipeline run as a task inside an if(), a loop and another handler': [
      withInput('nested-handlers', (go, s) => {
        s.if(eq(go, 'y'), (s) => void s.task(inner, {}));
        s.parallelFor([1, 2], (_n, s) => void s.task(inner, {}));
        const cleanup = s.task(echo, { x: 'cleanup' });
        s.exitHandler(cleanup, (s) => void s.task(inner, {}));
      }),
      ['echo'],
    ],
  };
  for (const [what, [p, exitTasks]] of Object.entries(accepted)) {
    it(`GIVEN an exit handler ${what} WHEN compiled THEN it compiles, its exit task in the root DAG`, () => {
      const tasks = compileOk(p).root.dag.tasks as Record<string, { triggerPolicy?: { strategy?: string } }>;
      const exits = Object.keys(tasks).filter((name) => tasks[name]!.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED');
      expect(exits).toEqual(exitTasks);
    });
  }
});
