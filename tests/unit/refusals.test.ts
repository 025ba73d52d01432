/**
 * Refusals kfp makes at compile time, each a diagnostic with a stable code and the path of what is
 * wrong (and no spec): artifact types, final-status inputs, collected(), oneOf(), loops, exit
 * handlers, Kubernetes references. Plain JavaScript (`as any`) reaches what the types forbid.
 */
import { describe, expect, it } from 'vitest';
import {
  Dataset,
  artifactType,
  collected,
  containerComponent,
  eq,
  input,
  kubernetes,
  output,
  pipeline,
  pythonComponent,
  str,
  z,
  type Scope,
} from '../../src/index.ts';
import { codesAndPaths, compileErrors, compileOk, echo, make, needs, report, total } from './support.ts';

/** kfp's `def num() -> int`. */
const num = pythonComponent({ name: 'num', source: { code: 'def num() -> int:\n    return 1\n' }, outputs: { Output: z.int() } });

/** A two-branch If/Else chain; `branch` makes each branch's task and its result is returned in order. */
function ifElse<R>(s: Scope, go: Parameters<typeof eq>[0], branch: (s: Scope, i: number) => R): R[] {
  const out: R[] = [];
  s.if(eq(go, 'y'), (s) => void out.push(branch(s, 0))).else((s) => void out.push(branch(s, 1)));
  return out;
}

