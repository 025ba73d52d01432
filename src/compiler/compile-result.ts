import type { Diagnostic } from '../diagnostics.ts';
import type { PipelineSpec, PlatformSpec } from '../ir/index.ts';

/**
 * What `compilePipeline` returns: the IR documents, typed (src/ir), and every diagnostic.
 *
 * @example
 * const result = compilePipeline(myPipeline.build());
 * for (const [name, task] of Object.entries(result.pipelineSpec?.root?.dag?.tasks ?? {})) console.log(name, task.componentRef?.name);
 */
export interface CompileResult {
  /** The PipelineSpec document; absent when there are errors. */
  readonly pipelineSpec?: PipelineSpec;
  /** The second (`platforms:`) document, when any task or the pipeline uses kfp-kubernetes settings. */
  readonly platformSpec?: PlatformSpec;
  /**
   * A description for the file's header comment only: kfp writes a component's docstring there
   * when it compiles the component on its own, though the IR has no field for it.
   */
  readonly commentDescription?: string;
  readonly diagnostics: readonly Diagnostic[];
}

type Json = Record<string, unknown>;

/**
 * The compiler's documents under their IR types. The lowering still builds untyped JSON objects
 * (Json), so this is the one place where they are declared to be the IR — checked after the fact
 * by the schema validation every compile to YAML runs.
 */
export function asIrDocuments(pipelineSpec: Json, platformSpec: Json | undefined): { pipelineSpec: PipelineSpec; platformSpec?: PlatformSpec } {
  return platformSpec ? { pipelineSpec: pipelineSpec as PipelineSpec, platformSpec: platformSpec as PlatformSpec } : { pipelineSpec: pipelineSpec as PipelineSpec };
}
