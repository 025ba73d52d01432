/**
 * pipelineOfComponent as kfp's single-component compile (`ComponentSpec.to_pipeline_spec`): the
 * root is the component's own spec, so a Python docstring's descriptions are on the root's inputs
 * and outputs too — unlike a pipeline written around the component, whose root has none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model, PipelineTaskFinalStatus, componentFromIrYaml, containerComponent, output, pipeline, pipelineOfComponent, pythonComponent, z } from '../../src/index.ts';
import { loadIr } from '../support/yaml-compare.ts';
import { codesAndPaths, compileErrors, compileOk } from './support.ts';

const fixture = (name: string): string => readFileSync(new URL(`../cross/fixtures/${name}`, import.meta.url), 'utf8');

const documented = pythonComponent({
  name: 'scale',
  source: {
    code: 'def scale(x: float, factor: float = 2.0) -> float:\n    """Scales.\n\n    Args:\n        x: The value.\n        factor: How much.\n\n    Returns:\n        Output: The scaled value.\n    """\n    return x * factor\n',
  },
  inputs: { x: z.number(), factor: z.number().default(2.0) },
  outputs: { Output: z.number() },
});

describe('pipelineOfComponent', () => {
  it('GIVEN a Python component with a docstring WHEN compiled alone THEN the root carries its descriptions, as kfp', () => {
    const spec = compileOk(pipelineOfComponent(documented));
    expect(spec.root.inputDefinitions.parameters.x).toEqual({ description: 'The value.', parameterType: 'NUMBER_DOUBLE' });
    expect(spec.root.inputDefinitions.parameters.factor).toEqual({ defaultValue: 2, description: 'How much.', isOptional: true, parameterType: 'NUMBER_DOUBLE' });
    expect(spec.root.outputDefinitions.parameters.Output).toEqual({ description: 'The scaled value.', parameterType: 'NUMBER_DOUBLE' });
    // and the component's own spec is the same interface
    expect(spec.components['comp-scale'].inputDefinitions).toEqual(spec.root.inputDefinitions);
    expect(spec.pipelineInfo).toEqual({ name: 'scale' });
  });

  it('GIVEN the same component in a pipeline written around it WHEN compiled THEN the root has no descriptions', () => {
    const around = pipeline({ name: 'scale', inputs: { x: z.number() }, outputs: { Output: z.number() } }, (p, s) => {
      return { Output: s.task(documented, { x: p.x }).outputs.Output };
    });
    const spec = compileOk(around);
    expect(spec.root.inputDefinitions.parameters.x).toEqual({ parameterType: 'NUMBER_DOUBLE' });
    expect(spec.components['comp-scale'].inputDefinitions.parameters.x.description).toBe('The value.');
  });

  it('GIVEN a component with a PipelineTaskFinalStatus input WHEN compiled alone THEN the status is a plain pipeline input (kfp: is_compiled_component)', () => {
    const report = containerComponent({
      name: 'report',
      inputs: { status: PipelineTaskFinalStatus },
      implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.status] }),
    });
    const spec = compileOk(pipelineOfComponent(report));
    expect(spec.root.inputDefinitions.parameters.status).toEqual({ isOptional: true, parameterType: 'TASK_FINAL_STATUS' });
    expect(spec.root.dag.tasks.report.inputs.parameters.status).toEqual({ componentInputParameter: 'status' });
    expect(spec.root.dag.tasks.report.triggerPolicy).toBeUndefined();
  });

  it('GIVEN the handle WHEN built twice THEN the same frozen node comes back, marked as a component compile', () => {
    const p = pipelineOfComponent(documented);
    expect(p.build()).toBe(p.build());
    expect(p.build().ofComponent).toBe(true);
    expect(Object.isFrozen(p.build())).toBe(true);
  });
});

describe('pipelineOfComponent of a component loaded from IR', () => {
  it('GIVEN a loaded pipeline WHEN compiled alone THEN its PipelineSpec comes back as loaded (kfp: YamlComponent.pipeline_spec), not wrapped', () => {
    const text = fixture('loaded_prepare_and_train.yaml');
    const loaded = componentFromIrYaml(text);
    const spec = compileOk(pipelineOfComponent(loaded));
    // the file's first document, read by the test's own YAML reader rather than by the loader under test
    expect(spec).toEqual(loadIr(text)[0]);
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(['make-data', 'train-model']);
    expect(spec.components['comp-prepare-and-train']).toBeUndefined();
  });

  it('GIVEN pipeline parameters WHEN a loaded pipeline is compiled alone THEN they fill root defaults (as kfp: no isOptional added) and the loaded document is not changed', () => {
    const loaded = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));
    const before = JSON.stringify((loaded.node.implementation as { pipelineSpec: unknown }).pipelineSpec);
    const spec = compileOk(pipelineOfComponent(loaded), { pipelineParameters: { rows: 20 } });
    expect(spec.root.inputDefinitions.parameters.rows.defaultValue).toBe(20);
    expect(JSON.stringify((loaded.node.implementation as { pipelineSpec: unknown }).pipelineSpec)).toBe(before);
    // an unknown parameter is refused, as kfp ("does not match any known pipeline input")
    expect(codesAndPaths(compileErrors(pipelineOfComponent(loaded), { pipelineParameters: { nope: 1 } })).map(([c]) => c)).toEqual(['pipeline/unknown-parameter']);
  });
});

describe('pipelineOfComponent used inside another pipeline', () => {
  it('GIVEN it as a task of an outer pipeline THEN it compiles as an ordinary one-task pipeline, the same as one written around the component', () => {
    // GIVEN a pipeline loaded from IR, wrapped once by pipelineOfComponent and once by hand
    const loaded = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));
    const byHand = pipeline(
      {
        name: 'prepare-and-train',
        inputs: { epochs: z.int().default(2), rows: z.int().default(10) },
        outputs: { model: output(Model), score: z.number() },
      },
      (p, s) => {
        const t = s.task(loaded, { epochs: p.epochs, rows: p.rows } as never);
        return { model: t.outputs.model, score: t.outputs.score } as never;
      },
    );
    const outer = (inner: typeof byHand) =>
      pipeline({ name: 'outer' }, (_p, s) => {
        s.task(inner, { epochs: 3 } as never);
      });
    // WHEN both outer pipelines are compiled
    // THEN they are the same IR (the root-only shortcut for a loaded pipeline is not taken inside)
    expect(compileOk(outer(pipelineOfComponent(loaded) as never))).toEqual(compileOk(outer(byHand)));
  });
});
