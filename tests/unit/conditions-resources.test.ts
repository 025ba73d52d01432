/**
 * CEL condition text (lower-condition.ts) and container resources (lower-resources.ts), both
 * through compilePipeline. Expected values are what kfp 2.17.3 wrote for the same Python pipeline
 * (kept here verbatim).
 */
import { describe, expect, it } from 'vitest';
import { eq, ge, gt, le, lt, ne, pipeline, z } from '../../src/index.ts';
import type { ResourcesConfig } from '../../src/dsl/task-config.ts';
import { codesAndPaths, compileErrors, compileOk, echo, type Json } from './support.ts';

/** Every condition in the spec, by group task name (walks nested DAGs). */
function conditionsOf(spec: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dag: Json) => {
    for (const [name, t] of Object.entries<Json>(dag.tasks)) {
      if (t.triggerPolicy?.condition !== undefined) out[name] = t.triggerPolicy.condition;
      const comp = spec.components[t.componentRef.name];
      if (comp.dag) walk(comp.dag);
    }
  };
  walk(spec.root.dag);
  return out;
}

describe('CEL conditions', () => {
  it('writes the text kfp writes: int() around integers, double() to mix numbers, quoted strings, negated chains', () => {
    // GIVEN the TypeScript twin of a kfp pipeline with one condition of each shape
    //   (kfp: `with dsl.If(n == 1)`, `dsl.If(name != 'x')`, … `dsl.If(n == 3) / Elif(name == 'z') / Else()`)
    const p = pipeline(
      {
        name: 'conds',
        inputs: { n: z.int().default(1), name: z.string().default('a'), ratio: z.number().default(0.5), on: z.boolean().default(true) },
      },
      (p, s) => {
        const t = s.task(echo, { x: p.name });
        s.if(eq(p.n, 1), (s) => void s.task(echo, { x: 'a' }));
        s.if(ne(p.name, 'x'), (s) => void s.task(echo, { x: 'b' }));
        s.if(gt(p.ratio, 0.5), (s) => void s.task(echo, { x: 'c' }));
        s.if(ge(p.n, 2.5), (s) => void s.task(echo, { x: 'd' }));
        s.if(eq(p.on, true), (s) => void s.task(echo, { x: 'e' }));
        s.if(lt(p.n, p.ratio), (s) => void s.task(echo, { x: 'f' }));
        s.if(eq(t.outputs.Output, 'heads'), (s) => void s.task(echo, { x: 'g' }));
        s.if(eq(p.n, 3), (s) => void s.task(echo, { x: 'h' }))
          .elif(eq(p.name, 'z'), (s) => void s.task(echo, { x: 'i' }))
          .else((s) => void s.task(echo, { x: 'j' }));
        s.if(le(p.ratio, 1), (s) => void s.task(echo, { x: 'k' }));
        s.if(eq(p.name, "it's"), (s) => void s.task(echo, { x: 'l' }));
      },
    );
    // WHEN compiled
    const spec = compileOk(p);
    // THEN each group's condition is kfp's, and the groups are numbered as kfp numbers them
    const ch = (name: string) => `inputs.parameter_values['pipelinechannel--${name}']`;
    expect(conditionsOf(spec)).toEqual({
      'condition-1': `int(${ch('n')}) == 1`,
      'condition-2': `${ch('name')} != 'x'`,
      'condition-3': `${ch('ratio')} > 0.5`,
      'condition-4': `double(int(${ch('n')})) >= 2.5`,
      'condition-5': `${ch('on')} == true`,
      'condition-6': `double(int(${ch('n')})) < ${ch('ratio')}`,
      'condition-7': `${ch('echo-Output')} == 'heads'`,
      'condition-9': `int(${ch('n')}) == 3`,
      'condition-10': `!(int(${ch('n')}) == 3) && ${ch('name')} == 'z'`,
      'condition-11': `!(int(${ch('n')}) == 3) && !(${ch('name')} == 'z')`,
      'condition-12': `${ch('ratio')} <= double(1)`,
      'condition-13': `${ch('name')} == 'it's'`,
    });
  });

  it('uses a display name for the group task when one is given', () => {
    // GIVEN kfp's `dsl.If(n != 0, 'Named group')`
    const p = pipeline({ name: 'named', inputs: { n: z.int() } }, (p, s) => {
      s.if(ne(p.n, 0), (s) => void s.task(echo, {}), 'Named group');
    });
    const spec = compileOk(p);
    expect(spec.root.dag.tasks['condition-1'].taskInfo).toEqual({ name: 'Named group' });
    expect(spec.root.dag.tasks['condition-1'].triggerPolicy).toEqual({ condition: "int(inputs.parameter_values['pipelinechannel--n']) != 0" });
  });

  it('rejects a condition on a LIST or STRUCT value', () => {
    // GIVEN a condition built from plain JavaScript on a LIST parameter
    const p = pipeline({ name: 'bad-cond', inputs: { items: z.array(z.string()) } }, (p, s) => {
      s.if(eq(p.items as any, 'x'), (s) => void s.task(echo, {}));
    });
    // THEN the group's path carries the problem
    expect(codesAndPaths(compileErrors(p))).toEqual([['condition/non-primitive', 'bad-cond/condition-1']]);
  });
});

