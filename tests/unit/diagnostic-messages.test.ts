/**
 * What the compiler's diagnostics say: each message names what is wrong, where (pipeline, task,
 * input) and how to fix it, and any value it suggests is the right one. The code and path of each
 * are asserted too; the tests that only check codes and paths live beside the checks' own tests.
 */
import { describe, expect, it } from 'vitest';
import { Dataset, Model, PipelineTaskFinalStatus, artifactType, collected, containerComponent, eq, input, kubernetes, output, pipeline, pythonComponent, runtime, str, z } from '../../src/index.ts';
import { artifactChannel } from '../../src/dsl/channels.ts';
import type { PipelineConfigOptions } from '../../src/dsl/kubernetes-settings.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { codesAndPaths, compileErrors, compileOk, echo, fit, make, needs, report, total } from './support.ts';

/** The one diagnostic a compile gives, after checking its code and path. */
function only(p: Pipeline, code: string, path: string, options: CompileOptions = {}): Diagnostic {
  const ds = compileErrors(p, options);
  expect(codesAndPaths(ds)).toEqual([[code, path]]);
  return ds[0]!;
}

describe('pipeline-level messages', () => {
  it('says an empty pipeline has no tasks and how to fix it', () => {
    const d = only(pipeline({ name: 'empty' }, () => {}), 'pipeline/no-tasks', 'empty');
    expect(d.message).toBe("pipeline 'empty' has no tasks; add at least one task to its body");
  });

  it('explains the pipeline-name rule and suggests a valid name made from the given one', () => {
    const suggestion = (name: string): string => {
      const d = only(pipeline({ name }, (_p, s) => void s.task(echo, {})), 'pipeline/invalid-name', `${name}/name`);
      expect(d.message).toContain(`the pipeline name '${name}' is not valid`);
      expect(d.message).toContain("lower-case letters, digits and '-'");
      expect(d.message).toContain('at most 128 characters');
      return /e\.g\. '([^']*)'$/.exec(d.message)![1]!;
    };
    // upper case is lowered; runs of invalid characters become one '-'
    expect(suggestion('My Big__Pipeline')).toBe('my-big-pipeline');
    expect(suggestion('Train!!!Model')).toBe('train-model');
    // leading dashes (given or made) are dropped, a trailing one kept
    expect(suggestion('--lead')).toBe('lead');
    expect(suggestion('__a__')).toBe('a-');
    expect(suggestion('-a-b')).toBe('a-b');
    // nothing valid at all: a generic name
    expect(suggestion('!!!')).toBe('my-pipeline');
    expect(suggestion('')).toBe('my-pipeline');
  });

  it('holds the name rule at each end: start, middle and length', () => {
    for (const name of ['-x', 'x_y', 'xY', 'a'.repeat(129), 'a-', 'ab-']) {
      const ok = name === 'a-' || name === 'ab-';
      const r = pipeline({ name }, (_p, s) => void s.task(echo, {}));
      if (ok) compileOk(r);
      else expect(compileErrors(r).map((d) => d.code), name).toEqual(['pipeline/invalid-name']);
    }
  });

  it('says which default does not fit which type', () => {
    const p = pipeline({ name: 'bad-default', inputs: { n: z.int().default('many' as any) } }, (_p, s) => void s.task(echo, {}));
    expect(only(p, 'pipeline/default-type', 'bad-default/inputs/n').message).toBe('the default "many" is not a NUMBER_INTEGER');
  });

  it('lists the parameters a pipeline has when --pipeline-parameters names another, or says it has none', () => {
    const two = pipeline({ name: 'two', inputs: { a: z.string(), b: z.int() } }, (p, s) => void s.task(echo, { x: p.a }));
    const d = only(two, 'pipeline/unknown-parameter', 'two/inputs/nope', { pipelineParameters: { nope: 1 } });
    expect(d.message).toBe("--pipeline-parameters names 'nope', which is not a parameter of the pipeline (it has: a, b)");
    const none = pipeline({ name: 'none' }, (_p, s) => void s.task(echo, {}));
    expect(only(none, 'pipeline/unknown-parameter', 'none/inputs/x', { pipelineParameters: { x: 1 } }).message).toMatch(/\(it has: none\)$/);
  });

  it('says an artifact input cannot take a default, and a parameter value of the wrong type', () => {
    const p = pipeline({ name: 'art', inputs: { data: input(Dataset), n: z.int() } }, (p, s) => void s.task(fit, { data: p.data, n: p.n }));
    expect(only(p, 'pipeline/parameter-kind', 'art/inputs/data', { pipelineParameters: { data: 'gs://b' } }).message).toBe(
      "'data' is an artifact input; only parameters can be given default values",
    );
    expect(only(p, 'pipeline/parameter-type', 'art/inputs/n', { pipelineParameters: { n: 'x' } }).message).toBe("the value \"x\" for 'n' is not a NUMBER_INTEGER");
  });
});

