/**
 * What the compiler's diagnostics say: each message names what is wrong, where (pipeline, task,
 * input) and how to fix it, and any value it suggests is the right one. The code and path of each
 * are asserted too; the tests that only check codes and paths live beside the checks' own tests.
 */
import { describe, expect, it } from 'vitest';
import { Dataset, Model, containerComponent, input, kubernetes, output, pipeline, pythonComponent, z } from '../../src/index.ts';
import { artifactChannel } from '../../src/dsl/channels.ts';
import type { PipelineConfigOptions } from '../../src/dsl/kubernetes-settings.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { codesAndPaths, compileErrors, compileOk, echo, fit, make } from './support.ts';

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
