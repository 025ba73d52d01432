import type { ComponentInputsSpec, DagSpec, PipelineSpec, PipelineTaskSpec, PlatformSpec } from '../ir/index.ts';
import type { DagEntry, DagView, GroupEntry, LowerContext, TaskEntry } from './context.ts';
import type { IrTables } from './ir-tables.ts';
import { groupChannels, lowerGroupInputs, lowerGroupOutputs, lowerGroupTask } from './lower-group.ts';
import { lowerPrimitiveTask, lowerTaskSpec } from './lower-task.ts';
import { mergeSubPipeline } from './merge-subpipeline.ts';

function dagView(inputs: ComponentInputsSpec | undefined, children: readonly DagEntry[]): DagView {
  return {
    inputParameters: new Set(Object.keys(inputs?.parameters ?? {})),
    inputArtifacts: new Set(Object.keys(inputs?.artifacts ?? {})),
    siblings: new Set(children.map((c) => c.name)),
  };
}

/** The documents of a pipeline a task runs: compiled (diagnostics placed under the task), or as loaded from IR. */
function subPipelineDocuments(ctx: LowerContext, t: TaskEntry): { pipelineSpec?: PipelineSpec; platformSpec?: PlatformSpec } {
  const impl = t.node.component.implementation;
  if (impl.kind === 'ir') return { pipelineSpec: impl.pipelineSpec, ...(impl.platformSpec ? { platformSpec: impl.platformSpec } : {}) };
  if (impl.kind !== 'graph') return {};
  // Only the root compile is "a component on its own": nested, a pipelineOfComponent(...) is an
  // ordinary one-task pipeline, as a @dsl.pipeline wrapping that component is in kfp.
  const { ofComponent: _alone, ...asPipeline } = impl.pipeline;
  const inner = ctx.compileInner(asPipeline, { ...ctx.options, pipelineParameters: undefined, file: undefined });
  // The inner paths start at the inner pipeline's name: hang them under this task.
  for (const d of inner.diagnostics) ctx.report({ ...d, path: [ctx.naming.pipelineName, t.name, ...d.path] });
  return inner;
}

/**
 * One task of a DAG: its component and executor (named `comp-<task>`, `exec-<task>`, unique), its
 * platform settings, and its spec. A pipeline used as a component is merged in (its components
 * and executors renamed where they clash) and its root becomes the task's component.
 */
function lowerTask(ctx: LowerContext, tables: IrTables, t: TaskEntry, dag: DagView, tasks: Record<string, PipelineTaskSpec>, exitHandlerName?: string): void {
  const impl = t.node.component.implementation;
  if (impl.kind === 'graph' || (impl.kind === 'ir' && !impl.container)) {
    const docs = subPipelineDocuments(ctx, t);
    if (!docs.pipelineSpec) return;
    const merged = mergeSubPipeline(tables, docs.pipelineSpec, docs.platformSpec);
    for (const [label, executor] of merged.executors) tables.defineExecutor(label, executor);
    for (const [label, config] of merged.platformExecutors) tables.definePlatformExecutor(label, config);
    for (const [name, component] of merged.components) tables.defineComponent(name, component);
    const name = tables.reserveComponent(`comp-${t.name}`);
    tables.defineComponent(name, merged.root);
    tasks[t.name] = lowerTaskSpec(ctx, t, dag, name, exitHandlerName);
    return;
  }
  const name = tables.reserveComponent(`comp-${t.name}`);
  const label = tables.reserveExecutor(`exec-${t.name}`);
  const fragment = lowerPrimitiveTask(ctx, t, dag, label);
  tables.defineComponent(name, fragment.component);
  tables.defineExecutor(label, fragment.executor);
  if (fragment.platformExecutor) tables.definePlatformExecutor(label, fragment.platformExecutor);
  tasks[t.name] = lowerTaskSpec(ctx, t, dag, name, exitHandlerName);
}

/**
 * One DAG — the root's or a group's — and, below it, the DAGs of its groups. kfp's order decides
 * who gets `comp-x` and who `comp-x-2`: the groups' tasks first (their components named, then
 * defined once their own DAGs are lowered, after this DAG's tasks), then the tasks, then the
 * exit tasks (kfp adds them last, in build_exit_handler_groups_recursively).
 */
export function lowerDag(ctx: LowerContext, tables: IrTables, group: GroupEntry | undefined, inputs: ComponentInputsSpec | undefined, children: readonly DagEntry[]): DagSpec {
  const tasks: Record<string, PipelineTaskSpec> = {};
  const dag = dagView(inputs, children);
  const groups = children.filter((c): c is GroupEntry => c.kind === 'group');
  const ordinary = children.filter((c): c is TaskEntry => c.kind === 'task' && !c.isExitTask);
  const exits = children.filter((c): c is TaskEntry => c.kind === 'task' && c.isExitTask);

  const pending = groups.map((g) => {
    const channels = groupChannels(ctx, g);
    const name = tables.reserveComponent(`comp-${g.name}`);
    tasks[g.name] = lowerGroupTask(ctx, g, channels, dag, group === undefined, name);
    return { g, name, inputDefinitions: lowerGroupInputs(ctx.naming, channels) };
  });
  for (const t of ordinary) lowerTask(ctx, tables, t, dag, tasks);
  for (const { g, name, inputDefinitions } of pending) {
    const { outputDefinitions, dagOutputs } = lowerGroupOutputs(ctx.naming, g.name);
    const inner = lowerDag(ctx, tables, g, inputDefinitions, g.children);
    tables.defineComponent(name, {
      ...(inputDefinitions ? { inputDefinitions } : {}),
      ...(outputDefinitions ? { outputDefinitions } : {}),
      dag: { ...inner, ...(dagOutputs ? { outputs: dagOutputs } : {}) },
    });
  }
  for (const t of exits) {
    const handler = groups.find((g) => g.node.kind === 'exitHandler' && g.node.exitTask.id === t.node.id);
    lowerTask(ctx, tables, t, dag, tasks, handler?.name);
  }
  return { tasks };
}
