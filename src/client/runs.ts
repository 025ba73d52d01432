import { randomBytes } from 'node:crypto';
import { KfpError, isKfpError } from './errors.ts';
import { equalsFilter } from './filters.ts';
import type { CreateRunRequest, KfpClient } from './kfp-client.ts';
import { backoffDelay } from './retry.ts';
import { FINAL_STATES, type Run } from './schemas.ts';

/** A run to start with {@link submitRun}. */
export interface SubmitRunRequest {
  readonly experimentId: string;
  readonly runName: string;
  readonly description?: string;
  /** Inline IR (see `runPipelineSpec`), or… */
  readonly pipelineSpec?: Record<string, unknown>;
  /** …an uploaded pipeline version. */
  readonly pipelineVersion?: { readonly pipelineId: string; readonly versionId: string };
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly pipelineRoot?: string;
  readonly serviceAccount?: string;
  /** Injected by tests; otherwise random. */
  readonly submissionId?: string;
}

/** The run {@link submitRun} created, and notes about how (e.g. found after an uncertain create). */
export interface SubmitRunResult {
  readonly run: Run;
  readonly notes: readonly string[];
}

/**
 * Creates a run without ever creating it twice. Run names are not unique, so the run's description
 * carries a random submission id; when CreateRun fails in a way that may hide success, the
 * experiment's runs of that name are listed and the one with this id, if any, is the result.
 */
export async function submitRun(kfp: KfpClient, req: SubmitRunRequest): Promise<SubmitRunResult> {
  const submissionId = req.submissionId ?? randomBytes(8).toString('hex');
  const marker = `kfp-ts submission ${submissionId}`;
  const description = req.description === undefined || req.description === '' ? marker : `${req.description}\n\n${marker}`;
  const body: CreateRunRequest = {
    display_name: req.runName,
    description,
    experiment_id: req.experimentId,
    ...(req.pipelineSpec !== undefined ? { pipeline_spec: req.pipelineSpec } : {}),
    ...(req.pipelineVersion !== undefined
      ? { pipeline_version_reference: { pipeline_id: req.pipelineVersion.pipelineId, pipeline_version_id: req.pipelineVersion.versionId } }
      : {}),
    runtime_config: { parameters: { ...req.parameters }, ...(req.pipelineRoot !== undefined ? { pipeline_root: req.pipelineRoot } : {}) },
    ...(req.serviceAccount !== undefined ? { service_account: req.serviceAccount } : {}),
  };
  const notes: string[] = [];
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return { run: await kfp.createRun(body), notes };
    } catch (err) {
      if (!(isKfpError(err) && err.uncertain)) throw err;
      await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      const listed = await kfp.listRuns({ experimentId: req.experimentId, filter: equalsFilter('display_name', req.runName), sortBy: 'created_at desc', pageSize: 50 });
      const mine = (listed.runs ?? []).find((r) => r.description === description);
      if (mine !== undefined) {
        notes.push(`CreateRun failed uncertainly (${err.code}) but the run had been created; it was not submitted again.`);
        return { run: mine, notes };
      }
      if (attempt >= max) throw err;
      notes.push(`CreateRun failed (${err.code}) and no run was created; submitted again.`);
    }
  }
}

/** A change {@link followRun} reports: the run's state or one task's state. */
export type RunEvent =
  | { readonly kind: 'run-state'; readonly state: string; readonly previous: string | undefined; readonly at: Date }
  | { readonly kind: 'task-state'; readonly task: string; readonly state: string; readonly previous: string | undefined; readonly at: Date };

/** How {@link followRun} polls a run, and where it reports changes. */
export interface FollowOptions {
  /** Between polls. Default 5 000. */
  readonly intervalMs?: number;
  /** Give up waiting (the run continues on the server). Default: no limit. */
  readonly timeoutMs?: number;
  /** Called for each change of the run's or a task's state. */
  readonly onEvent: (event: RunEvent) => void;
}

/** Polls the run until it reaches a final state, reporting run and task state changes as events. */
export async function followRun(kfp: KfpClient, runId: string, opts: FollowOptions): Promise<Run> {
  const interval = opts.intervalMs ?? 5000;
  const started = Date.now();
  let runState: string | undefined;
  const taskStates = new Map<string, string>();
  for (;;) {
    const run = await kfp.getRun(runId);
    const now = new Date();
    const state = run.state ?? 'RUNTIME_STATE_UNSPECIFIED';
    if (state !== runState) {
      opts.onEvent({ kind: 'run-state', state, previous: runState, at: now });
      runState = state;
    }
    for (const task of visibleTasks(run)) {
      const key = task.id;
      const prev = taskStates.get(key);
      if (task.state !== prev) {
        taskStates.set(key, task.state);
        opts.onEvent({ kind: 'task-state', task: task.name, state: task.state, previous: prev, at: now });
      }
    }
    if (FINAL_STATES.has(state)) return run;
    if (opts.timeoutMs !== undefined && Date.now() - started + interval > opts.timeoutMs) {
      throw new KfpError({
        code: 'client/timeout',
        operation: 'RunService_GetRun',
        message: `Run ${runId} is still ${state} after ${Math.round((Date.now() - started) / 1000)} s; stopped waiting (the run continues on the server).`,
      });
    }
    await kfp.http.sleep(interval);
  }
}

/** One task of a run as a person reads it: name, state, start and end. */
export interface TaskView {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly startTime: string | undefined;
  readonly endTime: string | undefined;
}

/** The run's tasks as the UI lists them: named tasks, without the executor's internal driver steps. */
export function visibleTasks(run: Run): TaskView[] {
  const out: TaskView[] = [];
  for (const t of run.run_details?.task_details ?? []) {
    const name = t.display_name ?? '';
    if (name === '' || name.endsWith('-driver') || name === 'executor') continue;
    out.push({ id: t.task_id ?? name, name, state: t.state ?? 'RUNTIME_STATE_UNSPECIFIED', startTime: t.start_time, endTime: t.end_time });
  }
  return out;
}

/** Wall time from creation to finish; undefined while running (the server reports the epoch then). */
export function runDurationMs(run: Run): number | undefined {
  const start = parseTime(run.created_at);
  const end = parseTime(run.finished_at);
  if (start === undefined || end === undefined || end < start) return undefined;
  return end - start;
}

export function parseTime(t: string | undefined): number | undefined {
  if (t === undefined) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}
