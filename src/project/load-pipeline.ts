import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Component } from '../dsl/component.ts';
import type { Pipeline } from '../dsl/pipeline.ts';
import { k8sName } from '../dsl/k8s-name.ts';
import { pipelineOfComponent } from '../dsl/pipeline-of-component.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { BundleError, ModuleLoadError } from './bundle-errors.ts';

function isPipeline(v: unknown): v is Pipeline {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';
}

function isComponent(v: unknown): v is Component {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'componentHandle';
}

/** The export names of the distinct values (`export default p` beside `export const p` is one). */
function distinct<T>(entries: readonly (readonly [string, T])[]): [string, T][] {
  const seen = new Map<T, string[]>();
  for (const [k, v] of entries) seen.set(v, [...(seen.get(v) ?? []), k]);
  return [...seen].map(([v, names]) => [names.filter((n) => n !== 'default')[0] ?? 'default', v]);
}

/**
 * Whether `name` names the component: kfp's `--function` takes the Python name (`train_model`),
 * which kfp-ts keeps as a Python component's function name; kfp's component name is derived from
 * it (`Train model`), and so is the pipeline's (`train-model`). Any of the three picks it.
 */
function isNamed(c: Component, name: string): boolean {
  const impl = c.node.implementation;
  if (impl.kind === 'python' && impl.functionName === name) return true;
  return c.node.name === name || (k8sName(name) !== '' && k8sName(c.node.name) === k8sName(name));
}

function list(names: readonly string[]): string {
  return names.join(', ') || 'none';
}

/** Where in the user's file an error came from (line:col), from the bundle's mapped stack. */
function userFrame(err: unknown, file: string): string | undefined {
  const frame = err instanceof ModuleLoadError ? err.frames.find((f) => f.file === file) : undefined;
  return frame ? `${frame.line}:${frame.column}` : undefined;
}

/**
 * Imports a pipeline module (TypeScript runs through the loader the CLI registered) and picks what
 * to compile, as kfp's `--function`: `exportName` (an export name, or a pipeline's or component's
 * own name), else the default export, else the only exported pipeline, else (no pipeline) the only
 * exported component. A component is compiled on its own, as a pipeline of its own
 * ({@link pipelineOfComponent}).
 */
export async function loadPipeline(file: string, exportName?: string): Promise<{ pipeline?: Pipeline; diagnostics: Diagnostic[] }> {
  const abs = path.resolve(file);
  try {
    const st = await stat(abs);
    if (!st.isFile()) return { diagnostics: [diagnostic('cli/not-a-file', [file], `${file} is not a file`, file)] };
  } catch {
    return { diagnostics: [diagnostic('cli/file-missing', [file], `${file} does not exist`, file)] };
  }
  let mod: Record<string, unknown>;
  try {
    // Always through the bundler: a .js pipeline may import TypeScript modules too.
    mod = await (await import('./import-typescript.ts')).importTypeScript(abs);
  } catch (err) {
    if (err instanceof BundleError) {
      const at = err.location;
      const where = at ? (at.file === abs ? `line ${at.line}:${at.column}` : `${at.file}:${at.line}:${at.column}`) : 'module';
      return { diagnostics: [diagnostic('cli/module-unreadable', where, `the pipeline file could not be bundled: ${err.message}`, file)] };
    }
    const where = userFrame(err, abs);
    const thrown = err instanceof ModuleLoadError ? err.thrown : err;
    const msg = thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown);
    return { diagnostics: [diagnostic('cli/module-threw', where ? `line ${where}` : 'module', `loading the pipeline file failed: ${msg}`, file)] };
  }
  const pipelines = Object.entries(mod).filter(([, v]) => isPipeline(v)) as [string, Pipeline][];
  const components = Object.entries(mod).filter(([, v]) => isComponent(v)) as [string, Component][];
  const exports = `pipelines: ${list(pipelines.map(([k]) => k))}; components: ${list(components.map(([k]) => k))}`;
  const ofComponent = (c: Component) => ({ pipeline: pipelineOfComponent(c) as Pipeline, diagnostics: [] });
  if (exportName !== undefined) {
    // An export name first, then a pipeline's or component's own name.
    const pipelineByExport = pipelines.find(([k]) => k === exportName);
    if (pipelineByExport) return { pipeline: pipelineByExport[1], diagnostics: [] };
    const componentByExport = components.find(([k]) => k === exportName);
    if (componentByExport) return ofComponent(componentByExport[1]);
    const pipelineByName = pipelines.find(([, v]) => v.name === exportName);
    if (pipelineByName) return { pipeline: pipelineByName[1], diagnostics: [] };
    const byName = distinct(components.filter(([, v]) => isNamed(v, exportName)));
    if (byName.length === 1) return ofComponent(byName[0]![1]);
    if (byName.length > 1)
      return {
        diagnostics: [diagnostic('cli/ambiguous-pipeline', `export ${exportName}`, `${file} exports several components named '${exportName}' (${list(byName.map(([k]) => k))}); choose one by its export name with --function`, file)],
      };
    return {
      diagnostics: [diagnostic('cli/no-such-pipeline', `export ${exportName}`, `${file} exports no pipeline or component named '${exportName}'; it exports ${exports}`, file)],
    };
  }
  const def = mod.default;
  if (isPipeline(def)) return { pipeline: def, diagnostics: [] };
  if (isComponent(def)) return ofComponent(def);
  // As kfp's CLI: the only pipeline, else (no pipeline at all) the only component.
  const uniquePipelines = distinct(pipelines);
  if (uniquePipelines.length === 1) return { pipeline: uniquePipelines[0]![1], diagnostics: [] };
  if (uniquePipelines.length > 1)
    return {
      diagnostics: [diagnostic('cli/ambiguous-pipeline', 'exports', `${file} exports several pipelines (${list(uniquePipelines.map(([k]) => k))}); choose one with --function NAME`, file)],
    };
  const uniqueComponents = distinct(components);
  if (uniqueComponents.length === 1) return ofComponent(uniqueComponents[0]![1]);
  if (uniqueComponents.length > 1)
    return {
      diagnostics: [diagnostic('cli/ambiguous-pipeline', 'exports', `${file} exports no pipeline and several components (${list(uniqueComponents.map(([k]) => k))}); choose one with --function NAME`, file)],
    };
  return {
    diagnostics: [diagnostic('cli/no-pipeline', 'exports', `${file} exports no pipeline or component; export one made with pipeline(...) (e.g. \`export default pipeline(...)\`) or a component`, file)],
  };
}
