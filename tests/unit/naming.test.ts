/**
 * Names the compiler assigns: task names from component names (kfp's `maybe_rename_for_k8s`),
 * `-2`, `-3` suffixes in creation order, `comp-` / `exec-` names, and component names from
 * Python function names. Expected values are kfp 2.17.3's, kept verbatim.
 */
import { describe, expect, it } from 'vitest';
import { eq, pipeline, pythonComponent, z } from '../../src/index.ts';
import { componentNameFromFunctionName } from '../../src/dsl/component.ts';
import { k8sName } from '../../src/dsl/k8s-name.ts';
import { uniqueName } from '../../src/compiler/unique-name.ts';
import { compileOk } from './support.ts';

/** `def <fn>(x: str = '') -> str: return x`, as kfp's `@dsl.component` would see it. */
const passThrough = (fn: string) =>
  pythonComponent({
    name: fn,
    source: { code: `def ${fn}(x: str = '') -> str:\n    return x\n` },
    inputs: { x: z.string().default('') },
    outputs: { Output: z.string() },
  });

describe('k8sName (kfp maybe_rename_for_k8s)', () => {
  it('lower-cases, turns runs of other characters into one dash and trims dashes', () => {
    // GIVEN the names kfp was asked to rename  THEN the results are kfp's
    expect(['Train model', 'My__Comp  Name!', '--Hello--World--', 'ÄÖ x', 'a.b/c_d'].map(k8sName)).toEqual([
      'train-model',
      'my-comp-name',
      'hello-world',
      'x',
      'a-b-c-d',
    ]);
  });
});

describe('componentNameFromFunctionName (kfp _python_function_name_to_component_name)', () => {
  it('spaces out underscores, squeezes spaces, trims, and capitalises the first letter only', () => {
    expect(componentNameFromFunctionName('train_model')).toBe('Train model');
    expect(componentNameFromFunctionName('__my__func_')).toBe('My func');
    expect(componentNameFromFunctionName('Train__Model_')).toBe('Train Model');
    expect(componentNameFromFunctionName('ingestHTTP')).toBe('IngestHTTP');
  });
});

