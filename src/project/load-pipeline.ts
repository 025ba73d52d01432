import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Component } from '../dsl/component.ts';
import type { Pipeline } from '../dsl/pipeline.ts';
import { k8sName } from '../dsl/k8s-name.ts';
import { pipelineOfComponent } from '../dsl/pipeline-of-component.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { BundleError, ModuleLoadError, type SourceFrame } from './bundle-errors.ts';
import { UnsupportedZodError } from './zod-version.ts';
import { bodyProblems, thrownText } from '../dsl/body-problems.ts';

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

/**
 * The frame of a mapped stack to show: the innermost in one of the project's own files (the
 * pipeline file or a module it imports) — where the user's code threw, or called into kfp-ts or
 * another package that threw.
 */
export function userFrame(frames: readonly SourceFrame[]): SourceFrame | undefined {
  return frames.find((f) => !/[\\/]node_modules[\\/]/.test(f.file) && !KFP_TS_CODE.some((dir) => f.file.startsWith(dir)));
}

/** kfp-ts's own code (sources and build); frames there are kfp-ts's, not the user's. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const KFP_TS_CODE = [path.join(PACKAGE_ROOT, 'src') + path.sep, path.join(PACKAGE_ROOT, 'dist') + path.sep];

/** A loaded pipeline and how to map an error thrown by its code (the body, when it is built) to the user's source. */
export interface LoadedPipeline {
  readonly pipeline?: Pipeline;
  readonly diagnostics: Diagnostic[];
  /** Mapped frames of an error thrown by the module's code; empty when none is in its files. */
  readonly frames?: (thrown: unknown) => Promise<SourceFrame[]>;
}

/**
 * Imports a pipeline module (TypeScript runs through the loader the CLI registered) and picks what
 * to compile, as kfp's `--function`: `exportName` (an export name, or a pipeline's or component's
 * own name), else the default export, else the only exported pipeline, else (no pipeline) the only
 * exported component. A component is compiled on its own, as a pipeline of its own
 * ({@link pipelineOfComponent}).
 */
export async function loadPipeline(file: string, exportName?: string): Promise<LoadedPipeline> {
  const abs = path.resolve(file);
  try {
    const st = await stat(abs);
    if (!st.isFile()) return { diagnostics: [diagnostic('cli/not-a-file', '', 'not a file', file)] };
  } catch {
    return { diagnostics: [diagnostic('cli/file-missing', '', 'no such file', file)] };
  }
  if (/\.(?:ya?ml|json)$/i.test(abs)) {
    return { diagnostics: [diagnostic('cli/not-a-pipeline-source', '', 'this is a compiled pipeline, not a TypeScript pipeline file; compile takes the .ts file that defines the pipeline', file)] };
  }
  let loaded: { exports: Record<string, unknown>; frames: (thrown: unknown) => Promise<SourceFrame[]> };
  try {
    // Always through the bundler: a .js pipeline may import TypeScript modules too.
    loaded = await (await import('./import-typescript.ts')).importTypeScript(abs);
  } catch (err) {
    if (err instanceof UnsupportedZodError) return { diagnostics: [diagnostic('cli/unsupported-zod', 'zod', err.message, file)] };
    if (err instanceof BundleError) {
      const at = err.location;
      const message = `the pipeline file could not be bundled: ${err.message}`;
      if (at) return { diagnostics: [diagnostic('cli/module-unreadable', `line ${at.line}:${at.column}`, message, at.file === abs ? file : path.relative(process.cwd(), at.file))] };
      return { diagnostics: [diagnostic('cli/module-unreadable', 'module', message, file)] };
    }
    const frame = err instanceof ModuleLoadError ? userFrame(err.frames) : undefined;
    const thrown = err instanceof ModuleLoadError ? err.thrown : err;
    const where = frame ? `line ${frame.line}:${frame.column}` : 'module';
    const at = frame && frame.file !== abs ? path.relative(process.cwd(), frame.file) : file;
    // A builder that refused a wrong value at the module's top level (pipeline(), input(), …) keeps its code.
    const problems = bodyProblems(thrown);
    if (problems[0]!.code !== 'dsl/body-threw') return { diagnostics: problems.map((p) => diagnostic(p.code, where, p.message, at)) };
    return { diagnostics: [diagnostic('cli/module-threw', where, `loading the pipeline file failed: ${thrownText(thrown)}`, at)] };
  }
  const mod = loaded.exports;
  const found = (pipeline: Pipeline): LoadedPipeline => ({ pipeline, diagnostics: [], frames: loaded.frames });
  const pipelines = Object.entries(mod).filter(([, v]) => isPipeline(v)) as [string, Pipeline][];
  const components = Object.entries(mod).filter(([, v]) => isComponent(v)) as [string, Component][];
  const exports = `pipelines: ${list(pipelines.map(([k]) => k))}; components: ${list(components.map(([k]) => k))}`;
  const ofComponent = (c: Component) => found(pipelineOfComponent(c) as Pipeline);
  if (exportName !== undefined) {
    // An export name first, then a pipeline's or component's own name.
    const pipelineByExport = pipelines.find(([k]) => k === exportName);
    if (pipelineByExport) return found(pipelineByExport[1]);
    const componentByExport = components.find(([k]) => k === exportName);
    if (componentByExport) return ofComponent(componentByExport[1]);
    const pipelineByName = pipelines.find(([, v]) => v.name === exportName);
    if (pipelineByName) return found(pipelineByName[1]);
    const byName = distinct(components.filter(([, v]) => isNamed(v, exportName)));
    if (byName.length === 1) return ofComponent(byName[0]![1]);
    if (byName.length > 1)
      return {
        diagnostics: [diagnostic('cli/ambiguous-pipeline', `export ${exportName}`, `several exported components are named '${exportName}' (${list(byName.map(([k]) => k))}); choose one by its export name with --function`, file)],
      };
    return {
      diagnostics: [diagnostic('cli/no-such-pipeline', `export ${exportName}`, `no exported pipeline or component is named '${exportName}'; the file exports ${exports}`, file)],
    };
  }
  const def = mod.default;
  if (isPipeline(def)) return found(def);
  if (isComponent(def)) return ofComponent(def);
  // As kfp's CLI: the only pipeline, else (no pipeline at all) the only component.
  const uniquePipelines = distinct(pipelines);
  if (uniquePipelines.length === 1) return found(uniquePipelines[0]![1]);
  if (uniquePipelines.length > 1)
    return {
      diagnostics: [diagnostic('cli/ambiguous-pipeline', 'exports', `the file exports several pipelines (${list(uniquePipelines.map(([k]) => k))}); choose one with --function NAME`, file)],
    };
  const uniqueComponents = distinct(components);
  if (uniqueComponents.length === 1) return ofComponent(uniqueComponents[0]![1]);
  if (uniqueComponents.length > 1)
    return {
      diagnostics: [diagnostic('cli/ambiguous-pipeline', 'exports', `the file exports no pipeline and several components (${list(uniqueComponents.map(([k]) => k))}); choose one with --function NAME`, file)],
    };
  return {
    diagnostics: [diagnostic('cli/no-pipeline', 'exports', `the file exports no pipeline or component; export one made with pipeline(...) (e.g. \`export default pipeline(...)\`) or a component`, file)],
  };
}
