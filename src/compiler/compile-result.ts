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