describe('uniqueName (kfp make_name_unique_by_adding_index)', () => {
  it('keeps a free name and otherwise adds the first free index from 2', () => {
    expect(uniqueName('a', new Set())).toBe('a');
    expect(uniqueName('a', new Set(['a']))).toBe('a-2');
    expect(uniqueName('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
    expect(uniqueName('a', new Set(['a', 'a-3']))).toBe('a-2');
  });
});

describe('task, component and executor names in a compiled pipeline', () => {
  it("names repeated components train, train-2 and a colliding 'train_2' train-2-2, as kfp does", () => {
    // GIVEN kfp's
    //   a = train(x='1'); train(x=a.output); train_2(x='3'); Train__Model_(x='4')
    const train = passThrough('train');
    const train2 = passThrough('train_2');
    const trainModel = passThrough('Train__Model_');
    const p = pipeline({ name: 'names' }, (_p, s) => {
      const a = s.task(train, { x: '1' });
      s.task(train, { x: a.outputs.Output });
      s.task(train2, { x: '3' });
      s.task(trainModel, { x: '4' });
    });
    // WHEN compiled
    const spec = compileOk(p);
    // THEN task, component and executor names are kfp's
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(['train', 'train-2', 'train-2-2', 'train-model']);
    expect(Object.keys(spec.components).sort()).toEqual(['comp-train', 'comp-train-2', 'comp-train-2-2', 'comp-train-model']);
    expect(Object.keys(spec.deploymentSpec.executors).sort()).toEqual(['exec-train', 'exec-train-2', 'exec-train-2-2', 'exec-train-model']);
    // and each task refers to its own component, each component to its own executor
    for (const [name, task] of Object.entries<any>(spec.root.dag.tasks)) {
      expect(task.componentRef.name).toBe(`comp-${name}`);
      expect(spec.components[`comp-${name}`].executorLabel).toBe(`exec-${name}`);
      expect(task.taskInfo.name).toBe(name);
    }
    // and a reference to the first task uses its name
    expect(spec.root.dag.tasks['train-2'].inputs.parameters.x).toEqual({
      taskOutputParameter: { outputParameterKey: 'Output', producerTask: 'train' },
    });
  });

  it('names tasks in creation order, whatever the nesting', () => {
    // GIVEN a task created inside a condition before one created after it at the root
    const echo = passThrough('echo');
    const p = pipeline({ name: 'order', inputs: { flag: z.string() } }, (p, s) => {
      s.task(echo, { x: 'root-1' });
      s.if(
        eq(p.flag, 'y'),
        (s) => void s.task(echo, { x: 'nested' }),
      );
      s.task(echo, { x: 'root-2' });
    });
    const spec = compileOk(p);
    // THEN the nested task is echo-2 and the later root task echo-3
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(['condition-1', 'echo', 'echo-3']);
    expect(Object.keys(spec.components['comp-condition-1'].dag.tasks)).toEqual(['echo-2']);
  });

  it('names by creation order, not tree order, a root task created inside a condition callback', () => {
    // GIVEN the root task 'b' created (through the outer scope) before the condition's own task 'a'
    const echo = passThrough('echo');
    const p = pipeline({ name: 'order', inputs: { flag: z.string() } }, (p, s) => {
      s.if(eq(p.flag, 'y'), (inner) => {
        s.task(echo, { x: 'b' });
        inner.task(echo, { x: 'a' });
      });
    });
    const spec = compileOk(p);
    // THEN 'b', created first, is echo, though the condition comes first in the tree
    expect(spec.root.dag.tasks.echo.inputs.parameters.x.runtimeValue.constant).toBe('b');
    expect(spec.components['comp-condition-1'].dag.tasks['echo-2'].inputs.parameters.x.runtimeValue.constant).toBe('a');
  });

  it('uses the display name only for taskInfo, never for the task key', () => {
    const echo = passThrough('echo');
    const p = pipeline({ name: 'display' }, (_p, s) => void s.task(echo, {}).withDisplayName('Say it'));
    const spec = compileOk(p);
    expect(spec.root.dag.tasks.echo.taskInfo).toEqual({ name: 'Say it' });
  });

  it("injects a task output into a group as pipelinechannel--<task>-<output>", () => {
    const echo = passThrough('echo');
    const p = pipeline({ name: 'channels' }, (_p, s) => {
      const a = s.task(echo, { x: 'a' });
      s.if(
        eq(a.outputs.Output, 'y'),
        (s) => void s.task(echo, { x: a.outputs.Output }),
      );
    });
    const spec = compileOk(p);
    expect(Object.keys(spec.components['comp-condition-1'].inputDefinitions.parameters)).toEqual(['pipelinechannel--echo-Output']);
    expect(spec.components['comp-condition-1'].dag.tasks['echo-2'].inputs.parameters.x).toEqual({
      componentInputParameter: 'pipelinechannel--echo-Output',
    });
  });
});

describe('group names (kfp: one counter for all groups, a prefix per kind)', () => {
  it('names exit handlers, loops, branch sets and conditions exit-handler-N, for-loop-N, condition-branches-N, condition-N', () => {
    // GIVEN kfp's
    //   with dsl.ExitHandler(cleanup()):
    //     with dsl.ParallelFor([1, 2]):
    //       with dsl.If(flag == 'y'): echo()
    //       with dsl.Else(): echo()
    const echo = passThrough('echo');
    const cleanup = passThrough('cleanup');
    const p = pipeline({ name: 'groups', inputs: { flag: z.string() } }, (p, s) => {
      const exit = s.task(cleanup, {});
      s.exitHandler(exit, (s) =>
        s.parallelFor([1, 2], (_n, s) =>
          s.if(eq(p.flag, 'y'), (s) => void s.task(echo, { x: 'a' })).else((s) => void s.task(echo, { x: 'b' })),
        ),
      );
    });
    const spec = compileOk(p);
    // THEN the group components carry the names kfp 2.17.3 gives this pipeline
    expect(Object.keys(spec.components).filter((k) => !k.startsWith('comp-echo') && k !== 'comp-cleanup').sort()).toEqual([
      'comp-condition-5',
      'comp-condition-6',
      'comp-condition-branches-4',
      'comp-exit-handler-1',
      'comp-for-loop-3',
    ]);
  });
});

describe('task names kfp-ts must not confuse', () => {
  it("names a component whose k8s name is empty 'task', and keeps suffix counters per base name", () => {
    // GIVEN a function named '_' (k8s name: empty), and 'x_2' (k8s: x-2) used twice after 'x'
    const bang = pythonComponent({ name: '_', source: { code: "def _(x: str = '') -> str:\n    return x\n" }, inputs: { x: z.string().default('') }, outputs: { Output: z.string() } });
    const x = passThrough('x');
    const x2 = passThrough('x_2');
    const p = pipeline({ name: 'odd' }, (_p, s) => {
      s.task(bang, {});
      s.task(x2, { x: '1' });
      s.task(x2, { x: '2' });
      s.task(x, { x: '3' });
    });
    // THEN 'task' (kfp 2.17.3 itself fails with an IndexError on the empty name), and kfp's
    // x-2 then x-2-2 (the suffix of the name x-2 itself is not a counter), x (checked with kfp 2.17.3)
    expect(Object.keys(compileOk(p).root.dag.tasks).sort()).toEqual(['task', 'x', 'x-2', 'x-2-2']);
  });
});
