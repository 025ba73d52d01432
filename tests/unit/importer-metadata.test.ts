/**
 * Importer metadata with run-time keys (kfp's `metadata={task.output: ...}`): given as [key, value]
 * entries or a Map, lowered as kfp 2.17.3 lowers its dict (pipeline_with_dynamic_importer_metadata).
 */
import { describe, expect, it } from 'vitest';
import { Dataset, pipeline, runtime, str, z } from '../../src/index.ts';
import type { ImporterMetadataKey, ImporterMetadataValue } from '../../src/index.ts';
import { compileOk, echo, type Json } from './support.ts';

function importerOf(spec: Json, exec = 'exec-importer'): Json {
  return spec.deploymentSpec.executors[exec].importer;
}

describe('importer metadata keys', () => {
  it('writes a run-time key as the placeholder of an input, named in the order kfp meets it (key before value)', () => {
    // GIVEN entries whose second key is a task output and whose third key is a pipeline parameter
    const p = pipeline({ name: 'keys', inputs: { name: z.string(), n: z.int() } }, (p, s) => {
      const made = s.task(echo, { x: 'a' });
      s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        metadata: [
          ['label', str`prefix-${p.n}`],
          [made.outputs.Output, made.outputs.Output],
          [p.name, 'constant'],
        ],
      });
    });
    // WHEN compiled
    const spec = compileOk(p);
    // THEN keys and values are placeholders; one input per distinct value: n, then the output, then name
    expect(importerOf(spec).metadata).toEqual({
      label: "prefix-{{$.inputs.parameters['metadata']}}",
      "{{$.inputs.parameters['metadata-2']}}": "{{$.inputs.parameters['metadata-2']}}",
      "{{$.inputs.parameters['metadata-3']}}": 'constant',
    });
    const task = spec.root.dag.tasks.importer;
    expect(task.inputs.parameters).toEqual({
      metadata: { componentInputParameter: 'n' },
      'metadata-2': { taskOutputParameter: { outputParameterKey: 'Output', producerTask: 'echo' } },
      'metadata-3': { componentInputParameter: 'name' },
      uri: { runtimeValue: { constant: 'gs://b/x' } },
    });
    expect(spec.components['comp-importer'].inputDefinitions.parameters).toEqual({
      metadata: { parameterType: 'NUMBER_INTEGER' },
      'metadata-2': { parameterType: 'STRING' },
      'metadata-3': { parameterType: 'STRING' },
      uri: { parameterType: 'STRING' },
    });
    // and a task output used as a key is a dependency
    expect(task.dependentTasks).toEqual(['echo']);
  });

  it('takes a Map at any depth, and a str`` template as a key', () => {
    // GIVEN a plain object holding a Map keyed by a parameter and by a template
    const p = pipeline({ name: 'nested-map', inputs: { env: z.string() } }, (p, s) => {
      s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        metadata: {
          spec: new Map<ImporterMetadataKey, ImporterMetadataValue>([
            [p.env, { deep: true }],
            [str`${p.env}-suffix`, [1, 2]],
          ]),
        },
      });
    });
    // THEN both keys are written with the one input they share
    expect(importerOf(compileOk(p)).metadata).toEqual({
      spec: { "{{$.inputs.parameters['metadata']}}": { deep: true }, "{{$.inputs.parameters['metadata']}}-suffix": [1, 2] },
    });
  });

  it('keeps a repeated key once, where it first appears, with its last value (a Python dict literal)', () => {
    // GIVEN the same parameter as a key twice, the first value a task output that is then replaced
    const p = pipeline({ name: 'repeated', inputs: { name: z.string(), other: z.string() } }, (p, s) => {
      const made = s.task(echo, { x: 'a' });
      s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        metadata: [
          [p.name, made.outputs.Output],
          ['k', 1],
          [p.name, p.other],
        ],
      });
    });
    const spec = compileOk(p);
    // THEN the dropped value makes no input and no dependency
    expect(importerOf(spec).metadata).toEqual({ "{{$.inputs.parameters['metadata']}}": "{{$.inputs.parameters['metadata-2']}}", k: 1 });
    expect(Object.keys(spec.root.dag.tasks.importer.inputs.parameters).sort()).toEqual(['metadata', 'metadata-2', 'uri']);
    expect(spec.root.dag.tasks.importer.dependentTasks).toBeUndefined();
  });

  it('writes a runtime placeholder in metadata as its text, without an input', () => {
    const p = pipeline({ name: 'runtime-meta' }, (_p, s) => {
      s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        metadata: { job: runtime.pipelineJobName, where: str`${runtime.workspacePath}/data` },
      });
    });
    const spec = compileOk(p);
    expect(importerOf(spec).metadata).toEqual({ job: '{{$.pipeline_job_name}}', where: '{{$.workspace_path}}/data' });
    expect(spec.components['comp-importer'].inputDefinitions.parameters).toEqual({ uri: { parameterType: 'STRING' } });
  });

  it('writes no metadata for an empty entry list, as for an empty object', () => {
    const p = pipeline({ name: 'empty' }, (_p, s) => {
      s.importer({ artifactUri: 'gs://b/x', artifactType: Dataset, metadata: [] });
    });
    expect(importerOf(compileOk(p)).metadata).toBeUndefined();
  });
});
