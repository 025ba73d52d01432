/**
 * The DAG scheduler: runs a DAG's tasks as the KFP backend's Argo workflow does.
 *
 * - A task starts when the tasks it depends on (its dependentTasks, and the producers of its
 *   inputs) have finished; it runs only if all of them succeeded (Argo's `depends: x.Succeeded`),
 *   else it is SKIPPED. Tasks whose trigger strategy is ALL_UPSTREAM_TASKS_COMPLETED — exit tasks
 *   and ignore-upstream-failure tasks, which the backend runs as exit hooks of the tasks they
 *   follow — run once those finished in any state, provided one of them was reached at all.
 * - Once a task in a DAG fails, no new task starts in that DAG (Argo's failFast): tasks that
 *   become ready later are SKIPPED; exit hooks still run.
 * - A trigger condition is evaluated with CEL on the task's resolved inputs; false skips the task
 *   (for a group, everything in it).
 * - A loop resolves its items (a raw JSON list, a list or JSON-list parameter, an artifact list)
 *   and runs one DAG per item, at most `parallelismLimit` at once; after a failed iteration no
 *   new iteration starts.
 * - A DAG fails if any task in it failed; a pipeline task's, condition's or group's state is its
 *   DAG's.
 * Processes (not DAG bookkeeping) are limited by the run's slots (`--parallelism`).
 */
import type { ComponentSpec, JsonValue, PipelineTaskSpec } from '../ir/index.ts';
import { evaluateCondition } from './cel.ts';
import { childPath, type DagInstance, type TaskNode } from './dag-state.ts';
import type { EngineContext } from './engine-context.ts';
import { runContainerTask } from './executor-task.ts';
import { runImporterTask } from './importer-task.ts';
import { resolveTaskInputs, type TaskContext } from './input-resolution.ts';
import { succeeded, type LocalArtifact, type SkipReason, type TaskKind } from './model.ts';
import { Semaphore } from './semaphore.ts';
import { checkParameterType } from './values.ts';

export function newDagInstance(
  ctx: EngineContext,
  path: string,
  component: ComponentSpec,
  parameters: ReadonlyMap<string, JsonValue>,
  artifacts: ReadonlyMap<string, readonly LocalArtifact[]>,
): DagInstance {
  return { path, component, parameters, artifacts, nodes: new Map(), completions: 0, executionId: ctx.nextExecutionId() };
}

function componentOf(ctx: EngineContext, spec: PipelineTaskSpec): ComponentSpec {
  const name = spec.componentRef?.name ?? '';
  const component = ctx.spec.components?.[name];
  if (component === undefined) throw new Error(`component "${name}" is not in the pipeline's components`);
  return component;
}

/** What a task is, for the view: the executor kind, or the DAG's role from kfp's group naming. */
export function taskKind(ctx: EngineContext, name: string, spec: PipelineTaskSpec, component: ComponentSpec): TaskKind {
  if (spec.parameterIterator !== undefined || spec.artifactIterator !== undefined) return 'loop';
  if (component.dag !== undefined) {
    if (/^condition-\d+$/.test(name)) return 'condition';
    if (/^(condition-branches|exit-handler)-\d+$/.test(name)) return 'group';
    return 'pipeline';
  }
  const executor = ctx.spec.deploymentSpec?.executors?.[component.executorLabel ?? ''];
  if (executor?.importer !== undefined) return 'importer';
  return 'container';
}

/** The tasks a task waits for: its dependentTasks and the producers of its inputs (the backend adds those too). */
export function dependencies(spec: PipelineTaskSpec, siblings: ReadonlySet<string>): string[] {
  const deps = new Set(spec.dependentTasks ?? []);
  for (const p of Object.values(spec.inputs?.parameters ?? {})) if (p.taskOutputParameter?.producerTask) deps.add(p.taskOutputParameter.producerTask);
  for (const a of Object.values(spec.inputs?.artifacts ?? {})) if (a.taskOutputArtifact?.producerTask) deps.add(a.taskOutputArtifact.producerTask);
  return [...deps].filter((d) => siblings.has(d));
}

const isHook = (spec: PipelineTaskSpec): boolean => spec.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED';

/** Runs every task of a DAG to a final state. */
export async function runDag(ctx: EngineContext, dag: DagInstance): Promise<void> {
  const tasks = Object.entries(dag.component.dag?.tasks ?? {});
  const names = new Set(tasks.map(([n]) => n));
  for (const [name, spec] of tasks) {
    const component = componentOf(ctx, spec);
    const node: TaskNode = { name, path: childPath(dag.path, name), spec, component, kind: taskKind(ctx, name, spec, component), state: 'PENDING', attempts: 0 };
    dag.nodes.set(name, node);
    ctx.changed(node);
  }
  const cycle = findCycle(tasks.map(([n, s]) => [n, dependencies(s, names)] as const));
  if (cycle !== undefined) {
    for (const node of dag.nodes.values()) finish(ctx, dag, node, 'FAILED', `the tasks depend on each other in a cycle: ${cycle.join(' → ')}`);
    return;
  }
  const running = new Map<string, Promise<void>>();
  const start = (name: string): Promise<void> => {
    let p = running.get(name);
    if (p === undefined) {
      const node = dag.nodes.get(name)!;
      p = (async () => {
        const deps = dependencies(node.spec, names);
        await Promise.all(deps.map(start));
        await runNode(ctx, dag, node, deps.map((d) => dag.nodes.get(d)!));
      })();
      running.set(name, p);
    }
    return p;
  };
  await Promise.all([...names].map(start));
}

