/**
 * Tasks of one Python component share one reading of its function (python/resolve.ts): the
 * program and descriptions are the same for each, and a mismatch is reported once.
 */
import { describe, expect, it } from 'vitest';
import { pipeline, pythonComponent, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';

const FILE = '/virtual/train.py';

const train = pythonComponent({ name: 'train', source: FILE, inputs: { n_estimators: z.int() } });

function threeTasks() {
  return pipeline({ name: 'shared' }, (_p, s) => {
    for (const n of [1, 2, 3]) s.task(train, { n_estimators: n });
  }).build();
}

describe('resolving Python functions', () => {
  it('reports a signature mismatch once, at the first task of the component', () => {
    // GIVEN three tasks of a component whose function disagrees with its declaration
    // WHEN compiled
    const result = compilePipeline(threeTasks(), { sources: new Map([[FILE, 'def train(n_estimators: str):\n    pass\n']]) });
    // THEN one diagnostic, naming the first task
    expect(result.pipelineSpec).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['python/signature-mismatch', ['shared', 'train', 'component', 'train', 'n_estimators']]]);
  });

  it('embeds the same program and docstring descriptions in every task of the component', () => {
    // GIVEN three tasks of a component whose function has a docstring
    const source = 'def train(n_estimators: int):\n    """Trains.\n\n    Args:\n        n_estimators: How many trees.\n    """\n    print(n_estimators)\n';
    // WHEN compiled
    const { pipelineSpec, diagnostics } = compilePipeline(threeTasks(), { sources: new Map([[FILE, source]]) });
    expect(diagnostics).toEqual([]);
    // THEN three components, each with the description, and three executors with the function
    const spec = pipelineSpec as { components: Record<string, any>; deploymentSpec: { executors: Record<string, any> } };
    const components = Object.values(spec.components);
    expect(components).toHaveLength(3);
    for (const c of components) expect(c.inputDefinitions.parameters.n_estimators.description).toBe('How many trees.');
    const programs = Object.values(spec.deploymentSpec.executors).map((e) => e.container.command.at(-1) as string);
    expect(programs).toHaveLength(3);
    for (const p of programs) expect(p).toContain('def train(n_estimators: int):');
  });
});
