/**
 * An index of the components and tasks of a PipelineSpec, shared by the reference checks. Built
 * from whatever the document holds: missing or mistyped parts are simply absent from the index.
 */
import { field, isObject, joinPath, mapEntries, mapKeys, stringField, type JsonObject } from './ir-access.ts';

export interface ComponentInfo {
  readonly name: string;
  /** Diagnostic path of the component: `root` or `components/<name>`. */
  readonly path: string;
  readonly spec: JsonObject;
  readonly inputParameters: ReadonlySet<string>;
  readonly inputArtifacts: ReadonlySet<string>;
  readonly outputParameters: ReadonlySet<string>;
  readonly outputArtifacts: ReadonlySet<string>;
  readonly executorLabel: string | undefined;
  /** The DAG's tasks by name (empty for an executor-backed component). */
  readonly tasks: ReadonlyMap<string, JsonObject>;
  readonly dag: JsonObject | undefined;
}

export interface TaskInfo {
  readonly name: string;
  readonly path: string;
  readonly spec: JsonObject;
  /** The component whose DAG holds this task. */
  readonly parent: ComponentInfo;
  readonly componentName: string | undefined;
}

export interface IrIndex {
  readonly components: ReadonlyMap<string, ComponentInfo>;
  readonly root: ComponentInfo | undefined;
  readonly executors: ReadonlySet<string>;
  readonly hasDeploymentSpec: boolean;
  /** Every task of every DAG (root first, then components in document order). */
  readonly tasks: readonly TaskInfo[];
  /** The task called `name` in the DAG of `parent`. */
  task(parent: ComponentInfo, name: string): TaskInfo | undefined;
  /** The component a task runs, when its componentRef resolves. */
  componentOf(task: TaskInfo | undefined): ComponentInfo | undefined;
}

function componentInfo(name: string, path: string, spec: JsonObject): ComponentInfo {
  const inputs = field(spec, 'inputDefinitions', 'input_definitions');
  const outputs = field(spec, 'outputDefinitions', 'output_definitions');
  const dag = field(spec, 'dag');
  const tasks = new Map<string, JsonObject>();
  for (const [taskName, task] of mapEntries(field(dag, 'tasks'))) if (isObject(task)) tasks.set(taskName, task);
  return {
    name,
    path,
    spec,
    inputParameters: mapKeys(field(inputs, 'parameters')),
    inputArtifacts: mapKeys(field(inputs, 'artifacts')),
    outputParameters: mapKeys(field(outputs, 'parameters')),
    outputArtifacts: mapKeys(field(outputs, 'artifacts')),
    executorLabel: stringField(spec, 'executorLabel', 'executor_label'),
    tasks,
    dag: isObject(dag) ? dag : undefined,
  };
}

export function indexPipelineSpec(spec: unknown): IrIndex {
  const components = new Map<string, ComponentInfo>();
  for (const [name, component] of mapEntries(field(spec, 'components'))) {
    if (isObject(component)) components.set(name, componentInfo(name, joinPath('components', name), component));
  }
  const rootSpec = field(spec, 'root');
  const root = isObject(rootSpec) ? componentInfo('root', 'root', rootSpec) : undefined;
  const deployment = field(spec, 'deploymentSpec', 'deployment_spec');
  const tasks: TaskInfo[] = [];
  const byParent = new Map<ComponentInfo, Map<string, TaskInfo>>();
  for (const parent of [...(root ? [root] : []), ...components.values()]) {
    const siblings = new Map<string, TaskInfo>();
    byParent.set(parent, siblings);
    for (const [name, task] of parent.tasks) {
      const info: TaskInfo = {
        name,
        path: joinPath(parent.path, 'dag', 'tasks', name),
        spec: task,
        parent,
        componentName: stringField(field(task, 'componentRef', 'component_ref'), 'name'),
      };
      tasks.push(info);
      siblings.set(name, info);
    }
  }
  return {
    components,
    root,
    executors: mapKeys(field(deployment, 'executors')),
    hasDeploymentSpec: isObject(deployment),
    tasks,
    task: (parent, name) => byParent.get(parent)?.get(name),
    componentOf: (task) => (task?.componentName === undefined ? undefined : components.get(task.componentName)),
  };
}