function findCycle(edges: readonly (readonly [string, readonly string[]])[]): string[] | undefined {
  const graph = new Map(edges);
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const [n] of edges) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

function finish(ctx: EngineContext, dag: DagInstance | undefined, node: TaskNode, state: TaskNode['state'], message?: string, reason?: SkipReason): void {
  node.state = state;
  if (message !== undefined) node.message = message;
  if (reason !== undefined) node.skipReason = reason;
  node.finishedAt = Date.now();
  if (dag !== undefined) {
    node.completion = ++dag.completions;
    if (state === 'FAILED') dag.firstFailure ??= node.completion;
  }
  ctx.changed(node);
}

/** A dependency counts as reached (for exit hooks) if it ran, or was skipped by its own condition. */
function reached(dep: TaskNode): boolean {
  return succeeded(dep.state) || dep.state === 'FAILED' || (dep.state === 'SKIPPED' && dep.skipReason === 'condition');
}

async function runNode(ctx: EngineContext, dag: DagInstance, node: TaskNode, deps: readonly TaskNode[]): Promise<void> {
  if (ctx.signal.aborted) return finish(ctx, dag, node, 'CANCELED', 'not started: the run was interrupted');
  if (isHook(node.spec)) {
    if (deps.length > 0 && !deps.some(reached)) return skipTree(ctx, node, 'upstream', `none of the tasks it follows ran (${deps.map((d) => `${d.name} ${d.state}`).join(', ')})`);
  } else {
    const blocked = deps.find((d) => !succeeded(d.state));
    if (blocked !== undefined) return skipTree(ctx, node, 'upstream', `upstream task ${blocked.name} ${blocked.state}`);
    const readyAt = Math.max(0, ...deps.map((d) => d.completion ?? 0));
    if (dag.firstFailure !== undefined && dag.firstFailure < readyAt) return skipTree(ctx, node, 'fail-fast', 'not started: another task in the same DAG failed first');
  }
  // An executor task stays PENDING until it has a process slot (executor-task.ts); a DAG runs now.
  if (node.component.dag !== undefined) {
    node.startedAt = Date.now();
    node.state = 'RUNNING';
    ctx.changed(node);
  }

  const iterator = node.spec.parameterIterator ?? node.spec.artifactIterator;
  const taskCtx: TaskContext = {
    dag,
    taskName: node.name,
    dependentTasks: node.spec.dependentTasks ?? [],
    inputs: node.spec.inputs ?? {},
    component: node.component,
    isDag: node.component.dag !== undefined,
    ...(iterator?.itemInput !== undefined ? { skipTypeCheck: new Set([iterator.itemInput]) } : {}),
    run: ctx.placeholders,
  };
  const resolved = resolveTaskInputs(taskCtx);
  if (!resolved.ok) return finish(ctx, dag, node, 'FAILED', `could not resolve its inputs: ${resolved.message}`);

  const condition = node.spec.triggerPolicy?.condition;
  if (condition !== undefined && condition !== '') {
    const verdict = evaluateCondition(condition, resolved.parameters);
    if (!verdict.ok) return finish(ctx, dag, node, 'FAILED', `its condition ${condition} could not be evaluated: ${verdict.message}`);
    if (!verdict.value) return skipTree(ctx, node, 'condition', `condition is false: ${condition}`);
  }

  try {
    if (iterator !== undefined) await runLoop(ctx, node, resolved);
    else if (node.component.dag !== undefined) {
      const child = newDagInstance(ctx, node.path, node.component, new Map(Object.entries(resolved.parameters)), new Map(Object.entries(resolved.artifacts)));
      node.child = child;
      await runDag(ctx, child);
      node.state = dagState(ctx, child);
    } else {
      const executor = ctx.spec.deploymentSpec?.executors?.[node.component.executorLabel ?? ''];
      if (executor?.importer !== undefined) await runImporterTask(ctx, node, resolved, executor.importer);
      else if (executor?.container !== undefined) await runContainerTask(ctx, dag, node, taskCtx, resolved, executor.container, node.component.executorLabel ?? '');
      else node.state = 'FAILED', (node.message = `executor "${node.component.executorLabel}" cannot run locally`);
    }
  } catch (err) {
    node.state = 'FAILED';
    node.message = `internal error: ${(err as Error).message}`;
  }
  finish(ctx, dag, node, node.state);
}

