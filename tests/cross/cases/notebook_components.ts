/**
 * Notebook components (kfp's `@dsl.notebook_component`): a notebook file with kfp's default
 * packages (nbclient, ipykernel, jupyter_client), the same one with none and another image,
 * and a directory holding one notebook (its `.ipynb_checkpoints` and data archived too) with
 * own packages, an index URL and a `dsl.EmbeddedInput` that points at the notebook.
 */
import { Artifact, notebookComponent, pipeline, z } from '../../../src/index.ts';

const source = new URL('../fixtures/embedded_functions.py', import.meta.url);
const notebooks = new URL('../fixtures/embedded_assets/', import.meta.url);

const scoreDecl = {
  name: 'score',
  source,
  notebook: new URL('score.ipynb', notebooks),
  inputs: { name: z.string(), threshold: z.number().default(0.5) },
  outputs: { Output: z.string() },
} as const;
const score = notebookComponent(scoreDecl);
const scoreBare = notebookComponent({ ...scoreDecl, packagesToInstall: [], baseImage: 'jupyter/base-notebook:python-3.11' });
const summarize = notebookComponent({
  name: 'summarize',
  source,
  notebook: new URL('notebook_dir/', notebooks),
  inputs: { rows: z.int() },
  embeddedInputs: { notebook: Artifact },
  packagesToInstall: ['nbclient==0.10.2', 'ipykernel'],
  pipIndexUrls: ['https://pypi.org/simple'],
});

export default pipeline(
  {
    name: 'notebook-components',
    description: 'Notebooks run by Python components',
    inputs: { name: z.string().default('nightly'), rows: z.int().default(2) },
  },
  (p, s) => {
    const sc = s.task(score, { name: p.name });
    s.task(scoreBare, { name: sc.outputs.Output, threshold: 0.75 }).withCaching(false);
    s.task(summarize, { rows: p.rows }).after(sc);
  },
);
