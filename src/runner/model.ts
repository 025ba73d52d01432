/**
 * The local run's state and event model: what `runLocal` returns and what it reports while it
 * runs. Plain data, so the CLI's live view, `--format json` and the run directory's `run.json`
 * all render the same records.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ArtifactTypeSchema, JsonObject, JsonValue } from '../ir/index.ts';

/**
 * A task's state. `CACHED` is a success whose outputs came from an earlier run (the backend's
 * cache hit); `SKIPPED` is a task that was never started — its condition was false, a task it
 * depends on did not succeed, or a sibling failed first (the backend's DAGs stop scheduling new
 * tasks after a failure); `CANCELED` is a task stopped, or never started, because the run was
 * interrupted.
 */
export type TaskState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'CACHED' | 'FAILED' | 'SKIPPED' | 'CANCELED';

/** A run's state: `RUNNING` until every task is final. */
export type RunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';

/** Why a task was skipped. */
export type SkipReason = 'condition' | 'upstream' | 'fail-fast';

/** What kind of node a task record describes. */
export type TaskKind = 'python' | 'container' | 'importer' | 'pipeline' | 'condition' | 'loop' | 'iteration' | 'group';

/**
 * An artifact as the executor input and output carry it (`ml_pipelines.RuntimeArtifact`), with
 * the local path it lives at when its URI is a path on this machine.
 */
export interface LocalArtifact {
  readonly name: string;
  readonly uri: string;
  readonly type: ArtifactTypeSchema;
  readonly metadata: JsonObject;
  readonly customPath?: string;
}

/** A task's (or the pipeline's) outputs: parameter values and artifact lists by output name. */
export interface TaskOutputs {
  readonly parameters: Readonly<Record<string, JsonValue>>;
  readonly artifacts: Readonly<Record<string, readonly LocalArtifact[]>>;
}

/** One task, group or loop iteration of the run. */
export interface TaskRecord {
  /** Unique within the run: the task names from the root, with the iteration index for loop iterations (`for-loop-1/2/train`). */
  readonly path: string;
  /** The task's name in its DAG (`train`), or the iteration index for an iteration. */
  readonly name: string;
  readonly kind: TaskKind;
  readonly state: TaskState;
  /** For SKIPPED tasks. */
  readonly skipReason?: SkipReason;
  /** Why the task failed or was skipped, in a sentence. */
  readonly message?: string;
  /** Process attempts made (retries included); 0 for tasks that ran no process. */
  readonly attempts: number;
  /** For loops: how many iterations the items gave. */
  readonly iterations?: number;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  /** Outputs of a task that succeeded (or came from the cache). */
  readonly outputs?: TaskOutputs;
  /** The task's directory in the run directory (executor input and output, log, artifacts). */
  readonly dir?: string;
  /** The task's full log (stdout and stderr of every attempt). */
  readonly logFile?: string;
}

/** The result of `runLocal`. */
export interface LocalRunResult {
  readonly runId: string;
  readonly runName: string;
  readonly pipelineName: string;
  readonly state: Exclude<RunState, 'RUNNING'>;
  /** The run directory under the pipeline root. */
  readonly runDir: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** The pipeline's own outputs (the root DAG's outputs). */
  readonly outputs: TaskOutputs;
  /** Every task, group and iteration, in the order they were first seen. */
  readonly tasks: readonly TaskRecord[];
  /** Warnings about settings with no local meaning, and the like. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What `runLocal` reports while it runs (`RunLocalOptions.onEvent`). */
export type RunEvent =
  | { readonly kind: 'run-started'; readonly runId: string; readonly runName: string; readonly runDir: string; readonly diagnostics: readonly Diagnostic[]; readonly at: string }
  | { readonly kind: 'task'; readonly task: TaskRecord; readonly at: string }
  | { readonly kind: 'progress'; readonly message: string; readonly at: string }
  | { readonly kind: 'run-finished'; readonly result: LocalRunResult; readonly at: string };

/** SUCCEEDED or CACHED: the task's outputs exist. */
export function succeeded(state: TaskState): boolean {
  return state === 'SUCCEEDED' || state === 'CACHED';
}
