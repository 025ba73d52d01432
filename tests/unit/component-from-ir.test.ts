/**
 * Components loaded from compiled IR: the interface read back as kfp reads it, refusals of what is
 * not v2 IR, the argument checks that apply to them, and a component compiled on its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentFromIr, componentFromIrYaml, pipeline, pipelineOfComponent, z } from '../../src/index.ts';
import { codesAndPaths, compileErrors, compileOk, make } from './support.ts';

const fixture = (name: string): string => readFileSync(new URL(`../cross/fixtures/${name}`, import.meta.url), 'utf8');

describe('componentFromIr', () => {
  it('GIVEN a compiled container component WHEN loaded THEN its interface and container come back as kfp reads them', () => {
    const c = componentFromIrYaml(fixture('loaded_train_model.yaml'));
    expect(c.node.name).toBe('train-model');
    expect(Object.keys(c.node.interface.inputs)).toEqual(['epochs', 'rate', 'tag', 'data']);
    expect(c.node.interface.inputs.rate).toEqual({ kind: 'parameter', parameterType: 'NUMBER_DOUBLE', optional: true, defaultValue: 0.1 });
    expect(c.node.interface.inputs.tag).toEqual({ kind: 'parameter', parameterType: 'STRING', optional: true });
    expect(c.node.interface.outputs.model).toMatchObject({ kind: 'artifact', artifactType: { schemaTitle: 'system.Model' } });
    expect(c.node.implementation).toMatchObject({ kind: 'ir', container: { image: 'ghcr.io/acme/train:2.0' } });
  });

  it('GIVEN a compiled pipeline WHEN loaded THEN it is a pipeline (no container) with the root interface and its platform document', () => {
    const c = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));
    expect(c.node.implementation.kind).toBe('ir');
    expect('container' in c.node.implementation).toBe(false);
    expect('platformSpec' in c.node.implementation).toBe(true);
    expect(Object.keys(c.node.interface.outputs)).toEqual(['score', 'model']);
  });

  it('GIVEN documents that are not v2 IR WHEN loaded THEN the error says what is wrong', () => {
    expect(() => componentFromIr([{ name: 'x', implementation: { container: {} } }])).toThrow(/kfp v1 component/);
    expect(() => componentFromIr(['text'])).toThrow(/PipelineSpec mapping/);
    expect(() => componentFromIr([{ root: {} }])).toThrow(/pipelineInfo.name/);
  });

  it('GIVEN a loaded component WHEN a required input is missing or a type is wrong THEN the compiler refuses', () => {
    const train = componentFromIrYaml(fixture('loaded_train_model.yaml'));
    const missing = pipeline({ name: 'p' }, (_p, s) => {
      s.task(train, { epochs: 1 });
    });
    expect(codesAndPaths(compileErrors(missing)).map(([c]) => c)).toContain('task/missing-input');
    const wrong = pipeline({ name: 'p' }, (_p, s) => {
      const m = s.task(make, {});
      s.task(train, { data: m.outputs.data, epochs: m.outputs.score });
    });
    // kfp: "Argument type 'NUMBER_DOUBLE' is incompatible with the input type 'NUMBER_INTEGER'".
    expect(codesAndPaths(compileErrors(wrong))).toEqual([['task/type-mismatch', 'p/train-model/inputs/epochs']]);
  });
});

describe('pipelineOfComponent', () => {
  it('GIVEN a component WHEN compiled alone THEN the pipeline is named after it and passes every input through', () => {
    const spec = compileOk(pipelineOfComponent(make));
    expect(spec.pipelineInfo.name).toBe('make');
    expect(spec.root.dag.tasks.make.inputs.parameters.n).toEqual({ componentInputParameter: 'n' });
    expect(spec.root.dag.outputs.artifacts.data).toEqual({ artifactSelectors: [{ outputArtifactKey: 'data', producerSubtask: 'make' }] });
    expect(spec.root.inputDefinitions.parameters.n).toEqual({ defaultValue: 1, isOptional: true, parameterType: 'NUMBER_INTEGER' });
  });
  it('GIVEN a loaded pipeline WHEN used with an optional input left out THEN it compiles', () => {
    const whole = componentFromIrYaml(fixture('loaded_prepare_and_train.yaml'));
    const spec = compileOk(pipeline({ name: 'p', inputs: { r: z.int().optional() } }, (p, s) => void s.task(whole, { rows: p.r })));
    expect(spec.components['comp-prepare-and-train'].dag.tasks['make-data']).toBeDefined();
  });
});
