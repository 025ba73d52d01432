import { readFile } from 'node:fs/promises';
import type { PipelineNode } from '../dsl/nodes.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { pythonSourceFiles } from '../python/index.ts';
import { readPaths } from './read-paths.ts';

/** Reads every Python file the pipeline's components name (each once). The compiler itself never reads files. */
export async function readPythonSources(pipeline: PipelineNode): Promise<{ sources: Map<string, string>; diagnostics: Diagnostic[] }> {
  const { read, diagnostics } = await readPaths(
    pythonSourceFiles(pipeline),
    (p) => readFile(p, 'utf8'),
    'python/source-unreadable',
    (p) => `the Python source file ${p} does not exist; fix the component's source path`,
  );
  return { sources: read, diagnostics };
}
