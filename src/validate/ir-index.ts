/**
 * An index of the components and tasks of a PipelineSpec, shared by the reference checks. Built
 * from the typed view of the document (readIr), so missing or mistyped parts are simply absent.
 */
import type { ComponentSpec, DagSpec, PipelineSpec, PipelineTaskSpec } from '../ir/index.ts';
import { joinPath } from './ir-access.ts';

export interface ComponentInfo {
  readonly name: string;
  /** Diagnostic path of the component: `root` or `components/<name>`. */
  readonly path: string;
  readonly spec: ComponentSpec;
  readonly inputParameters: ReadonlySet<string>;
  readonly inputArtifacts: ReadonlySet<string>;
  readonly outputParameters: ReadonlySet<string>;
  readonly outputArtifacts: ReadonlySet<string>;
  readonly executorLabel: string | undefined;
  /** The DAG's tasks by name (empty for an executor-backed component). */
  readonly tasks: ReadonlyMap<string, PipelineTaskSpec>;
  readonly dag: DagSpec | undefined;
}

export interface TaskInfo {
  readonly name: string;
  readonly path: string;
  readonly spec: PipelineTaskSpec;
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

const keys = (map: object | undefined): ReadonlySet<string> => new Set(Object.keys(map ?? {}));

function componentInfo(name: string, path: string, spec: ComponentSpec): ComponentInfo {
  return {
    name,
    path,
    spec,
    inputParameters: keys(spec.inputDefinitions?.parameters),
    inputArtifacts: keys(spec.inputDefinitions?.artifacts),
    outputParameters: keys(spec.outputDefinitions?.parameters),
    outputArtifacts: keys(spec.outputDefinitions?.artifacts),
    executorLabel: spec.executorLabel,
    tasks: new Map(Object.entries(spec.dag?.tasks ?? {})),
    dag: spec.dag,
  };
}

export function indexPipelineSpec(spec: PipelineSpec): IrIndex {
  const components = new Map<string, ComponentInfo>();
  for (const [name, component] of Object.entries(spec.components ?? {})) {
    components.set(name, componentInfo(name, joinPath('components', name), component));
  }
  const root = spec.root ? componentInfo('root', 'root', spec.root) : undefined;
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
        componentName: task.componentRef?.name,
      };
      tasks.push(info);
      siblings.set(name, info);
    }
  }
  return {
    components,
    root,
    executors: keys(spec.deploymentSpec?.executors),
    hasDeploymentSpec: spec.deploymentSpec !== undefined,
    tasks,
    task: (parent, name) => byParent.get(parent)?.get(name),
    componentOf: (task) => (task?.componentName === undefined ? undefined : components.get(task.componentName)),
  };
}
