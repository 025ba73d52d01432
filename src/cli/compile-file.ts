import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { BuildProblem, PipelineNode } from '../dsl/nodes.ts';
import type { JsonValue } from '../ir/index.ts';
import type { SourceFrame } from '../project/bundle-errors.ts';
import { compileToYaml } from '../project/compile-to-yaml.ts';
import { loadPipeline, userFrame, type LoadedPipeline } from '../project/load-pipeline.ts';

export interface CompileFileOptions {
  readonly functionName?: string;
  readonly pipelineParameters?: Readonly<Record<string, JsonValue>>;
  readonly disableCaching?: boolean;
}

/** Every problem with a stack in the tree: the pipeline's own and its nested pipelines'. */
function thrownProblems(root: PipelineNode): BuildProblem[] {
  const found: BuildProblem[] = [];
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if ((v as { kind?: unknown }).kind === 'pipeline') found.push(...(v as PipelineNode).problems.filter((p) => p.stack !== undefined));
    for (const child of Object.values(v)) visit(child);
  };
  visit(root);
  return found;
}

/**
 * An error a pipeline body threw, reported where it was thrown: the user's file, line and column
 * from the bundle's source map, instead of the pipeline's path.
 */
async function placeThrown(diagnostics: readonly Diagnostic[], node: PipelineNode, file: string, frames: (thrown: unknown) => Promise<SourceFrame[]>): Promise<Diagnostic[]> {
  const thrown = thrownProblems(node);
  if (thrown.length === 0) return [...diagnostics];
  const abs = path.resolve(file);
  return Promise.all(
    diagnostics.map(async (d) => {
      const problem = thrown.find((p) => p.code === d.code && p.message === d.message);
      if (problem === undefined) return d;
      const error = Object.assign(new Error(problem.message), { stack: problem.stack });
      const frame = userFrame(await frames(error));
      if (frame === undefined) return d;
      return { ...d, file: frame.file === abs ? file : path.relative(process.cwd(), frame.file), path: [`line ${frame.line}:${frame.column}`] };
    }),
  );
}

/**
 * Loads a `.ts` pipeline file and compiles the pipeline it exports, or a component on its own, to
 * checked YAML text (nothing is written).
 */
export async function compilePipelineFile(file: string, options: CompileFileOptions = {}): Promise<{ yamlText?: string; diagnostics: Diagnostic[] }> {
  return compileLoadedPipeline(await loadPipeline(file, options.functionName), file, options);
}

/**
 * The rest of {@link compilePipelineFile} once the file is loaded: build, compile, and place what
 * the body threw (or a builder refused) at the user's line with `loaded.frames`.
 */
export async function compileLoadedPipeline(loaded: LoadedPipeline, file: string, options: CompileFileOptions = {}): Promise<{ yamlText?: string; diagnostics: Diagnostic[] }> {
  if (!loaded.pipeline) return { diagnostics: loaded.diagnostics };
  const node = loaded.pipeline.build();
  const result = await compileToYaml(node, {
    file,
    ...(options.pipelineParameters ? { pipelineParameters: options.pipelineParameters } : {}),
    ...(options.disableCaching ? { disableCachingByDefault: true } : {}),
  });
  const placed = loaded.frames ? await placeThrown(result.diagnostics, node, file, loaded.frames) : [...result.diagnostics];
  const diagnostics = placed.map((d) => (d.file ? d : { ...d, file }));
  return hasErrors(diagnostics) || result.yamlText === undefined ? { diagnostics } : { yamlText: result.yamlText, diagnostics };
}