describe('task argument messages', () => {
  const nothing = containerComponent({ name: 'nothing', implementation: () => ({ image: 'alpine', command: ['true'] }) });

  it('lists the inputs a component has when given an unknown one, or says it has none', () => {
    const p = pipeline({ name: 'unknown-input' }, (_p, s) => void s.task(echo, { x: 'a', y: 1 } as any));
    expect(only(p, 'task/unknown-input', 'unknown-input/echo/inputs/y').message).toBe("component 'Echo' has no input 'y'; its inputs are: x");
    const q = pipeline({ name: 'no-inputs' }, (_p, s) => void s.task(fit, { data: s.task(make, {}).outputs.data, n: 1, a: 1 } as any));
    expect(only(q, 'task/unknown-input', 'no-inputs/fit/inputs/a').message).toBe("component 'Fit' has no input 'a'; its inputs are: data, n");
    const r = pipeline({ name: 'none' }, (_p, s) => void s.task(nothing, { a: 1 } as any));
    expect(only(r, 'task/unknown-input', 'none/nothing/inputs/a').message).toBe("component 'Nothing' has no input 'a'; its inputs are: none");
  });

  it('lists the outputs a producer has when an argument names another', () => {
    const p = pipeline({ name: 'unknown-output' }, (_p, s) => {
      const a = s.task(make, {});
      const typo = artifactChannel({ kind: 'taskOutput', taskId: a.id, output: 'modle' }, a.outputs.data.artifactType, false);
      s.task(fit, { data: typo as any, n: 1 });
    });
    expect(only(p, 'task/unknown-output', 'unknown-output/fit/inputs/data').message).toBe("task 'make' has no output 'modle'; its outputs are: data, score");
    const q = pipeline({ name: 'no-outputs' }, (_p, s) => {
      const a = s.task(nothing, {});
      const typo = artifactChannel({ kind: 'taskOutput', taskId: a.id, output: 'x' }, Dataset, false);
      s.task(fit, { data: typo as any, n: 1 });
    });
    expect(only(q, 'task/unknown-output', 'no-outputs/fit/inputs/data').message).toBe("task 'nothing' has no output 'x'; its outputs are: none");
  });

  it('says a task of another pipeline is not part of this one', () => {
    let foreign: any;
    pipeline({ name: 'other' }, (_p, s) => void (foreign = s.task(make, {}))).build();
    const p = pipeline({ name: 'dangling' }, (_p, s) => void s.task(fit, { data: foreign.outputs.data, n: 1 }));
    expect(only(p, 'task/dangling-reference', 'dangling/fit/inputs/data').message).toBe(
      "the argument refers to a task that is not part of pipeline 'dangling' (was it created in another pipeline's body?)",
    );
    const q = pipeline({ name: 'dangling-after' }, (_p, s) => void s.task(echo, {}).after(foreign));
    expect(only(q, 'task/dangling-reference', 'dangling-after/echo/after').message).toBe(".after() names a task that is not part of pipeline 'dangling-after'");
  });

  it('says what kind was passed where, and what to pass instead', () => {
    const p = pipeline({ name: 'kinds', inputs: { text: z.string(), data: input(Dataset) } }, (p, s) => void s.task(fit, { data: p.text as any, n: p.data as any }));
    const ds = compileErrors(p);
    expect(codesAndPaths(ds)).toEqual([
      ['task/kind-mismatch', 'kinds/fit/inputs/data'],
      ['task/kind-mismatch', 'kinds/fit/inputs/n'],
    ]);
    expect(ds[0]!.message).toBe('a parameter was passed to an artifact system.Dataset; pass an artifact output of another task');
    expect(ds[1]!.message).toBe('an artifact (system.Dataset) was passed to a NUMBER_INTEGER parameter; pass a parameter value');
    const c = pipeline({ name: 'const-art' }, (_p, s) => void s.task(fit, { data: 'gs://x' as any, n: 1 }));
    expect(only(c, 'task/kind-mismatch', 'const-art/fit/inputs/data').message).toBe(
      'a constant ("gs://x") was passed to an artifact system.Dataset; artifacts come from task outputs, pipeline inputs or an importer',
    );
  });

  it('says which artifact type or list-ness was passed to which input', () => {
    const wrongType = pipeline({ name: 'wrong-artifact' }, (_p, s) => {
      const b = s.task(fit, { data: s.task(make, {}).outputs.data, n: 1 });
      s.task(fit, { data: b.outputs.model as any, n: 1 });
    });
    expect(only(wrongType, 'task/type-mismatch', 'wrong-artifact/fit-2/inputs/data').message).toBe('a system.Model artifact was passed to an input of type system.Dataset');
    const list = pipeline({ name: 'list-in', inputs: { ds: input(Dataset, { list: true }) } }, (p, s) => void s.task(fit, { data: p.ds as any, n: 1 }));
    expect(only(list, 'task/type-mismatch', 'list-in/fit/inputs/data').message).toBe('a list of artifacts was passed to an artifact system.Dataset');
    const many = containerComponent({
      name: 'many',
      inputs: { ds: input(Dataset, { list: true }) },
      implementation: ({ inputs }) => ({ image: 'alpine', command: ['ls', inputs.ds as any] }),
    });
    const single = pipeline({ name: 'single-in', inputs: { d: input(Dataset) } }, (p, s) => void s.task(many, { ds: p.d as any }));
    expect(only(single, 'task/type-mismatch', 'single-in/many/inputs/ds').message).toBe('a single artifact was passed to a list of artifact system.Dataset');
  });

  it('says which parameter types differ, and which constant does not fit which input', () => {
    const p = pipeline({ name: 'wrong-channel', inputs: { text: z.string() } }, (p, s) => void s.task(fit, { data: s.task(make, {}).outputs.data, n: p.text as any }));
    expect(only(p, 'task/type-mismatch', 'wrong-channel/fit/inputs/n').message).toBe('a STRING value was passed to a NUMBER_INTEGER parameter');
    const c = pipeline({ name: 'wrong-constant' }, (_p, s) => void s.task(fit, { data: s.task(make, {}).outputs.data, n: '3' as any }));
    expect(only(c, 'task/type-mismatch', 'wrong-constant/fit/inputs/n').message).toBe("the constant \"3\" is not a NUMBER_INTEGER (input 'n' of component 'Fit')");
  });

  it('says which input is missing, of what type', () => {
    const p = pipeline({ name: 'missing' }, (_p, s) => void s.task(fit, { n: 1 } as any));
    expect(only(p, 'task/missing-input', 'missing/fit/inputs/data').message).toBe("component 'Fit' needs input 'data' (an artifact system.Dataset) and none was given");
  });

  it('says a component may not output a list of artifacts and what to declare instead', () => {
    const parts = containerComponent({
      name: 'parts',
      outputs: { parts: output(Dataset, { list: true }) } as any,
      implementation: () => ({ image: 'alpine', command: ['parts'] }),
    });
    const d = only(pipeline({ name: 'list-out' }, (_p, s) => void s.task(parts, {})), 'component/output-artifact-list', 'list-out/parts/component/outputs/parts');
    expect(d.message).toBe("component 'Parts' declares a list of artifacts as output 'parts'; kfp allows output lists of artifacts only for pipelines: declare one artifact");
    // a Python component is refused the same way
    const py = pythonComponent({ name: 'pyparts', source: { code: 'def pyparts():\n    pass\n' }, outputs: { parts: output(Dataset, { list: true }) } as any });
    const ds = compileErrors(pipeline({ name: 'py-list-out' }, (_p, s) => void s.task(py, {})));
    expect(codesAndPaths(ds)).toContainEqual(['component/output-artifact-list', 'py-list-out/pyparts/component/outputs/parts']);
  });
});

