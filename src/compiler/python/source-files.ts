import type { PipelineNode } from '../../dsl/pipeline-node.ts';
import type { DagNode, TaskNode } from '../../dsl/task-node.ts';
import { k8sName } from '../structure.ts';

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
 * Every Python file the pipeline's lightweight components name, pipelines used as components
 * included, each with the path of the first task that needs it (for messages). The caller reads them
 * and passes their text as `CompileOptions.sources`.
 */
export function pythonSourceFiles(pipeline: PipelineNode): Map<string, string> {
  const paths = new Map<string, string>();
  const seen = new Set<PipelineNode>();
  const visit = (p: PipelineNode): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const t of tasksOf(p.children)) {
      const impl = t.component.implementation;
      if (impl.kind === 'graph') visit(impl.pipeline);
      else if (impl.kind === 'python' && impl.source.kind === 'file' && !paths.has(impl.source.path))
        paths.set(impl.source.path, `pipeline/${k8sName(t.component.name)}/component/${impl.functionName}`);
    }
  };
  visit(pipeline);
  return paths;
}
