import { diagnostic, warning, type Diagnostic } from '../diagnostics.ts';
import { conditionLabel, loopLabel, stripChannelPrefix } from './group-labels.ts';
import type { GraphEdge, GraphItem, GroupKind, GroupNode, PipelineGraph, TaskNode } from './graph-model.ts';
import type { ComponentSpec, DagSpec, InputArtifactSpec, InputParameterSpec, PipelineSpec, PipelineTaskSpec } from '../ir/index.ts';

/** The tasks of one DAG: the root, a control-flow group's body, or a nested pipeline's body. */
interface Scope {
  readonly dag: DagSpec;
  readonly kind: GroupKind | 'root';
  /** The task in the parent DAG that runs this DAG. */
  readonly parent?: { readonly scope: Scope; readonly task: PipelineTaskSpec };
  readonly items: Map<string, GraphItem>;
  readonly tasks: Map<string, PipelineTaskSpec>;
  readonly children: Map<string, Scope>;
}

/** Where a value comes from: the item that produces it and the output's name there. */
interface Source {
  readonly id: string;
  readonly key: string;
}

// kfp names the components of its control-flow groups `comp-<kind>-<n>` (and the tasks `<kind>-<n>`);
// every other component with a DAG is a pipeline used as a component.
const CONTROL_FLOW = /^comp-(condition-branches|condition|for-loop|exit-handler)-\d+$/;
const COMP_PREFIX = /^comp-/;
const MAX_DEPTH = 64;