describe('graph messages', () => {
  it('names the tasks of a cycle in order, from the first one', () => {
    const p = pipeline({ name: 'cycle' }, (_p, s) => {
      const a = s.task(make, {});
      const b = s.task(fit, { data: a.outputs.data, n: 1 });
      a.after(b);
    });
    expect(only(p, 'graph/cycle', 'cycle/make').message).toBe('tasks depend on each other in a cycle: make → fit → make; remove one of the .after() calls or data links');
  });

  it('names only the tasks on the cycle, not those leading to it', () => {
    const p = pipeline({ name: 'tail' }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, { x: a.outputs.Output });
      const c = s.task(echo, { x: b.outputs.Output });
      b.after(c);
    });
    expect(only(p, 'graph/cycle', 'tail/echo-2').message).toMatch(/cycle: echo-2 → echo-3 → echo-2;/);
  });
});

describe('pipelineConfig messages', () => {
  const withConfig = (options: PipelineConfigOptions) => pipeline({ name: 'cfg', pipelineConfig: kubernetes.pipelineConfig(options) }, (_p, s) => void s.task(echo, {}));
  const errs = (options: PipelineConfigOptions) => compileErrors(withConfig(options));

  it('says what a duration must be and what it got', () => {
    const ds = errs({ ttlSecondsAfterFinished: -1 });
    expect(codesAndPaths(ds)).toEqual([['kubernetes/invalid-argument', 'cfg/pipelineConfig/ttlSecondsAfterFinished']]);
    expect(ds[0]!.message).toBe('ttlSecondsAfterFinished must be a whole number from 0 to 2147483647, got -1');
  });

  it('accepts Kubernetes quantities and says how to write one otherwise', () => {
    for (const size of ['10Gi', '0', '1.5T', '100', '500Mi', ' 2Gi ', '12E']) compileOk(withConfig({ workspace: { size } }));
    for (const size of ['x10Gi', '10Gix', '01Gi', '1.Gi', '1.xGi', '1G1', 'Gi', '1a5', '10 GB']) {
      const ds = errs({ workspace: { size } });
      expect(codesAndPaths(ds), size).toEqual([['kubernetes/invalid-argument', 'cfg/pipelineConfig/workspace/size']]);
      expect(ds[0]!.message).toBe(`workspace size '${size.trim()}' is not a Kubernetes quantity: write e.g. 10Gi, 500Mi or 1Ti`);
    }
  });

  it('patches accessModes and storageClassName, and names any other PVC field it refuses', () => {
    compileOk(withConfig({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast' } } } }));
    const ds = errs({ workspace: { size: '1Gi', kubernetes: { pvcSpecPatch: { volumeMode: 'Block' } as never } } });
    expect(codesAndPaths(ds)).toEqual([['kubernetes/invalid-argument', 'cfg/pipelineConfig/workspace/kubernetes/pvcSpecPatch/volumeMode']]);
    expect(ds[0]!.message).toBe("the KFP backend refuses a workspace PVC spec patch with 'volumeMode': patch only accessModes and storageClassName");
  });
});

describe('pipeline output messages', () => {
  const text = pythonComponent({ name: 'text', source: { code: 'def text() -> str:\n    return ""\n' }, outputs: { Output: z.string() } });

  it('says what the pipeline returns and what it declares', () => {
    const p = pipeline({ name: 'outs', outputs: { n: z.int() } }, (_p, s) => ({ n: s.task(text, {}).outputs.Output as any }));
    expect(only(p, 'pipeline/output-type', 'outs/outputs/n').message).toBe(
      "pipeline 'outs' returns a STRING value as a NUMBER_INTEGER output 'n'; return an output of the declared type or change the declaration",
    );
    const q = pipeline({ name: 'arts', outputs: { m: output(Model) } }, (_p, s) => ({ m: s.task(make, {}).outputs.data as any }));
    expect(only(q, 'pipeline/output-type', 'arts/outputs/m').message).toBe("pipeline 'arts' returns a system.Dataset artifact as a system.Model output 'm'; return an output of the declared type or change the declaration");
  });
});

describe('graph and trigger messages', () => {

  it('says a final-status input needs an exit task, and how many upstream tasks an ignoring task has', () => {
    const outside = pipeline({ name: 'status-outside' }, (_p, s) => void s.task(report, {}));
    expect(only(outside, 'task/final-status-outside-exit', 'status-outside/report/inputs/status').message).toBe(
      "'status' is a PipelineTaskFinalStatus, which only an exit task or a task with .ignoreUpstreamFailure() receives; use the task as an exit handler's exit task",
    );
    const two = pipeline({ name: 'two-up' }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, {});
      s.task(report, {}).after(a).after(b).ignoreUpstreamFailure();
    });
    expect(only(two, 'task/final-status-upstream', 'two-up/report').message).toBe(
      'a task with .ignoreUpstreamFailure() and a PipelineTaskFinalStatus input needs exactly one upstream task in its own scope; it has 2 (echo, echo-2)',
    );
    const none = pipeline({ name: 'no-up' }, (_p, s) => void s.task(report, {}).ignoreUpstreamFailure());
    expect(only(none, 'task/final-status-upstream', 'no-up/report').message).toMatch(/in its own scope; it has 0$/);
  });

  it('gives a final-status input the one upstream task, and an ignoring task its trigger policy', () => {
    const one = pipeline({ name: 'one-up' }, (_p, s) => void s.task(report, {}).after(s.task(echo, {})).ignoreUpstreamFailure());
    const t = compileOk(one).root.dag.tasks.report;
    expect(t.triggerPolicy).toEqual({ strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' });
    expect(t.inputs.parameters.status).toEqual({ taskFinalStatus: { producerTask: 'echo' } });
  });

  it('asks for a default on an input fed by an upstream task under ignoreUpstreamFailure, and not in an exit handler', () => {
    const p = pipeline({ name: 'ignore-required' }, (_p, s) => {
      const a = s.task(echo, {});
      s.task(needs, { x: a.outputs.Output }).ignoreUpstreamFailure();
    });
    expect(only(p, 'task/ignore-upstream-required-input', 'ignore-required/needs/inputs/x').message).toBe(
      ".ignoreUpstreamFailure() needs every input fed by an upstream task to have a default (the upstream task may fail before producing it); give 'x' a default",
    );
    // an exit task given a pipeline parameter for a required input is fine (it takes no task outputs)
    compileOk(
      pipeline({ name: 'exit-needs', inputs: { v: z.string() } }, (p, s) => {
        const exit = s.task(needs, { x: p.v });
        s.exitHandler(exit, (s) => void s.task(echo, {}));
      }),
    );
  });

  it('says how a oneOf() must be built', () => {
    const root = pipeline({ name: 'one-of-root' }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, {});
      s.task(echo, { x: s.oneOf(a.outputs.Output, b.outputs.Output) });
    });
    expect(only(root, 'graph/invalid-one-of', 'one-of-root/echo-3/inputs/x').message).toBe(
      'oneOf() takes one output from each branch of the same If/Elif/Else chain, produced by a task directly inside the branch',
    );
    // one branch's task and a task outside the chain: still refused
    const mixed = pipeline({ name: 'one-of-mixed', inputs: { go: z.string() } }, (p, s) => {
      let a: any;
      s.if(eq(p.go, 'y'), (s) => void (a = s.task(echo, {}).outputs.Output)).else((s) => void s.task(echo, {}));
      const b = s.task(echo, {});
      s.task(echo, { x: s.oneOf(a, b.outputs.Output) });
    });
    expect(compileErrors(mixed).map((d) => d.code)).toEqual(['graph/invalid-one-of']);
    const noElse = pipeline({ name: 'one-of-no-else', inputs: { go: z.string() } }, (p, s) => {
      const out: any[] = [];
      s.if(eq(p.go, 'y'), (s) => void out.push(s.task(echo, {}).outputs.Output)).elif(eq(p.go, 'n'), (s) => void out.push(s.task(echo, {}).outputs.Output));
      s.task(echo, { x: s.oneOf(out[0], out[1]) });
    });
    expect(only(noElse, 'graph/invalid-one-of', 'one-of-no-else/echo-3/inputs/x').message).toBe(
      'oneOf() needs the If/Elif chain of condition-branches-1 to end with an Else, so that one branch always runs',
    );
    const nested = pipeline({ name: 'one-of-template', inputs: { go: z.string() } }, (p, s) => {
      const out: any[] = [];
      s.if(eq(p.go, 'y'), (s) => void out.push(s.task(echo, {}).outputs.Output)).else((s) => void out.push(s.task(echo, {}).outputs.Output));
      s.task(echo, { x: str`${s.oneOf(out[0], out[1])}!` as any });
    });
    expect(only(nested, 'task/one-of-nested', 'one-of-template/echo-3/inputs/x').message).toBe(
      'kfp takes a oneOf() value only as a whole argument, not inside a str`` template, list or object',
    );
  });

  it('says where collected() may gather from', () => {
    const outside = pipeline({ name: 'collected-outside' }, (_p, s) => {
      const a = s.task(echo, {});
      s.task(total, { xs: collected(a.outputs.Output) as any });
    });
    expect(only(outside, 'graph/invalid-collected', 'collected-outside/total/inputs/xs').message).toBe(
      "collected() gathers outputs of a task inside a parallelFor for a task outside it; 'echo' is not in a loop that leaves 'total' out",
    );
    const inCondition = pipeline({ name: 'collected-condition', inputs: { go: z.string() } }, (p, s) => {
      let inLoop: any;
      s.if(eq(p.go, 'y'), (s) => void (inLoop = s.parallelFor(['a', 'b'], (x, s) => s.task(echo, { x }))));
      s.task(total, { xs: collected(inLoop.outputs.Output) });
    });
    expect(only(inCondition, 'graph/invalid-collected', 'collected-condition/total/inputs/xs').message).toBe(
      "'total' collects outputs of 'echo' from a loop inside condition-1; a condition or exit handler around the loop must contain 'total' too",
    );
  });

  it('says a loop item is used outside its loop and what to do instead', () => {
    const p = pipeline({ name: 'item-outside' }, (_p, s) => {
      let item: any;
      s.parallelFor(['a', 'b'], (x, s) => void s.task(echo, { x: (item = x) }));
      s.task(echo, { x: item });
    });
    expect(only(p, 'graph/loop-item-outside-loop', 'item-outside/echo-2/inputs/x').message).toBe(
      'the item of loop for-loop-2 is used outside that loop; use it inside the loop body, or collect a task output with collected()',
    );
  });

  it('says an exit task may not depend on other tasks', () => {
    const p = pipeline({ name: 'exit-with-input' }, (_p, s) => {
      const a = s.task(echo, {});
      const exit = s.task(echo, { x: a.outputs.Output });
      s.exitHandler(exit, (s) => void s.task(echo, {}));
    });
    expect(only(p, 'graph/exit-task-dependency', 'exit-with-input/echo-2').message).toBe(
      "exit task 'echo-2' depends on other tasks; an exit task may take pipeline parameters and constants only (and its PipelineTaskFinalStatus)",
    );
  });

  it('says which group hides the task depended on, and offers collected() only for a loop', () => {
    const byCondition = pipeline({ name: 'cross-data', inputs: { go: z.string() } }, (p, s) => {
      let inner: any;
      s.if(eq(p.go, 'y'), (s) => void (inner = s.task(make, {})));
      s.task(fit, { data: inner.outputs.data, n: 1 });
    });
    expect(only(byCondition, 'graph/cross-group-dependency', 'cross-data/fit').message).toBe(
      "task 'fit' depends on 'make', which runs inside condition-1; a task outside a condition, exit handler or loop cannot use its tasks' outputs. Move 'fit' into the same group.",
    );
    const byLoop = pipeline({ name: 'cross-loop' }, (_p, s) => {
      let inner: any;
      s.parallelFor([1, 2], (_x, s) => void (inner = s.task(make, {})));
      s.task(fit, { data: inner.outputs.data, n: 1 });
    });
    expect(only(byLoop, 'graph/cross-group-dependency', 'cross-loop/fit').message).toBe(
      "task 'fit' depends on 'make', which runs inside for-loop-2; a task outside a condition, exit handler or loop cannot use its tasks' outputs. Move 'fit' into the same group or collect the outputs with Collected.",
    );
  });
});

describe('workspace and pipeline-output messages', () => {
  it('says which task uses the workspace with what text, and how to configure one', () => {
    const p = pipeline({ name: 'no-ws', inputs: { f: z.string() } }, (p, s) => void s.task(echo, { x: str`${runtime.workspacePath}/${p.f}` }));
    expect(only(p, 'pipeline/workspace-not-configured', 'no-ws/echo/inputs/x').message).toBe(
      "task 'echo' uses the workspace (\"{{$.workspace_path}}/{{channel}}\") but pipeline 'no-ws' configures none: give it one, e.g. pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: '1Gi' } })",
    );
    const mount = pipeline({ name: 'no-ws-mount' }, (_p, s) => void s.task(echo, { x: '/kfp-workspace/a' }));
    expect(only(mount, 'pipeline/workspace-not-configured', 'no-ws-mount/echo/inputs/x').message).toContain('("/kfp-workspace/a")');
    // a blank size is no workspace: both the size and the use are reported
    const blank = pipeline({ name: 'blank-ws', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: ' ' } }) }, (_p, s) => void s.task(echo, { x: runtime.workspacePath }));
    expect(compileErrors(blank).map((d) => d.code).sort()).toEqual(['kubernetes/invalid-argument', 'pipeline/workspace-not-configured']);
  });

  it('says what a pipeline output must be, also for an output of a task of another pipeline', () => {
    let foreign: any;
    pipeline({ name: 'other' }, (_p, s) => void (foreign = s.task(echo, {}))).build();
    const p = pipeline({ name: 'foreign-out', outputs: { out: z.string() } }, (_p, s) => {
      s.task(echo, {});
      return { out: foreign.outputs.Output };
    });
    expect(only(p, 'pipeline/invalid-output', 'foreign-out/outputs/out').message).toBe(
      'a pipeline output must be an output of one of its tasks, or collected() outputs of a task in a loop',
    );
  });
});

