/**
 * Local execution of compiled pipelines: `runLocal` runs the IR itself — the document that is
 * uploaded — on this machine with the KFP backend's semantics, and returns the run's state, each
 * task's state and outputs, and the pipeline's outputs.
 *
 * @example
 * import { loadPipelinePackage } from 'kfp-ts/client';
 * import { runLocal } from 'kfp-ts/runner';
 * const loaded = loadPipelinePackage(yamlText);
 * if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
 * const result = await runLocal(loaded.pkg.pipelineSpec, { n: 3 }, { venv: '.venv', pipelineRoot: 'local_outputs' });
 * if (result.state !== 'SUCCEEDED') console.error(result.tasks.filter((t) => t.state === 'FAILED'));
 */
export { runLocal, type RunLocalOptions } from './run-local.ts';
export type { LocalArtifact, LocalRunResult, RunEvent, RunState, SkipReason, TaskKind, TaskOutputs, TaskRecord, TaskState } from './model.ts';
