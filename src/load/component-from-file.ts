import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnostic, DiagnosticError } from '../diagnostics.ts';
import type { Component } from '../dsl/component.ts';
import { loadComponentFromText, type DeclaredInterface } from '../dsl/component-from-text.ts';
import type { InputDecls, OutputDecls } from '../dsl/io.ts';

/**
 * A component from a YAML file (kfp's `load_component_from_file`): a kfp v1 `component.yaml` or
 * compiled v2 IR. The file is read when this is called (at import of the pipeline module, as in
 * kfp). Give `inputs`/`outputs` to type it; `kfp-ts codegen component.yaml -o component.ts`
 * writes such a call with the declarations.
 *
 * @example
 * const train = loadComponentFromFile(new URL('./xgboost_train.yaml', import.meta.url), {
 *   inputs: { training_data: input(Artifact), num_iterations: z.int().default(10) },
 *   outputs: { model: output(Artifact) },
 * });
 */
export function loadComponentFromFile<const I extends InputDecls = InputDecls, const O extends OutputDecls = OutputDecls>(
  file: string | URL,
  declared: DeclaredInterface<I, O> = {},
): Component<I, O> {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new DiagnosticError([diagnostic('load/unreadable-file', '', `cannot read the component file: ${reason}`, path)]);
  }
  return loadComponentFromText<I, O>(text, { ...declared, source: path });
}