describe('pipeline outputs through collected() and oneOf()', () => {
  it('refuses collected() of a task outside any loop as a pipeline output, at that output', () => {
    const p = pipeline({ name: 'collected-root', outputs: { out: z.array(z.string()) } }, (_p, s) => ({ out: collected(s.task(echo, {}).outputs.Output) as any }));
    expect(only(p, 'graph/invalid-collected', 'collected-root/outputs/out').message).toContain("'echo' is not in a loop that leaves 'collected-root' out");
  });

  it('refuses a oneOf() over tasks outside any branch as a pipeline output, at that output', () => {
    const p = pipeline({ name: 'one-of-out', outputs: { out: z.string() } }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, {});
      return { out: s.oneOf(a.outputs.Output, b.outputs.Output) };
    });
    expect(only(p, 'graph/invalid-one-of', 'one-of-out/outputs/out').message).toMatch(/^oneOf\(\) takes one output from each branch/);
  });

  it('numbers oneOf() values in the order they are made, whether a task or the pipeline output uses them first (as kfp numbers dsl.OneOf)', () => {
    const p = pipeline({ name: 'one-of-order', inputs: { go: z.string() }, outputs: { out: z.string() } }, (p, s) => {
      const out: any[] = [];
      s.if(eq(p.go, 'y'), (s) => void out.push(s.task(echo, {}).outputs.Output)).else((s) => void out.push(s.task(echo, {}).outputs.Output));
      const first = s.oneOf(out[0], out[1]) as any;
      const second = s.oneOf(out[0], out[1]) as any;
      s.task(echo, { x: second });
      return { out: first };
    });
    const spec = compileOk(p);
    expect(spec.root.dag.outputs.parameters.out.valueFromParameter.outputParameterKey).toBe('pipelinechannel--condition-branches-1-oneof-1');
    expect(spec.root.dag.tasks['echo-3'].inputs.parameters.x.taskOutputParameter.outputParameterKey).toBe('pipelinechannel--condition-branches-1-oneof-2');
  });
});

