/**
 * What a pipeline body may return, typed with kfp's rules for returned values (the rules for task
 * arguments): the generic Artifact matches any artifact type on either side; other artifact types,
 * list-ness and parameter types must match. Each `@ts-expect-error` sits on the one line that must
 * fail to type-check.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Artifact, Dataset, Model, containerComponent, output, pipeline, z, type ArtifactChannel } from '../../src/index.ts';
import type { ArtifactOutputDecl } from '../../src/dsl/io.ts';
import type { ReturnsOf } from '../../src/dsl/typing.ts';

const make = containerComponent({
  name: 'make',
  outputs: { thing: output(Artifact), data: output(Dataset), model: output(Model), label: z.string() },
  implementation: ({ outputs }) => ({ image: 'alpine', command: ['make', outputs.thing.path, outputs.data.path, outputs.model.path, outputs.label.path] }),
});

describe('pipeline returns', () => {
  it('lets a generic Artifact be returned as a Dataset, and anything as an Artifact', () => {
    pipeline({ name: 'generic', outputs: { data: output(Dataset), any: output(Artifact) } }, (_p, s) => {
      const t = s.task(make, {});
      return { data: t.outputs.thing, any: t.outputs.model };
    });
    type DatasetReturn = ReturnsOf<{ x: ArtifactOutputDecl<'system.Dataset', false> }>['x'];
    expectTypeOf<ArtifactChannel<'system.Artifact', false>>().toMatchTypeOf<DatasetReturn>();
    expectTypeOf<ArtifactChannel<'system.Model', false>>().not.toMatchTypeOf<DatasetReturn>();
  });

  it('rejects another artifact type, a list for one artifact and a parameter of another type', () => {
    pipeline(
      { name: 'model-as-dataset', outputs: { data: output(Dataset) } },
      // @ts-expect-error a system.Model artifact is not a system.Dataset
      (_p, s) => ({ data: s.task(make, {}).outputs.model }),
    );
    pipeline(
      { name: 'one-as-list', outputs: { data: output(Dataset, { list: true }) } },
      // @ts-expect-error a single Dataset is not a list of Datasets
      (_p, s) => ({ data: s.task(make, {}).outputs.data }),
    );
    pipeline(
      { name: 'string-as-int', outputs: { n: z.int() } },
      // @ts-expect-error a string channel is not an int output
      (_p, s) => ({ n: s.task(make, {}).outputs.label }),
    );
  });
});
