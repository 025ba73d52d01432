import type { PipelineNode } from '../dsl/nodes.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { checkCycles } from './check-cycles.ts';
import { checkExitHandlers } from './check-exit-handlers.ts';
import { checkPipeline } from './check-pipeline.ts';
import { checkPipelineConfig } from './check-pipeline-config.ts';
import { checkPipelineOutputs } from './check-pipeline-outputs.ts';
import { checkTaskSettings } from './check-task-settings.ts';
import { checkTaskArgs } from './check-tasks.ts';
import { checkWorkspace } from './check-workspace.ts';
import type { CompileResult } from './compile-result.ts';
import type { PassContext } from './context.ts';
import { analyse } from './group-analysis.ts';
import { compileLoadedIrAlone, loadedIrAlone } from './ir-alone.ts';
import { lowerPipeline } from './lower-pipeline.ts';
import { buildNaming } from './naming.ts';
import type { CompileOptions } from './options.ts';
import { resolvePython } from './python/resolve.ts';

/**
 * Compiles a built pipeline to the KFP IR. Pure: no I/O (Python sources come in `options.sources`),
 * and every problem is returned as a diagnostic rather than thrown. The stages are described in
 * context.ts: names, then the checks (which report every problem of the declarations, arguments
 * and settings, each independently) and the Python sources, then the analysis of groups, then
 * the lowering — which runs only when nothing before it found an error.
 *
 * @example
 * const result = compilePipeline(myPipeline.build());
 * if (!result.pipelineSpec) console.error(formatDiagnostics(result.diagnostics));
 */
export function compilePipeline(pipeline: PipelineNode, options: CompileOptions = {}): CompileResult {
  const loaded = loadedIrAlone(pipeline);
  if (loaded) return compileLoadedIrAlone(pipeline, loaded, options);

  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => void diagnostics.push(d.file || !options.file ? d : { ...d, file: options.file });
  const base: PassContext = { pipeline, options, report };

  const naming = buildNaming(base);
  const named = { ...base, naming };
  checkPipeline(named, (id) => naming.tasksById.get(id)?.name);
  checkPipelineOutputs(named);
  checkPipelineConfig(named);
  for (const t of naming.tasks) {
    checkTaskArgs(named, t);
    checkTaskSettings(named, t);
  }
  checkWorkspace(named);
  checkCycles(named);
  checkExitHandlers(named);
  const python = resolvePython(named);
  const analysis = analyse(named);
  if (hasErrors(diagnostics)) return { diagnostics };

  const lowered = lowerPipeline({ ...named, analysis, python, compileInner: compilePipeline });
  if (hasErrors(diagnostics)) return { diagnostics };
  return { ...lowered, diagnostics };
}