describe('conditions on mixed types (kfp casts to a common type; expected text follows kfp 2.17.3 _single_binary_operation_to_cel_condition)', () => {
  const conditionOf = (inputs: Record<string, any>, left: (p: any) => any, right: unknown): string => {
    const spec = compileOk(pipeline({ name: 'mixed', inputs }, (p, s) => void s.if(eq(left(p), right as any), (s) => void s.task(echo, {}))));
    return spec.root.dag.tasks['condition-1'].triggerPolicy.condition;
  };

  it('quotes a number compared with a string', () => {
    expect(conditionOf({ s: z.string() }, (p) => p.s, 1)).toBe("inputs.parameter_values['pipelinechannel--s'] == '1'");
  });

  it('turns a number compared with a boolean into kfp\'s true (for 0) or false', () => {
    expect(conditionOf({ b: z.boolean() }, (p) => p.b, 0)).toBe("inputs.parameter_values['pipelinechannel--b'] == true");
    expect(conditionOf({ b: z.boolean() }, (p) => p.b, 1)).toBe("inputs.parameter_values['pipelinechannel--b'] == false");
  });

  it('wraps the integer side in double() when it meets a float', () => {
    expect(conditionOf({ x: z.number() }, (p) => p.x, 1)).toBe("inputs.parameter_values['pipelinechannel--x'] == double(1)");
    expect(conditionOf({ n: z.int() }, (p) => p.n, 2.5)).toBe("double(int(inputs.parameter_values['pipelinechannel--n'])) == 2.5");
  });

  it('names the input and type of a condition on a STRUCT value', () => {
    const p = pipeline({ name: 'struct-cond', inputs: { cfg: z.record(z.string(), z.string()) } }, (p, s) => {
      s.if(eq(p.cfg as any, 'x'), (s) => void s.task(echo, {}));
    });
    expect(only(p, 'condition/non-primitive', 'struct-cond/condition-1').message).toBe(
      "a condition compares 'pipelinechannel--cfg' of type STRUCT; conditions need string, number or boolean values",
    );
  });
});

