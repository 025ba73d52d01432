import type { PythonImplementation } from '../dsl/component-node.ts';
import type { PipelineNode } from '../dsl/nodes.ts';
import type { DagNode, TaskNode } from '../dsl/nodes.ts';
import { k8sName } from '../dsl/k8s-name.ts';

function* tasksOf(nodes: readonly DagNode[]): Generator<TaskNode> {
  for (const n of nodes) {
    if (n.kind === 'task') yield n;
    else {
      if (n.kind === 'exitHandler') yield n.exitTask;
      yield* tasksOf(n.children);
    }
  }
}

/**
 * Every path `pathOf` returns for in the pipeline's lightweight components (pipelines used as components
 * included, each pipeline visited once), in the order tasks are declared, each with the path of the
 * first task that needs it (for messages). The compiler never reads files: the project layer reads
 * these and passes what it read in `CompileOptions`.
 */
export function pythonComponentPaths(
  pipeline: PipelineNode,
  pathOf: (impl: PythonImplementation) => string | undefined,
): Map<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>();
  const seen = new Set<PipelineNode>();
  const visit = (p: PipelineNode): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const t of tasksOf(p.children)) {
      const impl = t.component.implementation;
      if (impl.kind === 'graph') visit(impl.pipeline);
      else if (impl.kind === 'python') {
        const path = pathOf(impl);
        if (path !== undefined && !paths.has(path)) paths.set(path, [p.name, k8sName(t.component.name), 'component', impl.functionName]);
      }
    }
  };
  visit(pipeline);
  return paths;
}
