import { embeddedAssetOf, pythonComponent, type Component, type PythonComponentOptions } from './component.ts';
import type { ComponentNode } from './nodes.ts';
import type { PythonImplementation } from './component-node.ts';
import type { EmbeddedInputDecls, EmbeddedNotAnInput } from './embedded.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { checkPythonComponentOptions } from './component-guards.ts';

/** What kfp installs for a notebook component when `packages_to_install` is not given. */
export const NOTEBOOK_DEFAULT_PACKAGES: readonly string[] = Object.freeze(['nbclient>=0.10,<1', 'ipykernel>=6,<7', 'jupyter_client>=7,<9']);

/** Options of {@link notebookComponent}: those of {@link pythonComponent} but `targetImage`, plus the notebook to embed. */
export interface NotebookComponentOptions<I extends InputDecls, O extends OutputDecls>
  extends Omit<PythonComponentOptions<I, O>, 'targetImage' | 'embeddedArtifact'> {
  /**
   * The notebook (`.ipynb`) to embed, or a directory holding exactly one (outside
   * `.ipynb_checkpoints`), embedded whole: a `URL` or an absolute path.
   */
  readonly notebook: URL | string;
  /**
   * Defaults to kfp's `nbclient>=0.10,<1`, `ipykernel>=6,<7`, `jupyter_client>=7,<9`, which the
   * notebook needs to run; `[]` installs nothing.
   */
  readonly packagesToInstall?: readonly string[];
}

/**
 * Declares a notebook component (kfp's `@dsl.notebook_component`): a Python function whose body
 * calls `dsl.run_notebook(**params)` to run the embedded notebook (parameters are injected after
 * the cell tagged `parameters`, as Papermill does), then reads what the notebook wrote.
 *
 * @example
 * export const trainNotebook = notebookComponent({
 *   name: 'train_model',
 *   source: new URL('./train_model.py', import.meta.url),
 *   notebook: new URL('./notebooks/train.ipynb', import.meta.url),
 *   inputs: { cleaned_text: input(Dataset) },
 *   outputs: { model: output(Model) },
 * });
 */
export function notebookComponent<const I extends InputDecls = {}, const O extends OutputDecls = {}, const E extends EmbeddedInputDecls = {}>(
  options: NotebookComponentOptions<I, O> & { readonly embeddedInputs?: E & EmbeddedNotAnInput<E, I, O> },
): Component<I, O> {
  options = checkPythonComponentOptions(options, 'notebookComponent') as unknown as typeof options;
  const { notebook, embeddedInputs, ...rest } = options;
  const base = pythonComponent<I, O>({ ...rest, packagesToInstall: options.packagesToInstall ?? NOTEBOOK_DEFAULT_PACKAGES });
  const implementation: PythonImplementation = Object.freeze({
    ...(base.node.implementation as PythonImplementation),
    embedded: embeddedAssetOf('notebook', notebook, embeddedInputs),
  });
  const node: ComponentNode = Object.freeze({ ...base.node, implementation });
  return madeByKfpTs(Object.freeze({ kind: 'componentHandle', node }));
}