describe('arguments left undefined and loop items', () => {
  it('treats an input given as undefined as not given: no unknown-input, no kind check, a required one missing', () => {
    compileOk(pipeline({ name: 'undef-unknown' }, (_p, s) => void s.task(echo, { x: 'a', y: undefined } as any)));
    const p = pipeline({ name: 'undef-required' }, (_p, s) => void s.task(fit, { data: undefined, n: 1 } as any));
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/missing-input', 'undef-required/fit/inputs/data']]);
  });

  it('checks the type of a literal loop item, as kfp 2.17.3 does (an int item into a str input is refused)', () => {
    const p = pipeline({ name: 'int-items' }, (_p, s) => void s.parallelFor([1, 2], (x, s) => void s.task(echo, { x: x as any })));
    expect(only(p, 'task/type-mismatch', 'int-items/echo/inputs/x').message).toBe('a NUMBER_INTEGER value was passed to a STRING parameter');
  });
});

describe('artifact type rules', () => {
  it('refuses a schema title of more than two parts and says what a title looks like', () => {
    const Deep = artifactType('system.Dataset.v2', '0.0.1');
    const makeDeep = containerComponent({ name: 'make-deep', outputs: { d: output(Deep) }, implementation: ({ outputs }) => ({ image: 'alpine', command: ['mk', outputs.d.path] }) });
    const d = only(pipeline({ name: 'deep-type' }, (_p, s) => void s.task(makeDeep, {})), 'component/invalid-artifact-type', 'deep-type/make-deep/component/outputs/d');
    expect(d.message).toBe(
      "the artifact type 'system.Dataset.v2' is not accepted by kfp: a schema title is '<namespace>.<Name>' with the namespace 'system' or 'google' (e.g. 'google.BQTable')",
    );
  });
});