function dagState(ctx: EngineContext, dag: DagInstance): TaskNode['state'] {
  const states = [...dag.nodes.values()].map((n) => n.state);
  if (states.includes('FAILED')) return 'FAILED';
  if (states.includes('CANCELED') || ctx.signal.aborted) return 'CANCELED';
  return 'SUCCEEDED';
}

/** Skips a task and reports what it would have run (a group's tasks, a loop's body) as skipped with it. */
function skipTree(ctx: EngineContext, node: TaskNode, reason: SkipReason, message: string): void {
  finish(ctx, undefined, node, 'SKIPPED', message, reason);
  const visit = (component: ComponentSpec, path: string): void => {
    for (const [name, spec] of Object.entries(component.dag?.tasks ?? {})) {
      const inner = componentOf(ctx, spec);
      const child: TaskNode = { name, path: childPath(path, name), spec, component: inner, kind: taskKind(ctx, name, spec, inner), state: 'SKIPPED', skipReason: reason, message: `inside ${node.path}, which was skipped`, attempts: 0 };
      ctx.changed(child);
      visit(inner, child.path);
    }
  };
  visit(node.component, node.path);
}

async function runLoop(ctx: EngineContext, node: TaskNode, resolved: { parameters: Record<string, JsonValue>; artifacts: Record<string, readonly LocalArtifact[]> }): Promise<void> {
  const spec = node.spec;
  let items: readonly (JsonValue | LocalArtifact)[];
  let itemInput: string;
  let itemsInput: string | undefined;
  const isArtifacts = spec.artifactIterator !== undefined;
  if (spec.parameterIterator !== undefined) {
    itemInput = spec.parameterIterator.itemInput ?? '';
    const source = spec.parameterIterator.items;
    let value: JsonValue | undefined;
    if (source?.raw !== undefined) {
      try {
        value = JSON.parse(source.raw) as JsonValue;
      } catch (err) {
        node.state = 'FAILED';
        node.message = `the loop's items are not JSON: ${(err as Error).message}`;
        return;
      }
    } else {
      itemsInput = source?.inputParameter;
      value = resolved.parameters[itemsInput ?? ''];
    }
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as JsonValue;
      } catch {
        // reported below
      }
    }
    if (!Array.isArray(value)) {
      node.state = 'FAILED';
      node.message = `the loop's items are not a list: ${JSON.stringify(value ?? null)}`;
      return;
    }
    items = value;
  } else {
    itemInput = spec.artifactIterator?.itemInput ?? '';
    itemsInput = spec.artifactIterator?.items?.inputArtifact;
    items = resolved.artifacts[itemsInput ?? ''] ?? [];
  }
  node.iterationCount = items.length;
  node.iterations = new Array<DagInstance | undefined>(items.length).fill(undefined);
  ctx.changed(node);
  const limit = spec.iteratorPolicy?.parallelismLimit ?? 0;
  const gate = new Semaphore(limit > 0 ? limit : Math.max(1, items.length));
  let loopFailed = false;
  const itemType = node.component.inputDefinitions?.parameters?.[itemInput]?.parameterType;
  await Promise.all(
    items.map(async (item, index) => {
      const release = await gate.acquire();
      const record: TaskNode = { name: String(index), path: `${node.path}/${index}`, spec, component: node.component, kind: 'iteration', state: 'PENDING', attempts: 0 };
      try {
        if (ctx.signal.aborted) return finish(ctx, undefined, record, 'CANCELED', 'not started: the run was interrupted');
        if (loopFailed) return finish(ctx, undefined, record, 'SKIPPED', 'not started: an earlier iteration failed', 'fail-fast');
        const parameters = new Map(Object.entries(resolved.parameters));
        const artifacts = new Map(Object.entries(resolved.artifacts));
        if (isArtifacts) {
          if (itemsInput !== undefined) artifacts.delete(itemsInput);
          artifacts.set(itemInput, [item as LocalArtifact]);
        } else {
          if (itemsInput !== undefined) parameters.delete(itemsInput);
          const checked = checkParameterType(item as JsonValue, itemType);
          if (!checked.ok) return finish(ctx, undefined, record, 'FAILED', `item ${index}: ${checked.message}`);
          parameters.set(itemInput, checked.value);
        }
        const iteration = newDagInstance(ctx, record.path, node.component, parameters, artifacts);
        node.iterations![index] = iteration;
        record.child = iteration;
        record.startedAt = Date.now();
        record.state = 'RUNNING';
        ctx.changed(record);
        await runDag(ctx, iteration);
        finish(ctx, undefined, record, dagState(ctx, iteration));
      } finally {
        if (record.state === 'FAILED') loopFailed = true;
        release();
      }
    }),
  );
  const states = node.iterations.map((it) => (it === undefined ? undefined : dagState(ctx, it)));
  node.state = loopFailed || states.includes('FAILED') ? 'FAILED' : ctx.signal.aborted && states.some((s) => s !== 'SUCCEEDED') ? 'CANCELED' : 'SUCCEEDED';
  if (node.state === 'FAILED') node.message = 'an iteration failed';
}
