import { readFile } from 'node:fs/promises';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import type { DagNode } from '../dsl/task-node.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { k8sName } from '../compiler/structure.ts';

function* tasksOf(nodes: readonly DagNode[]): Generator<DagNode & { kind: 'task' }> {
  for (const n of nodes) {
    if (n.kind === 'task') yield n;
    else {
      if (n.kind === 'exitHandler') yield n.exitTask;
      yield* tasksOf(n.children);
    }
  }
}

/** Reads every Python file the pipeline's components name (each once). The compiler itself never reads files. */
export async function readPythonSources(pipeline: PipelineNode): Promise<{ sources: Map<string, string>; diagnostics: Diagnostic[] }> {
  // Each file, with the first component that needs it (named in the message when it is missing).
  const paths = new Map<string, string>();
  for (const t of tasksOf(pipeline.children)) {
    const impl = t.component.implementation;
    if (impl.kind === 'python' && impl.source.kind === 'file' && !paths.has(impl.source.path))
      paths.set(impl.source.path, `pipeline/${k8sName(t.component.name)}/component/${impl.functionName}`);
  }
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    [...paths].map(async ([p, user]) => {
      try {
        sources.set(p, await readFile(p, 'utf8'));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        diagnostics.push(
          diagnostic(
            'python/source-unreadable',
            user,
            code === 'ENOENT' ? `the Python source file ${p} does not exist; fix the component's source path` : `cannot read ${p}: ${(err as Error).message}`,
            p,
          ),
        );
      }
    }),
  );
  return { sources, diagnostics };
}
