/**
 * Lowering details kfp fixes and the goldens show: how a component's inputs read in the IR
 * (kfp 2.17.3's `pipeline_with_task_final_status.yaml` marks a PipelineTaskFinalStatus input
 * optional), where pipeline parameters put a default, and the file a diagnostic names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineTaskFinalStatus, componentFromIrYaml, eq, pipeline, pipelineOfComponent, pythonComponent, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { codesAndPaths, compileErrors, compileOk, echo } from './support.ts';

const fixture = (name: string): string => readFileSync(new URL(`../cross/fixtures/${name}`, import.meta.url), 'utf8');

describe('component input definitions', () => {
  it('marks a PipelineTaskFinalStatus input optional, without a default, as kfp does', () => {
    const report = pythonComponent({
      name: 'report',
      source: { code: 'def report(user_input: str, status: PipelineTaskFinalStatus):\n    print(status)\n' },
      inputs: { user_input: z.string(), status: PipelineTaskFinalStatus },
    });
    const spec = compileOk(
      pipeline({ name: 'final', inputs: { m: z.string() } }, (p, s) => {
        s.exitHandler(s.task(report, { user_input: p.m }), (s) => void s.task(echo, {}));
      }),
    );
    expect(spec.components['comp-report'].inputDefinitions.parameters).toEqual({
      status: { isOptional: true, parameterType: 'TASK_FINAL_STATUS' },
      user_input: { parameterType: 'STRING' },
    });
  });

  it('writes an optional input without a default as isOptional only, and a default only for an optional input', () => {
    const opt = pythonComponent({
      name: 'opt',
      source: { code: "def opt(a: str, b: Optional[str] = None, c: str = 'x'):\n    print(a, b, c)\n" },
      inputs: { a: z.string(), b: z.string().optional(), c: z.string().default('x') },
    });
    const spec = compileOk(pipeline({ name: 'opts', inputs: { a: z.string() } }, (p, s) => void s.task(opt, { a: p.a })));
    expect(spec.components['comp-opt'].inputDefinitions.parameters).toEqual({
      a: { parameterType: 'STRING' },
      b: { isOptional: true, parameterType: 'STRING' },
      c: { defaultValue: 'x', isOptional: true, parameterType: 'STRING' },
    });
  });

  it('fills pipeline parameters as root defaults: a required input gets a default without isOptional, an optional one its new default', () => {
    const p = pipeline({ name: 'params', inputs: { a: z.string(), b: z.string().default('old'), c: z.string().default('keep') } }, (p, s) => {
      s.task(echo, { x: p.a });
      s.task(echo, { x: p.b });
      s.task(echo, { x: p.c });
    });
    const spec = compileOk(p, { pipelineParameters: { a: 'given', b: 'new' } });
    expect(spec.root.inputDefinitions.parameters).toEqual({
      a: { defaultValue: 'given', parameterType: 'STRING' },
      b: { defaultValue: 'new', isOptional: true, parameterType: 'STRING' },
      c: { defaultValue: 'keep', isOptional: true, parameterType: 'STRING' },
    });
    // without them, a required input has no default
    expect(compileOk(p).root.inputDefinitions.parameters.a).toEqual({ parameterType: 'STRING' });
  });
});

describe('the file a diagnostic names', () => {
  const bad = () => pipeline({ name: 'Bad' }, (_p, s) => void s.task(echo, {}));

  it('is the compiled file when one is given, and absent otherwise', () => {
    const withFile = compilePipeline(bad().build(), { file: 'train.ts' });
    expect(withFile.diagnostics.map((d) => [d.code, d.file])).toEqual([['pipeline/invalid-name', 'train.ts']]);
    const without = compilePipeline(bad().build());
    expect(without.diagnostics.map((d) => d.code)).toEqual(['pipeline/invalid-name']);
    expect('file' in without.diagnostics[0]!).toBe(false);
  });

  it('is the compiled file for a component loaded from IR and compiled alone', () => {
    const loaded = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));
    const withFile = compilePipeline(pipelineOfComponent(loaded).build(), { file: 'alone.ts', pipelineParameters: { nope: 1 } });
    expect(withFile.pipelineSpec).toBeUndefined();
    expect(withFile.diagnostics.map((d) => [d.code, d.file])).toEqual([['pipeline/unknown-parameter', 'alone.ts']]);
    const without = compilePipeline(pipelineOfComponent(loaded).build(), { pipelineParameters: { nope: 1 } });
    expect('file' in without.diagnostics[0]!).toBe(false);
  });
});

describe('the sdkVersion a PipelineSpec carries', () => {
  it('is kfp-ts unless the caller names another', () => {
    const p = pipeline({ name: 'ver' }, (_p, s) => void s.task(echo, {}));
    expect(compileOk(p).sdkVersion).toBe('kfp-ts');
    expect(compileOk(p, { sdkVersion: 'kfp-2.17.3' }).sdkVersion).toBe('kfp-2.17.3');
  });
});

describe('dependencies across groups', () => {
  it('refuses a task outside an If/Else chain that uses an output of a task in one of its branches', () => {
    const p = pipeline({ name: 'from-branch', inputs: { go: z.string() } }, (p, s) => {
      let inner: any;
      s.if(eq(p.go, 'y'), (s) => void (inner = s.task(echo, {}))).else((s) => void s.task(echo, {}));
      s.task(echo, { x: inner.outputs.Output });
    });
    const ds = compileErrors(p);
    expect(codesAndPaths(ds)).toEqual([['graph/cross-group-dependency', 'from-branch/echo-3']]);
    expect(ds[0]!.message).toContain('which runs inside condition-branches-1;');
  });

  it('lets a task run .after() a task inside a loop (no data crosses), depending on the loop', () => {
    const p = pipeline({ name: 'after-loop' }, (_p, s) => {
      let inner: any;
      s.parallelFor([1, 2], (_x, s) => void (inner = s.task(echo, {})));
      s.task(echo, {}).after(inner);
    });
    expect(compileOk(p).root.dag.tasks['echo-2'].dependentTasks).toEqual(['for-loop-2']);
  });

  it('makes a task depend on the producer of a channel used as an argument even when a resource uses it too', () => {
    const p = pipeline({ name: 'res-and-arg' }, (_p, s) => {
      const a = s.task(echo, { x: '1' });
      s.task(echo, { x: a.outputs.Output }).withResources({ cpuLimit: a.outputs.Output as any });
    });
    expect(compileOk(p).root.dag.tasks['echo-2'].dependentTasks).toEqual(['echo']);
  });
});

describe('literal loop items', () => {
  it('writes them as json.dumps(items, sort_keys=True), as kfp does', () => {
    const p = pipeline({ name: 'sorted-items' }, (_p, s) => void s.parallelFor([{ b: 1, a: 'x' }], (_x, s) => void s.task(echo, {})));
    expect(compileOk(p).root.dag.tasks['for-loop-2'].parameterIterator.items.raw).toBe('[{"a": "x", "b": 1}]');
  });
});