function entries<T>(record: { readonly [key: string]: T } | undefined): [string, T][] {
  return record !== null && typeof record === 'object' && !Array.isArray(record) ? Object.entries(record) : [];
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function groupKindOf(componentName: string, task: PipelineTaskSpec): GroupKind {
  if (task.parameterIterator !== undefined || task.artifactIterator !== undefined) return 'loop';
  const kind = CONTROL_FLOW.exec(componentName)?.[1];
  if (kind === 'condition-branches') return 'branches';
  if (kind === 'condition') return 'condition';
  if (kind === 'for-loop') return 'loop';
  if (kind === 'exit-handler') return 'exit-handler';
  return 'pipeline';
}

function groupLabel(kind: GroupKind, name: string, task: PipelineTaskSpec): string {
  const display = task.taskInfo?.name ?? name;
  switch (kind) {
    case 'condition':
      return conditionLabel(task.triggerPolicy?.condition);
    case 'loop':
      return loopLabel(task);
    case 'exit-handler':
      return /^exit-handler-\d+$/.test(display) ? 'exit handler' : `exit handler ${display}`;
    case 'branches':
      return 'if / elif / else';
    case 'pipeline':
      return display;
  }
}

/**
 * The graph of a compiled pipeline (the first document of an IR file): every task, with the
 * control-flow groups and nested pipelines as nested groups, and an edge for each output passed
 * on (traced through the groups to the task that produces it and the task that reads it), each
 * `.after()`, and each exit handler's exit task. Works on any PipelineSpec, including kfp's.
 *
 * @example
 * const { graph, diagnostics } = buildGraph(spec);
 * if (graph) process.stdout.write(toMermaid(graph));
 */
export function buildGraph(spec: PipelineSpec, file?: string): { graph?: PipelineGraph; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rootDag = isObject(spec) && isObject(spec.root) ? spec.root.dag : undefined;
  if (!isObject(rootDag)) {
    diagnostics.push(
      diagnostic('graph/unreadable-ir', 'root/dag', 'The document has no root DAG, so it is not a compiled pipeline (KFP IR). Give a file written by `kfp-ts compile` or kfp\'s compiler.', file),
    );
    return { diagnostics };
  }
  const components = spec.components ?? {};
  const executors = spec.deploymentSpec?.executors ?? {};
  let counter = 0;
  const nextId = () => `n${counter++}`;

  function task(name: string, path: string, t: PipelineTaskSpec, componentName: string, component: ComponentSpec | undefined): TaskNode {
    const executor = component?.executorLabel !== undefined ? executors[component.executorLabel] : undefined;
    const kind = executor?.container ? 'container' : executor?.importer ? 'importer' : executor?.resolver ? 'resolver' : executor?.customJob ? 'customJob' : 'unknown';
    const image = executor?.container?.image;
    return {
      kind: 'task',
      id: nextId(),
      path,
      label: t.taskInfo?.name ?? name,
      component: componentName.replace(COMP_PREFIX, ''),
      executor: kind,
      ...(typeof image === 'string' ? { image } : {}),
      caching: t.cachingOptions?.enableCache === true,
    };
  }

  function scopeOf(dag: DagSpec, prefix: string, kind: Scope['kind'], parent: Scope['parent'], stack: readonly string[]): Scope {
    const scope: Scope = { dag, kind, ...(parent ? { parent } : {}), items: new Map(), tasks: new Map(), children: new Map() };
    for (const [name, t] of entries(dag.tasks)) {
      if (!isObject(t)) continue;
      const path = `${prefix}${name}`;
      const componentName = typeof t.componentRef?.name === 'string' ? t.componentRef.name : '';
      const component = components[componentName];
      scope.tasks.set(name, t);
      if (component === undefined)
        diagnostics.push(warning('graph/missing-component', `root/dag/tasks/${path}`, `Task ${path} runs component '${componentName}', which the file does not define; it is drawn as a task.`, file));
      if (isObject(component) && isObject(component.dag)) {
        if (stack.includes(componentName) || stack.length >= MAX_DEPTH) {
          diagnostics.push(diagnostic('graph/recursive-component', `root/dag/tasks/${path}`, `Component '${componentName}' contains itself; a pipeline's DAG cannot nest itself.`, file));
          continue;
        }
        const groupKind = groupKindOf(componentName, t);
        const id = nextId();
        const child = scopeOf(component.dag, `${path}/`, groupKind, { scope, task: t }, [...stack, componentName]);
        scope.children.set(name, child);
        const group: GroupNode = {
          kind: 'group',
          id,
          path,
          groupKind,
          label: groupLabel(groupKind, name, t),
          component: componentName.replace(COMP_PREFIX, ''),
          children: [...child.items.values()],
        };
        scope.items.set(name, group);
      } else {
        scope.items.set(name, task(name, path, t, componentName, isObject(component) ? component : undefined));
      }
    }
    return scope;
  }

  const root = scopeOf(rootDag, '', 'root', undefined, []);
  const edges = collectEdges(root);
  const name = spec.pipelineInfo?.displayName ?? spec.pipelineInfo?.name ?? 'pipeline';
  const description = spec.pipelineInfo?.description;
  return {
    graph: { name, ...(description ? { description } : {}), items: [...root.items.values()], edges },
    diagnostics,
  };
}

/** The producers of output `key` of task `producer` in `scope`, followed into control-flow groups. */
function producers(scope: Scope, producer: string | undefined, key: string | undefined, kind: 'parameter' | 'artifact', depth = 0): Source[] {
  if (producer === undefined || key === undefined) return [];
  const item = scope.items.get(producer);
  if (item === undefined) return [];
  const child = scope.children.get(producer);
  if (item.kind === 'group' && item.groupKind !== 'pipeline' && child && depth < MAX_DEPTH) {
    const outputs = child.dag.outputs;
    const selectors =
      kind === 'parameter'
        ? (() => {
            const spec = outputs?.parameters?.[key];
            if (spec?.valueFromParameter) return [{ task: spec.valueFromParameter.producerSubtask, key: spec.valueFromParameter.outputParameterKey }];
            return (spec?.valueFromOneof?.parameterSelectors ?? []).map((s) => ({ task: s.producerSubtask, key: s.outputParameterKey }));
          })()
        : (outputs?.artifacts?.[key]?.artifactSelectors ?? []).map((s) => ({ task: s.producerSubtask, key: s.outputArtifactKey }));
    const found = selectors.flatMap((s) => producers(child, s.task, s.key, kind, depth + 1));
    if (found.length > 0) return found;
  }
  return [{ id: item.id, key: stripChannelPrefix(key) }];
}

/** Where a component input of a control-flow group's body comes from, in the DAGs around it. */
function groupInputSources(scope: Scope, input: string, kind: 'parameter' | 'artifact', depth = 0): Source[] {
  const parent = scope.parent;
  if (parent === undefined || scope.kind === 'pipeline' || scope.kind === 'root' || depth >= MAX_DEPTH) return [];
  const task = parent.task;
  const parameterItem = task.parameterIterator?.itemInput;
  if (parameterItem !== undefined && (input === parameterItem || input.startsWith(`${parameterItem}-subvar-`))) {
    const items = task.parameterIterator?.items?.inputParameter;
    return items === undefined ? [] : inputSources(parent.scope, task.inputs?.parameters?.[items], undefined, depth + 1);
  }
  const artifactItem = task.artifactIterator?.itemInput;
  if (artifactItem !== undefined && input === artifactItem) {
    const items = task.artifactIterator?.items?.inputArtifact;
    return items === undefined ? [] : inputSources(parent.scope, undefined, task.inputs?.artifacts?.[items], depth + 1);
  }
  return kind === 'parameter'
    ? inputSources(parent.scope, task.inputs?.parameters?.[input], undefined, depth + 1)
    : inputSources(parent.scope, undefined, task.inputs?.artifacts?.[input], depth + 1);
}

function inputSources(scope: Scope, parameter: InputParameterSpec | undefined, artifact: InputArtifactSpec | undefined, depth = 0): Source[] {
  if (isObject(parameter)) {
    if (parameter.taskOutputParameter) return producers(scope, parameter.taskOutputParameter.producerTask, parameter.taskOutputParameter.outputParameterKey, 'parameter');
    if (typeof parameter.componentInputParameter === 'string') return groupInputSources(scope, parameter.componentInputParameter, 'parameter', depth);
  }
  if (isObject(artifact)) {
    if (artifact.taskOutputArtifact) return producers(scope, artifact.taskOutputArtifact.producerTask, artifact.taskOutputArtifact.outputArtifactKey, 'artifact');
    if (typeof artifact.componentInputArtifact === 'string') return groupInputSources(scope, artifact.componentInputArtifact, 'artifact', depth);
  }
  return [];
}

function descendantIds(item: GraphItem): Set<string> {
  const ids = new Set([item.id]);
  if (item.kind === 'group') for (const child of item.children) for (const id of descendantIds(child)) ids.add(id);
  return ids;
}

function collectEdges(root: Scope): GraphEdge[] {
  const data = new Map<string, { from: string; to: string; labels: Set<string> }>();
  const other: GraphEdge[] = [];
  const scopes: Scope[] = [];
  const visit = (scope: Scope) => {
    scopes.push(scope);
    for (const child of scope.children.values()) visit(child);
  };
  visit(root);

  for (const scope of scopes)
    for (const [name, task] of scope.tasks) {
      const item = scope.items.get(name);
      if (item === undefined) continue;
      // A control-flow group's inputs are the channels its body reads (the edges go to the tasks
      // inside), except those its condition reads: they go to the group itself.
      const condition = task.triggerPolicy?.condition;
      const readHere = (input: string) =>
        item.kind !== 'group' || item.groupKind === 'pipeline' || (typeof condition === 'string' && condition.includes(`'${input}'`));
      const sources = [
        ...entries(task.inputs?.parameters).flatMap(([input, p]) => (readHere(input) ? inputSources(scope, p, undefined) : [])),
        ...entries(task.inputs?.artifacts).flatMap(([input, a]) => (readHere(input) ? inputSources(scope, undefined, a) : [])),
      ];
      for (const source of sources) {
        if (source.id === item.id) continue;
        const key = `${source.id}->${item.id}`;
        const edge = data.get(key) ?? { from: source.id, to: item.id, labels: new Set<string>() };
        edge.labels.add(source.key);
        data.set(key, edge);
      }
    }

  for (const scope of scopes)
    for (const [name, task] of scope.tasks) {
      const item = scope.items.get(name);
      if (item === undefined) continue;
      const targets = descendantIds(item);
      for (const dependency of Array.isArray(task.dependentTasks) ? task.dependentTasks : []) {
        const upstream = scope.items.get(dependency);
        if (upstream === undefined) continue;
        if (upstream.kind === 'group' && upstream.groupKind === 'exit-handler' && task.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED') {
          other.push({ from: upstream.id, to: item.id, label: 'on exit', kind: 'exit' });
          continue;
        }
        const sources = descendantIds(upstream);
        const carried = [...data.values()].some((e) => sources.has(e.from) && targets.has(e.to));
        if (!carried) other.push({ from: upstream.id, to: item.id, label: '', kind: 'order' });
      }
    }

  return [
    ...[...data.values()].map((e): GraphEdge => ({ from: e.from, to: e.to, label: [...e.labels].sort().join(', '), kind: 'data' })),
    ...other,
  ];
}
