import type { PipelineNode } from '../dsl/nodes.ts';
import { pythonComponentPaths } from './component-paths.ts';

/**
 * Every Python file the pipeline's lightweight components name, pipelines used as components
 * included, each with the path of the first task that needs it (for messages). The caller reads them
 * and passes their text as `CompileOptions.sources`.
 */
export function pythonSourceFiles(pipeline: PipelineNode): Map<string, readonly string[]> {
  return pythonComponentPaths(pipeline, (impl) => (impl.source.kind === 'file' ? impl.source.path : undefined));
}
