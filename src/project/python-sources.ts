import { readFile } from 'node:fs/promises';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { pythonSourceFiles } from '../compiler/python/source-files.ts';
import type { EmbeddedTree } from '../compiler/python/embedded-paths.ts';
import { readEmbeddedAssets } from './embedded-files.ts';

/**
 * Reads every Python file the pipeline's components name (each once), and every file or directory
 * they embed. The compiler itself never reads files.
 */
export async function readPythonSources(
  pipeline: PipelineNode,
): Promise<{ sources: Map<string, string>; embedded: Map<string, EmbeddedTree>; diagnostics: Diagnostic[] }> {
  const paths = pythonSourceFiles(pipeline);
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
  const assets = await readEmbeddedAssets(pipeline);
  return { sources, embedded: assets.embedded, diagnostics: [...diagnostics, ...assets.diagnostics] };
}