describe('artifact types kfp refuses', () => {
  it('reports an artifact type outside the system and google namespaces as component/invalid-artifact-type', () => {
    // GIVEN a component whose output has the type acme.Thing
    const Thing = artifactType('acme.Thing', '0.0.1');
    const makeThing = containerComponent({ name: 'make-thing', outputs: { t: output(Thing) }, implementation: ({ outputs }) => ({ image: 'alpine', command: ['mk', outputs.t.path] }) });
    const p = pipeline({ name: 'bad-type' }, (_p, s) => void s.task(makeThing, {}));
    // WHEN compiled  THEN the component's output is named
    expect(codesAndPaths(compileErrors(p))).toEqual([['component/invalid-artifact-type', 'bad-type/make-thing/component/outputs/t']]);
  });

  it('reports a two-part artifact version as component/invalid-artifact-type', () => {
    const Table = artifactType('google.BQTable', '0.1');
    const makeTable = containerComponent({ name: 'make-table', outputs: { t: output(Table) }, implementation: ({ outputs }) => ({ image: 'alpine', command: ['mk', outputs.t.path] }) });
    const p = pipeline({ name: 'bad-version' }, (_p, s) => void s.task(makeTable, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([['component/invalid-artifact-type', 'bad-version/make-table/component/outputs/t']]);
  });

  it('reports a list of artifacts as a component output as component/output-artifact-list', () => {
    // GIVEN (plain JavaScript) a component declaring Output[List[Dataset]]
    const parts = containerComponent({
      name: 'parts',
      outputs: { parts: output(Dataset, { list: true }) } as any,
      implementation: () => ({ image: 'alpine', command: ['parts'] }),
    });
    const p = pipeline({ name: 'list-out' }, (_p, s) => void s.task(parts, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([['component/output-artifact-list', 'list-out/parts/component/outputs/parts']]);
  });

  it('reports a custom artifact type without its Python class as python/custom-artifact-class', () => {
    // GIVEN `def use(t: Input[BQTable])` and google.BQTable declared without pythonClass
    const Table = artifactType('google.BQTable', '0.0.1');
    const use = pythonComponent({ name: 'use', source: { code: 'def use(t: Input[BQTable]):\n    print(t)\n' }, inputs: { t: input(Table) } });
    const p = pipeline({ name: 'no-class' }, (_p, s) => {
      const t = s.importer({ artifactUri: 'bq://p.d.t', artifactType: Table });
      s.task(use, { t: t.outputs.artifact });
    });
    // WHEN compiled  THEN kfp could not write the import line, and the parameter is named
    expect(codesAndPaths(compileErrors(p))).toEqual([['python/custom-artifact-class', 'no-class/use/component/use/t']]);
  });

  it('reports an annotation whose first symbol is not in the class path as python/custom-artifact-import', () => {
    // GIVEN `Input[other.BQTable]` for the class bq_types.BQTable
    const Table = artifactType('google.BQTable', '0.0.1', { pythonClass: 'bq_types.BQTable' });
    const use = pythonComponent({ name: 'use', source: { code: 'def use(t: Input[other.BQTable]):\n    print(t)\n' }, inputs: { t: input(Table) } });
    const p = pipeline({ name: 'bad-import' }, (_p, s) => {
      const t = s.importer({ artifactUri: 'bq://p.d.t', artifactType: Table });
      s.task(use, { t: t.outputs.artifact });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['python/custom-artifact-import', 'bad-import/use/component/use/t']]);
  });
});

describe('final status and ignoreUpstreamFailure', () => {
  it('reports a PipelineTaskFinalStatus input on an ordinary task as task/final-status-outside-exit', () => {
    const p = pipeline({ name: 'status-outside' }, (_p, s) => void s.task(report, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/final-status-outside-exit', 'status-outside/report/inputs/status']]);
  });

  it('reports a final-status task ignoring upstream failure with two upstream tasks as task/final-status-upstream', () => {
    // GIVEN report.after(a).after(b).ignoreUpstreamFailure(): whose status would it get?
    const p = pipeline({ name: 'status-two-upstream' }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, {});
      s.task(report, {}).after(a).after(b).ignoreUpstreamFailure();
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/final-status-upstream', 'status-two-upstream/report']]);
  });

  it('reports a required input fed by an upstream output under ignoreUpstreamFailure as task/ignore-upstream-required-input', () => {
    const p = pipeline({ name: 'ignore-required' }, (_p, s) => {
      const a = s.task(echo, {});
      s.task(needs, { x: a.outputs.Output }).ignoreUpstreamFailure();
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/ignore-upstream-required-input', 'ignore-required/needs/inputs/x']]);
  });
});

describe('oneOf()', () => {
  it('reports a oneOf() value inside a str`` template as task/one-of-nested', () => {
    const p = pipeline({ name: 'one-of-template', inputs: { go: z.string() } }, (p, s) => {
      const [a, b] = ifElse(s, p.go, (s) => s.task(echo, {}).outputs.Output);
      s.task(echo, { x: str`${s.oneOf(a!, b!)}!` as any });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/one-of-nested', 'one-of-template/echo-3/inputs/x']]);
  });

  it('reports a oneOf() over an If/Elif chain without an Else as graph/invalid-one-of', () => {
    const p = pipeline({ name: 'one-of-no-else', inputs: { go: z.string() } }, (p, s) => {
      const out: any[] = [];
      s.if(eq(p.go, 'y'), (s) => void out.push(s.task(echo, {}).outputs.Output)).elif(eq(p.go, 'n'), (s) => void out.push(s.task(echo, {}).outputs.Output));
      s.task(echo, { x: s.oneOf(out[0], out[1]) });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/invalid-one-of', 'one-of-no-else/echo-3/inputs/x']]);
  });

  it('reports a oneOf() over outputs of tasks outside any branch as graph/invalid-one-of', () => {
    const p = pipeline({ name: 'one-of-root' }, (_p, s) => {
      const a = s.task(echo, {});
      const b = s.task(echo, {});
      s.task(echo, { x: s.oneOf(a.outputs.Output, b.outputs.Output) });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/invalid-one-of', 'one-of-root/echo-3/inputs/x']]);
  });

  it('reports a oneOf() mixing a parameter and an artifact as dsl/invalid-one-of', () => {
    const p = pipeline({ name: 'one-of-mix', inputs: { go: z.string() } }, (p, s) => {
      const [a, b] = ifElse(s, p.go, (s) => s.task(make, {}));
      s.task(make, { n: s.oneOf(a!.outputs.score as any, b!.outputs.data as any) as any });
    });
    expect(codesAndPaths(compileErrors(p))[0]).toEqual(['dsl/invalid-one-of', 'one-of-mix/oneOf #1']);
  });

  it('reports a oneOf() over branches of different parameter types (String, Integer) as dsl/invalid-one-of, as kfp does', () => {
    // GIVEN kfp's `dsl.OneOf(str_task.output, int_task.output)`: kfp raises "Task outputs passed
    // to dsl.OneOf must be the same type"
    const p = pipeline({ name: 'one-of-types', inputs: { go: z.string() } }, (p, s) => {
      const out: any[] = [];
      s.if(eq(p.go, 'y'), (s) => void out.push(s.task(echo, {}).outputs.Output)).else((s) => void out.push(s.task(num, {}).outputs.Output));
      s.task(echo, { x: s.oneOf(out[0], out[1]) });
    });
    // WHEN compiled  THEN refused at the oneOf
    expect(codesAndPaths(compileErrors(p))).toEqual([['dsl/invalid-one-of', 'one-of-types/oneOf #1']]);
  });
});

describe('loops and collected()', () => {
  it('reports collected() of a task outside any loop as graph/invalid-collected', () => {
    const p = pipeline({ name: 'collected-outside' }, (_p, s) => {
      const a = s.task(echo, {});
      s.task(total, { xs: collected(a.outputs.Output) as any });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/invalid-collected', 'collected-outside/total/inputs/xs']]);
  });

  it('reports collected() from a loop inside a condition the consumer is outside of as graph/invalid-collected', () => {
    const p = pipeline({ name: 'collected-condition', inputs: { go: z.string() } }, (p, s) => {
      let inLoop: any;
      s.if(eq(p.go, 'y'), (s) => {
        inLoop = s.parallelFor(['a', 'b'], (x, s) => s.task(echo, { x }));
      });
      s.task(total, { xs: collected(inLoop.outputs.Output) });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/invalid-collected', 'collected-condition/total/inputs/xs']]);
  });

  it('reports a loop over an empty list as dsl/empty-loop', () => {
    const p = pipeline({ name: 'empty-loop' }, (_p, s) => void s.parallelFor([], (_x, s) => void s.task(echo, {})));
    expect(codesAndPaths(compileErrors(p))).toEqual([['dsl/empty-loop', 'empty-loop/for-loop-2']]);
  });

  it('reports a negative or fractional parallelism as dsl/invalid-parallelism', () => {
    for (const parallelism of [-1, 1.5]) {
      const p = pipeline({ name: 'parallelism' }, (_p, s) => void s.parallelFor([1], (_x, s) => void s.task(echo, {}), { parallelism }));
      expect(codesAndPaths(compileErrors(p)), String(parallelism)).toEqual([['dsl/invalid-parallelism', 'parallelism/for-loop-2']]);
    }
    // and accepts 0 (unlimited)
    compileOk(pipeline({ name: 'parallelism' }, (_p, s) => void s.parallelFor([1], (_x, s) => void s.task(echo, {}), { parallelism: 0 })));
  });

  it('reports a loop item used outside its loop (kfp refuses it)', () => {
    // GIVEN the item of a loop, captured and passed to a task after the loop
    const p = pipeline({ name: 'item-outside' }, (_p, s) => {
      let item: any;
      s.parallelFor(['a', 'b'], (x, s) => {
        item = x;
        s.task(echo, { x });
      });
      s.task(echo, { x: item });
    });
    // WHEN compiled  THEN the argument of the task outside the loop is refused
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/loop-item-outside-loop', 'item-outside/echo-2/inputs/x']]);
  });
});

describe('conditions and exit handlers', () => {
  it('reports a condition on a list output as condition/non-primitive', () => {
    const lister = pythonComponent({ name: 'lister', source: { code: 'def lister() -> List[str]:\n    return []\n' }, outputs: { Output: z.array(z.string()) } });
    const p = pipeline({ name: 'cond-list' }, (_p, s) => {
      const l = s.task(lister, {});
      s.if(eq(l.outputs.Output as any, 'x'), (s) => void s.task(echo, {}));
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['condition/non-primitive', 'cond-list/condition-1']]);
  });

  it('reports an exit task that runs after a task inside its handler as graph/cross-group-dependency', () => {
    const p = pipeline({ name: 'exit-after-inside' }, (_p, s) => {
      const exit = s.task(echo, {});
      s.exitHandler(exit, (s) => void exit.after(s.task(echo, {})));
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/cross-group-dependency', 'exit-after-inside/echo']]);
  });

  it('reports an exit task fed by another task (kfp: "exit_task cannot depend on any other tasks")', () => {
    const p = pipeline({ name: 'exit-with-input' }, (_p, s) => {
      const a = s.task(echo, {});
      const exit = s.task(echo, { x: a.outputs.Output });
      s.exitHandler(exit, (s) => void s.task(echo, {}));
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['graph/exit-task-dependency', 'exit-with-input/echo-2']]);
  });
});

describe('Kubernetes references', () => {
  it('reports a Kubernetes setting using an output of a task from another pipeline as kubernetes/unreachable-reference, once', () => {
    // GIVEN a PVC name taken from a task of another pipeline's body
    let foreign: any;
    pipeline({ name: 'other' }, (_p, s) => void (foreign = s.task(echo, {}))).build();
    const p = pipeline({ name: 'k8s-foreign' }, (_p, s) => {
      kubernetes.mountPvc(s.task(echo, {}), { pvcName: foreign.outputs.Output, mountPath: '/data' });
    });
    const ds = compileErrors(p);
    expect(codesAndPaths(ds)).toEqual([['kubernetes/unreachable-reference', 'k8s-foreign/echo']]);
    // THEN the message names the output, says whose it is, and what to pass instead
    expect(ds[0]!.message).toBe(
      "the Kubernetes setting uses output 'Output' of a task of another pipeline; pass a value this task can reach (a pipeline input or an output of a task in this pipeline)",
    );
  });

  it('reports a bad argument to a helper called in a pipeline body as kubernetes/invalid-argument', () => {
    const p = pipeline({ name: 'k8s-bad' }, (_p, s) => void kubernetes.setTimeout(s.task(echo, {}), -5));
    const ds = compileErrors(p);
    expect(codesAndPaths(ds)).toEqual([['kubernetes/invalid-argument', 'k8s-bad/echo/kubernetes/setTimeout/seconds']]);
  });
});

describe('declarations and bodies kfp refuses', () => {
  const Thing = artifactType('acme.Thing', '0.0.1');

  it('reports a pipeline whose body adds no task as pipeline/no-tasks', () => {
    expect(codesAndPaths(compileErrors(pipeline({ name: 'empty' }, () => {})))).toEqual([['pipeline/no-tasks', 'empty']]);
  });

  it('reports pipeline inputs kfp cannot type as pipeline/invalid-input and pipeline/invalid-artifact-type', () => {
    // GIVEN (plain JavaScript) a zod schema with no KFP type, and an artifact type outside system/google
    const p = pipeline({ name: 'bad-inputs', inputs: { when: z.date() as never, thing: input(Thing) } }, (_p, s) => void s.task(echo, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['pipeline/invalid-input', 'bad-inputs/inputs/when'],
      ['pipeline/invalid-artifact-type', 'bad-inputs/inputs/thing'],
    ]);
  });

  it('reports a default given to an artifact input through pipelineParameters as pipeline/parameter-kind', () => {
    const p = pipeline({ name: 'art-default', inputs: { data: input(Dataset) } }, (_p, s) => void s.task(echo, {}));
    expect(codesAndPaths(compileErrors(p, { pipelineParameters: { data: 'gs://b/d' } }))).toEqual([['pipeline/parameter-kind', 'art-default/inputs/data']]);
  });

  it('reports a pipeline output that is not a task output as pipeline/invalid-output', () => {
    // GIVEN (plain JavaScript) a body returning a constant for its declared output
    const p = pipeline({ name: 'const-out', outputs: { out: z.string() } }, (_p, s) => {
      s.task(echo, {});
      return { out: 'constant' } as never;
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['pipeline/invalid-output', 'const-out/outputs/out']]);
  });

  it('reports component inputs and outputs kfp cannot type as component/invalid-input and component/invalid-output', () => {
    const odd = containerComponent({ name: 'odd', inputs: { when: z.date() as never }, outputs: { at: z.date() as never }, implementation: () => ({ image: 'alpine' }) });
    const p = pipeline({ name: 'odd-component' }, (_p, s) => void s.task(odd, { when: 'now' } as never));
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['component/invalid-input', 'odd-component/odd/component/inputs/when'],
      ['component/invalid-output', 'odd-component/odd/component/outputs/at'],
    ]);
  });

  it('reports an exit task created outside the scope of its handler as dsl/exit-task-scope, at the task', () => {
    const p = pipeline({ name: 'exit-scope', inputs: { go: z.string() } }, (p, s) => {
      const cleanup = s.task(echo, { x: 'bye' });
      s.if(eq(p.go, 'y'), (s) => s.exitHandler(cleanup, (s) => void s.task(echo, {})));
    });
    // (The misplaced task sits in two places of the tree, so it gets two names; the path names one of them.)
    expect(codesAndPaths(compileErrors(p))).toContainEqual(['dsl/exit-task-scope', expect.stringMatching(/^exit-scope\/echo(-2)?$/)]);
  });

  it('reports a retry backoff that is not a duration as task/invalid-retry, at the field', () => {
    const p = pipeline({ name: 'retry' }, (_p, s) => void s.task(echo, {}).withRetry({ maxRetryCount: 2, backoffDuration: 'soon' }));
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/invalid-retry', 'retry/echo/retry/backoffDuration']]);
  });
});

describe('Python sources and embedded files the compiler was not given', () => {
  it('reports a source file whose text was not passed in options.sources as python/source-missing', () => {
    const fromFile = pythonComponent({ name: 'from_file', source: new URL('file:///nowhere/from_file.py') });
    const p = pipeline({ name: 'no-sources' }, (_p, s) => void s.task(fromFile, {}));
    expect(codesAndPaths(compileErrors(p))).toEqual([['python/source-missing', 'no-sources/from-file/component/from_file']]);
  });

  it('reports an embedded path that is neither a file nor a directory as python/embedded-unsupported', () => {
    const embeds = pythonComponent({ name: 'embeds', source: { code: 'def embeds():\n    pass\n' }, embeddedArtifact: '/dev/fifo' });
    const p = pipeline({ name: 'odd-embed' }, (_p, s) => void s.task(embeds, {}));
    expect(codesAndPaths(compileErrors(p, { embedded: new Map([['/dev/fifo', { kind: 'other' }]]) }))).toEqual([
      ['python/embedded-unsupported', 'odd-embed/embeds/component/embeds'],
    ]);
  });
});
