import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Pipeline } from '../dsl/pipeline.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { ModuleLoadError } from './bundle-stack.ts';

function isPipeline(v: unknown): v is Pipeline {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';
}

/** Where in the user's file an error came from (line:col), from the bundle's mapped stack. */
function userFrame(err: unknown, file: string): string | undefined {
  const frame = err instanceof ModuleLoadError ? err.frames.find((f) => f.file === file) : undefined;
  return frame ? `${frame.line}:${frame.column}` : undefined;
}

/**
 * Imports a pipeline module (TypeScript runs through the loader the CLI registered) and picks the
 * pipeline: `exportName`, else the default export, else the only exported pipeline.
 */
export async function loadPipeline(file: string, exportName?: string): Promise<{ pipeline?: Pipeline; diagnostics: Diagnostic[] }> {
  const abs = path.resolve(file);
  try {
    const st = await stat(abs);
    if (!st.isFile()) return { diagnostics: [diagnostic('cli/not-a-file', file, `${file} is not a file`, file)] };
  } catch {
    return { diagnostics: [diagnostic('cli/file-missing', file, `${file} does not exist`, file)] };
  }
  let mod: Record<string, unknown>;
  try {
    // Always through the bundler: a .js pipeline may import TypeScript modules too.
    mod = await (await import('./import-typescript.ts')).importTypeScript(abs);
  } catch (err) {
    const where = userFrame(err, abs);
    const thrown = err instanceof ModuleLoadError ? err.thrown : err;
    const msg = thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown);
    return { diagnostics: [diagnostic('cli/module-threw', where ? `line ${where}` : 'module', `loading the pipeline file failed: ${msg}`, file)] };
  }
  const pipelines = Object.entries(mod).filter(([, v]) => isPipeline(v)) as [string, Pipeline][];
  if (exportName !== undefined) {
    const byExport = pipelines.find(([k]) => k === exportName) ?? pipelines.find(([, v]) => v.name === exportName);
    if (byExport) return { pipeline: byExport[1], diagnostics: [] };
    return {
      diagnostics: [diagnostic('cli/no-such-pipeline', `export ${exportName}`, `${file} exports no pipeline named '${exportName}'; it exports: ${pipelines.map(([k]) => k).join(', ') || 'none'}`, file)],
    };
  }
  const def = pipelines.find(([k]) => k === 'default');
  if (def) return { pipeline: def[1], diagnostics: [] };
  if (pipelines.length === 1) return { pipeline: pipelines[0]![1], diagnostics: [] };
  if (pipelines.length === 0)
    return { diagnostics: [diagnostic('cli/no-pipeline', 'exports', `${file} exports no pipeline; export one made with pipeline(...) (e.g. \`export default pipeline(...)\`)`, file)] };
  return {
    diagnostics: [diagnostic('cli/ambiguous-pipeline', 'exports', `${file} exports several pipelines (${pipelines.map(([k]) => k).join(', ')}); choose one with --function NAME`, file)],
  };
}
