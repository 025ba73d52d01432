/**
 * The engine's live view of a run: one DagInstance per DAG the backend would create an execution
 * for (the root, each nested pipeline, condition, exit-handler and loop group, each loop
 * iteration), holding its resolved inputs and a TaskNode per task. Output and input resolution
 * read it; the scheduler writes it.
 */
import type { ComponentSpec, JsonValue, PipelineTaskSpec } from '../ir/index.ts';
import type { LocalArtifact, SkipReason, TaskKind, TaskOutputs, TaskRecord, TaskState } from './model.ts';

export interface DagInstance {
  /** '' for the root, else the path of the task (or iteration) that runs this DAG. */
  readonly path: string;
  readonly component: ComponentSpec;
  readonly parameters: ReadonlyMap<string, JsonValue>;
  readonly artifacts: ReadonlyMap<string, readonly LocalArtifact[]>;
  readonly nodes: Map<string, TaskNode>;
  /**
   * Counts the DAG's task completions; a task becomes ready at the count of its last dependency's
   * completion. Like an Argo DAG (failFast), a task that becomes ready after a task here failed is
   * not started; tasks ready before (or at the start) run.
   */
  completions: number;
  /** The completion count at the first failure. */
  firstFailure?: number;
  /** A number unique in the run, as the backend's execution id (`{{$.pipeline_task_uuid}}` is the parent DAG's). */
  readonly executionId: number;
}

export interface TaskNode {
  readonly name: string;
  readonly path: string;
  readonly spec: PipelineTaskSpec;
  readonly component: ComponentSpec;
  readonly kind: TaskKind;
  state: TaskState;
  skipReason?: SkipReason;
  message?: string;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  /** The DAG's completion count when this task finished. */
  completion?: number;
  /** Outputs of an executor task (container, Python, importer). */
  outputs?: TaskOutputs;
  /** The DAG a pipeline, condition or group task runs. */
  child?: DagInstance;
  /** A loop's iterations, by index; undefined where an iteration never started. */
  iterations?: (DagInstance | undefined)[];
  iterationCount?: number;
  dir?: string;
  logFile?: string;
}

export function nodeRecord(node: TaskNode): TaskRecord {
  return {
    path: node.path,
    name: node.name,
    kind: node.kind,
    state: node.state,
    ...(node.skipReason !== undefined ? { skipReason: node.skipReason } : {}),
    ...(node.message !== undefined ? { message: node.message } : {}),
    attempts: node.attempts,
    ...(node.iterationCount !== undefined ? { iterations: node.iterationCount } : {}),
    ...(node.startedAt !== undefined ? { startedAt: new Date(node.startedAt).toISOString() } : {}),
    ...(node.finishedAt !== undefined ? { finishedAt: new Date(node.finishedAt).toISOString() } : {}),
    ...(node.startedAt !== undefined && node.finishedAt !== undefined ? { durationMs: node.finishedAt - node.startedAt } : {}),
    ...(node.outputs !== undefined ? { outputs: node.outputs } : {}),
    ...(node.dir !== undefined ? { dir: node.dir } : {}),
    ...(node.logFile !== undefined ? { logFile: node.logFile } : {}),
  };
}

/** Joins path segments: the root's tasks have their own name as path. */
export function childPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