/** The resources of the only executor of a one-task pipeline. */
function resourcesOf(resources: ResourcesConfig): Json {
  const p = pipeline({ name: 'res' }, (_p, s) => {
    s.task(echo, { x: '1' }).withResources(resources);
  });
  return compileOk(p).deploymentSpec.executors['exec-echo'].container.resources;
}

describe('resources', () => {
  it("writes millicores and binary units as kfp does: '500m' → 0.5 cores, '8Gi' → 8.589934592 GB, beside the strings", () => {
    // GIVEN kfp's `.set_cpu_limit('500m').set_memory_limit('8Gi').set_cpu_request('2').set_memory_request('512Mi')`
    expect(resourcesOf({ cpuLimit: '500m', memoryLimit: '8Gi', cpuRequest: '2', memoryRequest: '512Mi' })).toEqual({
      cpuLimit: 0.5,
      cpuRequest: 2.0,
      memoryLimit: 8.589934592,
      memoryRequest: 0.536870912,
      resourceCpuLimit: '500m',
      resourceCpuRequest: '2',
      resourceMemoryLimit: '8Gi',
      resourceMemoryRequest: '512Mi',
    });
  });

  it("writes decimal cores and decimal or unit-less memory: '0.5', '1G' → 1.0, '1000' → 1e-06", () => {
    expect(resourcesOf({ cpuLimit: '0.5', memoryLimit: '1G', memoryRequest: '1000' })).toEqual({
      cpuLimit: 0.5,
      memoryLimit: 1.0,
      memoryRequest: 1e-6,
      resourceCpuLimit: '0.5',
      resourceMemoryLimit: '1G',
      resourceMemoryRequest: '1000',
    });
  });

  it('writes the accelerator with the old and new fields (int64 count as a string, as kfp writes it)', () => {
    // kfp: `.set_accelerator_type('nvidia.com/gpu').set_accelerator_limit(2)`
    expect(resourcesOf({ acceleratorType: 'nvidia.com/gpu', acceleratorCount: 2 })).toEqual({
      accelerator: { count: '2', resourceCount: '2', resourceType: 'nvidia.com/gpu', type: 'nvidia.com/gpu' },
    });
  });

  it('counts one accelerator when only the type is given', () => {
    // kfp: `.set_accelerator_type('nvidia.com/gpu')`
    expect(resourcesOf({ acceleratorType: 'nvidia.com/gpu' }).accelerator.resourceCount).toBe('1');
  });

  it('rejects every quantity kfp rejects, each as task/invalid-resource at the task path', () => {
    // GIVEN the values kfp's set_cpu_limit / set_memory_limit raise ValueError for
    for (const bad of ['500x', '1.5Gi', '-1', 'abc', '1e3']) {
      const cpu = pipeline({ name: 'bad-cpu' }, (_p, s) => void s.task(echo, { x: '1' }).withResources({ cpuLimit: bad }));
      const mem = pipeline({ name: 'bad-mem' }, (_p, s) => void s.task(echo, { x: '1' }).withResources({ memoryRequest: bad }));
      // THEN each is reported, with the task's path
      expect(codesAndPaths(compileErrors(cpu)), `cpu ${bad}`).toEqual([['task/invalid-resource', 'bad-cpu/echo']]);
      expect(codesAndPaths(compileErrors(mem)), `memory ${bad}`).toEqual([['task/invalid-resource', 'bad-mem/echo']]);
    }
  });

  it('rejects a fractional or negative accelerator count', () => {
    const p = pipeline({ name: 'bad-acc' }, (_p, s) => void s.task(echo, {}).withResources({ acceleratorType: 'gpu', acceleratorCount: '1.5' }));
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/invalid-resource', 'bad-acc/echo']]);
  });

  it('reports every invalid quantity of a task, not only the first', () => {
    const p = pipeline({ name: 'bad-all' }, (_p, s) => void s.task(echo, {}).withResources({ cpuLimit: 'x', memoryLimit: 'y' }));
    expect(codesAndPaths(compileErrors(p))).toEqual([
      ['task/invalid-resource', 'bad-all/echo'],
      ['task/invalid-resource', 'bad-all/echo'],
    ]);
  });
});
