/**
 * Embedded inputs and notebook components in the types: an embedded input is not an argument of
 * the task, may not share a name with an input or output, and is an artifact type; a notebook
 * component is wired like any Python component. Each `@ts-expect-error` is the one line that must
 * fail to type-check (an unused directive is itself an error).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { Artifact, Dataset, input, Model, notebookComponent, output, pipeline, pythonComponent, z } from '../../src/index.ts';

const readAssets = pythonComponent({
  name: 'read_assets',
  source: { code: 'def read_assets(): pass\n' },
  inputs: { n: z.int() },
  embeddedArtifact: '/data/assets',
  embeddedInputs: { assets: Artifact },
});

const trainNotebook = notebookComponent({
  name: 'train',
  source: { code: 'def train(): pass\n' },
  notebook: new URL('file:///nb/train.ipynb'),
  inputs: { data: input(Dataset) },
  outputs: { model: output(Model) },
});

describe('embedded inputs', () => {
  it('are not arguments of the task', () => {
    pipeline({ name: 'p' }, (_p, s) => {
      s.task(readAssets, { n: 1 });
      // @ts-expect-error -- `assets` is filled at run time from the embedded directory, not passed
      s.task(readAssets, { n: 1, assets: 'x' });
    });
  });

  it('may not also be an input or an output', () => {
    pythonComponent({
      name: 'f',
      source: { code: 'def f(): pass\n' },
      inputs: { data: input(Dataset) },
      embeddedArtifact: '/d',
      // @ts-expect-error -- 'data' is an input already
      embeddedInputs: { data: Dataset },
    });
    notebookComponent({
      name: 'f',
      source: { code: 'def f(): pass\n' },
      notebook: '/nb.ipynb',
      outputs: { model: output(Model) },
      // @ts-expect-error -- 'model' is an output already
      embeddedInputs: { model: Model },
    });
  });

  it('are artifact types', () => {
    pythonComponent({
      name: 'f',
      source: { code: 'def f(): pass\n' },
      embeddedArtifact: '/d',
      // @ts-expect-error -- an embedded input is an artifact type, not a parameter schema
      embeddedInputs: { config: z.string() },
    });
  });
});

describe('notebook components', () => {
  it('are wired like Python components', () => {
    pipeline({ name: 'p', inputs: { data: input(Dataset) } }, (p, s) => {
      const t = s.task(trainNotebook, { data: p.data });
      expectTypeOf(t.outputs.model).toEqualTypeOf<import('../../src/index.ts').ArtifactChannel<'system.Model', false>>();
      // @ts-expect-error -- a Model output is not a Dataset input
      s.task(trainNotebook, { data: t.outputs.model });
    });
  });

  it('need a notebook and take no target image', () => {
    // @ts-expect-error -- `notebook` is required
    notebookComponent({ name: 'f', source: { code: '' } });
    // @ts-expect-error -- a notebook component embeds its notebook in the program, so it cannot run a built image
    notebookComponent({ name: 'f', source: { code: '' }, notebook: '/nb.ipynb', targetImage: 'img' });
  });
});
