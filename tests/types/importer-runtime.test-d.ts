/**
 * Importer metadata with run-time keys, and runtime placeholders as arguments. Each
 * `@ts-expect-error` sits on the one line that must fail to type-check.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  Dataset,
  Model,
  containerComponent,
  pipeline,
  pythonComponent,
  runtime,
  str,
  z,
  type ArgsOf,
  type ArtifactChannel,
  type ImporterMetadataKey,
  type ImporterMetadataValue,
  type RuntimePlaceholder,
} from '../../src/index.ts';

const name = pythonComponent({ name: 'name', source: { code: 'def name(): pass\n' }, outputs: { Output: z.string(), n: z.int(), data: z.string() } });
const greet = containerComponent({
  name: 'greet',
  inputs: { who: z.string(), times: z.int(), tags: z.array(z.string()).default([]) },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.who, inputs.times] }),
});

describe('importer metadata', () => {
  it('takes run-time keys as [key, value] entries, and a Map at any depth', () => {
    pipeline({ name: 'keys', inputs: { label: z.string(), n: z.int() } }, (p, s) => {
      const t = s.task(name, {});
      const imported = s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        metadata: [
          ['name', str`prefix-${t.outputs.Output}`],
          ['list', [t.outputs.Output, p.label, p.n, 1, true, null]],
          [t.outputs.Output, t.outputs.Output],
          [p.label, { nested: new Map<ImporterMetadataKey, ImporterMetadataValue>([[p.label, p.n]]) }],
          [str`${p.n}-key`, runtime.pipelineJobName],
        ],
      });
      expectTypeOf(imported.outputs.artifact).toEqualTypeOf<ArtifactChannel<'system.Dataset', false>>();
      s.importer({ artifactUri: p.label, artifactType: Model, metadata: new Map<ImporterMetadataKey, ImporterMetadataValue>([[p.label, 1]]) });
      s.importer({ artifactUri: p.label, artifactType: Model, metadata: { plain: { keys: [p.n] } } });
    });
  });

  it('refuses a key that is not a string, and an artifact anywhere in the metadata', () => {
    pipeline({ name: 'bad-keys', inputs: { n: z.int(), data: z.string() } }, (p, s) => {
      const t = s.task(name, {});
      s.importer({
        artifactUri: 'gs://b/x',
        artifactType: Dataset,
        // @ts-expect-error an int parameter cannot be a key (keys are strings: write str`${p.n}`)
        metadata: [[p.n, 'x']],
      });
      const d = s.importer({ artifactUri: 'gs://b/x', artifactType: Dataset });
      s.importer({
        artifactUri: 'gs://b/y',
        artifactType: Dataset,
        // @ts-expect-error an artifact is not metadata
        metadata: { source: d.outputs.artifact },
      });
      // @ts-expect-error a value with no JSON form
      s.importer({ artifactUri: 'gs://b/z', artifactType: Dataset, metadata: { when: new Date() } });
      void t;
      void p.data;
    });
  });
});

describe('runtime placeholders as arguments', () => {
  it('are typed as RuntimePlaceholder and fit string inputs, in str`` templates and in lists', () => {
    expectTypeOf(runtime.workspacePath).toEqualTypeOf<RuntimePlaceholder>();
    expectTypeOf<RuntimePlaceholder>().toMatchTypeOf<ArgsOf<NonNullable<(typeof greet)['__inputs']>>['who']>();
    pipeline({ name: 'runtime-args' }, (_p, s) => {
      s.task(greet, { who: runtime.workspacePath, times: 1, tags: [runtime.pipelineJobName, 'x'] });
      s.task(greet, { who: str`${runtime.pipelineRoot}/tmp`, times: 1 });
    });
  });

  it('may be an importer URI, where a str`` template may not', () => {
    pipeline({ name: 'runtime-uri', inputs: { run: z.string() } }, (p, s) => {
      s.importer({ artifactUri: runtime.pipelineRoot, artifactType: Dataset });
      // @ts-expect-error kfp writes a URI f-string with its run-time values unresolved
      s.importer({ artifactUri: str`gs://b/${p.run}`, artifactType: Dataset });
    });
  });

  it('do not fit an int input', () => {
    pipeline({ name: 'runtime-into-int' }, (_p, s) => {
      // @ts-expect-error a runtime placeholder is a string, not an int
      s.task(greet, { who: 'x', times: runtime.pipelineJobId });
    });
  });
});
