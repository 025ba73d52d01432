import type { PipelineNode } from '../../dsl/pipeline-node.ts';
import type { DagNode, TaskNode } from '../../dsl/task-node.ts';
import { k8sName } from '../structure.ts';

/**
 * What the project layer read at an embedded asset's path, for the (pure) compiler to archive:
 * a single file, or a directory's entries in the order kfp's tarfile adds them (each directory's
 * names sorted, depth first), paths relative to the directory with `/` separators.
 */
export type EmbeddedTree =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array; readonly executable: boolean }
  | { readonly kind: 'dir'; readonly entries: readonly EmbeddedEntry[] }
  /** Neither a file nor a directory (a socket, a device, …): reported by the compiler. */
  | { readonly kind: 'other' };

export type EmbeddedEntry =
  | { readonly kind: 'file'; readonly path: string; readonly bytes: Uint8Array; readonly executable: boolean }
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  | { readonly kind: 'other'; readonly path: string };

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
 * Every path the pipeline's components embed (nested pipelines included), each with the path of
 * the first task that needs it (for messages). The caller reads them and passes what it read as
 * `CompileOptions.embedded`.
 */
export function embeddedAssetPaths(pipeline: PipelineNode): Map<string, string> {
  const paths = new Map<string, string>();
  const seen = new Set<PipelineNode>();
  const visit = (p: PipelineNode): void => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const t of tasksOf(p.children)) {
      const impl = t.component.implementation;
      if (impl.kind === 'graph') visit(impl.pipeline);
      else if (impl.kind === 'python' && impl.embedded?.path && !paths.has(impl.embedded.path))
        paths.set(impl.embedded.path, `pipeline/${k8sName(t.component.name)}/component/${impl.functionName}`);
    }
  };
  visit(pipeline);
  return paths;
}