describe('pipeline outputs of the wrong list-ness', () => {
  it('says a list of artifacts is returned where one artifact is declared', () => {
    const p = pipeline({ name: 'list-out', outputs: { d: output(Dataset) } }, (_p, s) => {
      let inner: any;
      s.parallelFor([1, 2], (_x, s) => void (inner = s.task(make, {})));
      return { d: collected(inner.outputs.data) as any };
    });
    expect(only(p, 'pipeline/output-type', 'list-out/outputs/d').message).toBe(
      "pipeline 'list-out' returns a list of system.Dataset artifacts as a system.Dataset output 'd'; return an output of the declared type or change the declaration",
    );
  });
});

describe('more argument messages', () => {
  it('says a string template went to a non-string parameter', () => {
    const p = pipeline({ name: 'tpl-int', inputs: { s: z.string() } }, (p, s) => void s.task(fit, { data: s.task(make, {}).outputs.data, n: str`${p.s}` as any }));
    expect(only(p, 'task/type-mismatch', 'tpl-int/fit/inputs/n').message).toBe('a string template was passed to a NUMBER_INTEGER parameter');
  });

  it('says which pipeline input of another pipeline an argument refers to', () => {
    let foreign: any;
    pipeline({ name: 'other', inputs: { secret: z.string() } }, (p, s) => void s.task(echo, { x: (foreign = p.secret) })).build();
    const p = pipeline({ name: 'borrow' }, (_p, s) => void s.task(echo, { x: foreign }));
    expect(only(p, 'task/dangling-reference', 'borrow/echo/inputs/x').message).toBe("the argument refers to pipeline input 'secret', which pipeline 'borrow' does not declare");
  });

  it('reports a component input of a type kfp refuses at the component input', () => {
    const Thing = artifactType('acme.Thing', '0.0.1');
    const useThing = containerComponent({ name: 'use-thing', inputs: { t: input(Thing) }, implementation: ({ inputs }) => ({ image: 'alpine', command: ['use', inputs.t.path] }) });
    const p = pipeline({ name: 'bad-in', inputs: { t: input(Thing) } }, (p, s) => void s.task(useThing, { t: p.t }));
    expect(codesAndPaths(compileErrors(p))).toContainEqual(['component/invalid-artifact-type', 'bad-in/use-thing/component/inputs/t']);
  });
});

describe('a single artifact returned as a list output', () => {
  it('says one artifact is returned where a list is declared', () => {
    const p = pipeline({ name: 'one-for-list', outputs: { ds: output(Dataset, { list: true } as any) } }, (_p, s) => ({ ds: s.task(make, {}).outputs.data as any }));
    expect(only(p, 'pipeline/output-type', 'one-for-list/outputs/ds').message).toBe(
      "pipeline 'one-for-list' returns a system.Dataset artifact as a list-of-system.Dataset output 'ds'; return an output of the declared type or change the declaration",
    );
  });
});
