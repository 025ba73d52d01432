/**
 * A loop item's field inside a str`` template (kfp's `f"{item.a}"`). kfp 2.17.3 declares the field
 * as an input of the loop group but feeds it from an input that does not exist, so its IR fails at
 * run time; kfp-ts reads the field out of the item the DAG receives, as it does for a field given
 * directly as an argument.
 */
import { describe, expect, it } from 'vitest';
import { eq, itemField, pipeline, pythonComponent, str, z } from '../../src/index.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { codesAndPaths, compileOk, echo } from './support.ts';

const grid = pythonComponent({
  name: 'grid',
  source: { code: 'from typing import Dict, List\n\ndef grid() -> List[Dict[str, int]]:\n    return [{"depth": 1}]\n' },
  outputs: { Output: z.array(z.record(z.string(), z.int())) },
});

/** The IR passes kfp-ts's schema and reference checks (before the fix: ref/component-input). */
async function expectValid(p: Pipeline): Promise<void> {
  expect(codesAndPaths((await compileToYaml(p.build())).diagnostics)).toEqual([]);
}

const selectorOf = (field: string) => `parseJson(string_value)["${field}"]`;

describe('a loop item field inside a str`` template', () => {
  it('is read from the loop item with a selector, in the loop body', async () => {
    // GIVEN a loop over a LIST-of-dicts parameter whose body puts a field into a template
    const p = pipeline({ name: 'p', inputs: { jobs: z.array(z.record(z.string(), z.string())) } }, (p, s) => {
      s.parallelFor(p.jobs, (job, s) => void s.task(echo, { x: str`#${itemField(job, 'label')}` }));
    });
    // WHEN compiled
    const spec = compileOk(p);
    // THEN the task's injected input reads the field out of the item the loop DAG receives
    const params = spec.components['comp-for-loop-1'].dag.tasks.echo.inputs.parameters;
    expect(params.x.runtimeValue.constant).toBe("#{{$.inputs.parameters['pipelinechannel--jobs-loop-item-subvar-label']}}");
    expect(params['pipelinechannel--jobs-loop-item-subvar-label']).toEqual({
      componentInputParameter: 'pipelinechannel--jobs-loop-item',
      parameterExpressionSelector: selectorOf('label'),
    });
    expect(Object.keys(spec.components['comp-for-loop-1'].inputDefinitions.parameters).sort()).toEqual([
      'pipelinechannel--jobs',
      'pipelinechannel--jobs-loop-item',
    ]);
    await expectValid(p);
  });

  it('is read from the item in a nested loop over a task output and in a condition inside it', async () => {
    // GIVEN an outer literal loop, an inner loop over a task output, a field in a template in the
    // inner body and in a condition inside it
    const p = pipeline({ name: 'p' }, (_p, s) => {
      const g = s.task(grid, {});
      s.parallelFor([1, 2], (n, s) => {
        s.parallelFor(g.outputs.Output, (cell, s) => {
          s.task(echo, { x: str`${itemField(cell, 'depth')}/${n}` });
          s.if(eq(n, 1), (s) => void s.task(echo, { x: str`d=${itemField(cell, 'depth')}` }));
        });
      });
    });
    // WHEN compiled
    const spec = compileOk(p);
    // THEN both bodies read the field from the item, which the condition receives as a group input
    const fromItem = { componentInputParameter: 'pipelinechannel--grid-Output-loop-item', parameterExpressionSelector: selectorOf('depth') };
    const inner = spec.components['comp-for-loop-3'];
    expect(inner.dag.tasks.echo.inputs.parameters['pipelinechannel--grid-Output-loop-item-subvar-depth']).toEqual(fromItem);
    const cond = spec.components['comp-condition-4'];
    expect(cond.dag.tasks['echo-2'].inputs.parameters['pipelinechannel--grid-Output-loop-item-subvar-depth']).toEqual(fromItem);
    expect(Object.keys(cond.inputDefinitions.parameters)).toContain('pipelinechannel--grid-Output-loop-item');
    await expectValid(p);
  });
  it('is read from the item for a resource setting and a container image (kfp writes them as templates too)', async () => {
    // GIVEN a task in a loop whose CPU limit and image are fields of the item
    const p = pipeline({ name: 'p', inputs: { cfgs: z.array(z.object({ cpu: z.string(), image: z.string() })) } }, (p, s) => {
      s.parallelFor(p.cfgs, (c, s) => void s.task(echo, {}).withResources({ cpuLimit: itemField(c, 'cpu') }).withContainerImage(itemField(c, 'image')));
    });
    // WHEN compiled
    const params = compileOk(p).components['comp-for-loop-1'].dag.tasks.echo.inputs.parameters;
    // THEN both injected inputs read their field out of the loop item
    for (const field of ['cpu', 'image'])
      expect(params[`pipelinechannel--cfgs-loop-item-subvar-${field}`]).toEqual({
        componentInputParameter: 'pipelinechannel--cfgs-loop-item',
        parameterExpressionSelector: selectorOf(field),
      });
    await expectValid(p);
  });
});
