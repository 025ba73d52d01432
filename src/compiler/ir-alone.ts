import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { IrImplementation } from '../dsl/component-node.ts';
import type { PipelineNode } from '../dsl/nodes.ts';
import type { ComponentInputParameterSpec } from '../ir/index.ts';
import { checkPipeline } from './check-pipeline.ts';
import type { CompileResult } from './compile-result.ts';
import type { CompileOptions } from './options.ts';

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
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => void diagnostics.push(d.file || !options.file ? d : { ...d, file: options.file });
  checkPipeline({ pipeline, options, report });
  if (hasErrors(diagnostics)) return { diagnostics };
  const spec = impl.pipelineSpec;
  const declared = spec.root?.inputDefinitions?.parameters ?? {};
  const parameters: Record<string, ComponentInputParameterSpec> = { ...declared };
  for (const [name, value] of Object.entries(options.pipelineParameters ?? {})) if (declared[name]) parameters[name] = { ...declared[name], defaultValue: value };
  const overridden = Object.keys(options.pipelineParameters ?? {}).some((name) => declared[name]);
  const pipelineSpec = overridden ? { ...spec, root: { ...spec.root, inputDefinitions: { ...spec.root?.inputDefinitions, parameters } } } : spec;
  return { pipelineSpec, ...(impl.platformSpec ? { platformSpec: impl.platformSpec } : {}), diagnostics };
}
