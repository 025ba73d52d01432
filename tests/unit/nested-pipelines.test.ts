/**
 * Pipelines used as components: kfp's merge of the inner pipeline (renaming that cannot clash,
 * the inner documents left untouched for the next use) and its refusals.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { Dataset, collected, componentFromIr, kubernetes, output, pipeline, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { IrTables } from '../../src/compiler/ir-tables.ts';
import { mergeSubPipeline } from '../../src/compiler/merge-subpipeline.ts';
import { codesAndPaths, compileErrors, compileOk, echo, fit, make, type Json } from './support.ts';

const inner = pipeline({ name: 'inner', inputs: { x: z.string() }, outputs: { out: z.string() } }, (p, s) => {
  const e = s.task(echo, { x: p.x });
  return { out: e.outputs.Output };
});

describe('a pipeline used as a component', () => {
  it('GIVEN a pipeline task with kubernetes settings WHEN compiled THEN kfp’s refusal is a diagnostic on that task', () => {
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      kubernetes.addNodeSelector(s.task(inner, { x: 'a' }), { labelKey: 'disktype', labelValue: 'ssd' });
    });
    const ds = compileErrors(outer);
    expect(codesAndPaths(ds)).toEqual([['task/platform-on-pipeline', 'outer/inner']]);
    expect(ds[0]!.message).toContain('Platform-specific features can only be set on primitive components');
  });

  it('GIVEN an inner pipeline with an error WHEN the outer compiles THEN the error is reported under the task path', () => {
    const broken = pipeline({ name: 'broken' }, (_p, s) => {
      s.task(make, { n: 'not a number' as never });
    });
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      s.task(broken, {});
    });
    const ds = compilePipeline(outer.build()).diagnostics;
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => formatPath(d.path).startsWith('outer/broken/broken/'))).toBe(true);
  });

  it('GIVEN one pipeline used twice and a clashing outer task WHEN compiled THEN names get -2, -3 and the task outputs are wired', () => {
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      const a = s.task(inner, { x: 'a' });
      s.task(inner, { x: a.outputs.out });
      s.task(echo, { x: 'outer' });
    });
    const spec = compileOk(outer);
    expect(Object.keys(spec.components).sort()).toEqual(['comp-echo', 'comp-echo-2', 'comp-echo-3', 'comp-inner', 'comp-inner-2']);
    expect(Object.keys(spec.deploymentSpec.executors).sort()).toEqual(['exec-echo', 'exec-echo-2', 'exec-echo-3']);
    expect(spec.components['comp-inner-2'].dag.tasks.echo.componentRef.name).toBe('comp-echo-2');
    expect(spec.components['comp-echo-2'].executorLabel).toBe('exec-echo-2');
    expect(spec.root.dag.tasks['inner-2'].inputs.parameters.x).toEqual({ taskOutputParameter: { outputParameterKey: 'out', producerTask: 'inner' } });
  });
});

describe('mergeSubPipeline (kfp’s _merge_component_spec)', () => {
  it('GIVEN inner names that a rename would capture WHEN merged THEN references are renamed last-first and the input is unchanged', () => {
    // kfp walks the inner maps in protobuf map order, which changes between Python processes, so
    // for nested clashes like this one its own output varies. We walk them in the inner
    // pipeline's order: comp-a → comp-a-2, so the inner comp-a-2 → comp-a-2-2 (kfp suffixes the
    // whole name). Executors are renamed in place one after the other, so (as kfp does in this
    // order) both components end up on exec-a-2-2: the second rename catches the first's result.
    const sub: Json = {
      components: { 'comp-a': { executorLabel: 'exec-a' }, 'comp-a-2': { executorLabel: 'exec-a-2' } },
      deploymentSpec: { executors: { 'exec-a': { container: { image: 'one' } }, 'exec-a-2': { container: { image: 'two' } } } },
      root: { dag: { tasks: { a: { componentRef: { name: 'comp-a' } }, 'a-2': { componentRef: { name: 'comp-a-2' } } } } },
    };
    const before = structuredClone(sub);
    const target = new IrTables();
    target.defineComponent('comp-a', {});
    target.defineExecutor('exec-a', {});
    const merged = mergeSubPipeline(target, sub, undefined);
    expect(sub).toEqual(before);
    const root: Json = merged.root;
    expect(root.dag.tasks.a.componentRef.name).toBe('comp-a-2');
    expect(root.dag.tasks['a-2'].componentRef.name).toBe('comp-a-2-2');
    const components = Object.fromEntries(merged.components);
    expect(components['comp-a-2']).toEqual({ executorLabel: 'exec-a-2-2' });
    expect(components['comp-a-2-2']).toEqual({ executorLabel: 'exec-a-2-2' });
    const executors = Object.fromEntries(merged.executors);
    expect(executors['exec-a-2']).toEqual({ container: { image: 'one' } });
    expect(executors['exec-a-2-2']).toEqual({ container: { image: 'two' } });
  });
});

describe('pythonSourceFiles', () => {
  it('GIVEN a Python component only inside a nested pipeline WHEN listing sources THEN its file is listed', async () => {
    const { pythonComponent } = await import('../../src/index.ts');
    const { pythonSourceFiles } = await import('../../src/python/index.ts');
    const double = pythonComponent({ name: 'double', source: '/abs/work.py', inputs: { number: z.int() }, outputs: { Output: z.int() } });
    const mid = pipeline({ name: 'mid' }, (_p, s) => void s.task(double, { number: 1 }));
    const top = pipeline({ name: 'top' }, (_p, s) => void s.task(mid, {}));
    expect([...pythonSourceFiles(top.build()).keys()]).toEqual(['/abs/work.py']);
  });
});

describe('container settings on a pipeline task', () => {
  it('GIVEN withResources and withEnv on a pipeline task WHEN compiled THEN kfp’s refusal is a diagnostic naming both', () => {
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      s.task(inner, { x: 'a' }).withResources({ cpuLimit: '1' }).withEnv({ A: 'b' });
    });
    const ds = compileErrors(outer);
    expect(codesAndPaths(ds)).toEqual([['task/container-setting-on-pipeline', 'outer/inner']]);
    expect(ds[0]!.message).toContain('withResources, withEnv can only be used on single-step components');
  });
});

describe('a pipeline whose output is a list of artifacts', () => {
  // kfp refuses output lists of artifacts on Python and container components only.
  const makeAll = pipeline({ name: 'make-all', inputs: { ns: z.array(z.int()).default([1, 2]) }, outputs: { data: output(Dataset, { list: true }) } }, (p, s) => {
    const t = s.parallelFor(p.ns, (n, s) => s.task(make, { n }));
    return { data: collected(t.outputs.data) };
  });

  it('GIVEN it used as a component and its output iterated WHEN compiled THEN it compiles with an artifact iterator', () => {
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      const all = s.task(makeAll, {});
      s.parallelFor(all.outputs.data, (d, s) => void s.task(fit, { data: d, n: 1 }));
    });
    const spec = compileOk(outer);
    expect(spec.components['comp-make-all'].outputDefinitions.artifacts.data.isArtifactList).toBe(true);
    expect(spec.root.dag.tasks['for-loop-1'].artifactIterator.items).toEqual({ inputArtifact: 'pipelinechannel--make-all-data' });
  });

  it('GIVEN it compiled and loaded back from IR WHEN used as a component THEN it compiles too', () => {
    const loaded = componentFromIr([compileOk(makeAll)]);
    const outer = pipeline({ name: 'outer' }, (_p, s) => {
      const all = s.task(loaded, {});
      s.parallelFor(all.outputs.data as never, (d, s) => void s.task(fit, { data: d as never, n: 1 }));
    });
    expect(compileOk(outer).components['comp-make-all'].outputDefinitions.artifacts.data.isArtifactList).toBe(true);
  });
});
