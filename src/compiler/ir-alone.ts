import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { IrImplementation } from '../dsl/component-node.ts';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import { checkPipeline } from './check-tasks.ts';
import { asIrDocuments, type CompileResult } from './compile-result.ts';
import type { CompileOptions } from './options.ts';

type Json = Record<string, unknown>;

/** The loaded IR when `pipeline` is `pipelineOfComponent` of a component loaded from IR. */
export function loadedIrAlone(pipeline: PipelineNode): IrImplementation | undefined {
  if (!pipeline.ofComponent || pipeline.children.length !== 1) return undefined;
  const only = pipeline.children[0]!;
  if (only.kind !== 'task') return undefined;
  const impl = only.component.implementation;
  return impl.kind === 'ir' ? impl : undefined;
}

/**
 * kfp's compile of a component loaded from v2 IR (`Compiler().compile(load_component_from_file(…))`):
 * `YamlComponent.pipeline_spec` is the loaded document itself, so the PipelineSpec (and its platform
 * document) is written back as it was — a pipeline keeps its own root DAG, nothing is wrapped —
 * with only `pipeline_parameters` filled in as root defaults (without `isOptional`).
 */
export function compileLoadedIrAlone(pipeline: PipelineNode, impl: IrImplementation, options: CompileOptions): CompileResult {
  const ds: Diagnostic[] = checkPipeline(pipeline, options.pipelineParameters);
  const withFile = (d: Diagnostic): Diagnostic => (d.file || !options.file ? d : { ...d, file: options.file });
  if (hasErrors(ds)) return { diagnostics: ds.map(withFile) };
  const pipelineSpec = structuredClone(impl.pipelineSpec) as Json;
  const root = (pipelineSpec.root ?? {}) as Json;
  const parameters = ((root.inputDefinitions as Json | undefined)?.parameters ?? {}) as Record<string, Json>;
  for (const [name, value] of Object.entries(options.pipelineParameters ?? {})) {
    if (parameters[name]) parameters[name] = { ...parameters[name], defaultValue: value };
  }
  const platformSpec = impl.platformSpec ? (structuredClone(impl.platformSpec) as Json) : undefined;
  return { ...asIrDocuments(pipelineSpec, platformSpec), diagnostics: ds.map(withFile) };
}
