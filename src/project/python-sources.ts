import { readFile } from 'node:fs/promises';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { pythonSourceFiles } from '../compiler/python/source-files.ts';
import type { EmbeddedTree } from '../compiler/python/embedded-paths.ts';
import { readEmbeddedAssets } from './embedded-files.ts';
import { readPaths } from './read-paths.ts';

/**
 * Reads every Python file the pipeline's components name (each once), and every file or directory
 * they embed. The compiler itself never reads files.
 */
export async function readPythonSources(
  pipeline: PipelineNode,
): Promise<{ sources: Map<string, string>; embedded: Map<string, EmbeddedTree>; diagnostics: Diagnostic[] }> {
  const src = await readPaths(
    pythonSourceFiles(pipeline),
    (p) => readFile(p, 'utf8'),
    'python/source-unreadable',
    (p) => `the Python source file ${p} does not exist; fix the component's source path`,
  );
  const assets = await readEmbeddedAssets(pipeline);
  return { sources: src.read, embedded: assets.embedded, diagnostics: [...src.diagnostics, ...assets.diagnostics] };
}
