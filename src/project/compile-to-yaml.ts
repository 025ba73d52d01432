import { version } from '../version.ts';
import type { PipelineNode } from '../dsl/nodes.ts';
import type { Pipeline } from '../dsl/pipeline.ts';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { isMadeByKfpTs } from '../dsl/made-by-kfp-ts.ts';
import { describe } from '../dsl/value-guards.ts';
import { compilePipeline } from '../compiler/compile.ts';
import type { CompileOptions } from '../compiler/options.ts';
import { emitPipelineYaml } from '../emit/emit-yaml.ts';
import { unrepresentableStrings } from '../emit/unrepresentable.ts';
import { validateIrDocuments } from '../validate/index.ts';
import { readEmbeddedAssets } from './embedded-files.ts';
import { readPythonSources } from './python-sources.ts';

/** What {@link compileToYaml} returns: the YAML text when there was no error, and every diagnostic. */
export interface CompileToYamlResult {
  readonly yamlText?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole path from a pipeline to checked YAML text: build it (when given what `pipeline()`
 * returns), read the Python sources and the embedded assets, compile (pure), validate against the
 * IR schema and the backend's rules, emit. Warnings include what the KFP backend will refuse when a
 * run is created. Writes nothing. What it reads is what the compiler gets: `sources` and
 * `embedded` are not options.
 *
 * @example
 * const { yamlText, diagnostics } = await compileToYaml(myPipeline);
 * if (yamlText === undefined) throw new DiagnosticError(diagnostics);
 * await writeFile('my-pipeline.yaml', yamlText);
 */
export async function compileToYaml(
  pipelineOrNode: Pipeline | PipelineNode,
  options: Omit<CompileOptions, 'sources' | 'embedded'> = {},
): Promise<CompileToYamlResult> {
  // From plain JavaScript anything may come: only a pipeline kfp-ts made, or its built node.
  if (!isMadeByKfpTs(pipelineOrNode) || !['pipelineHandle', 'pipeline'].includes((pipelineOrNode as { kind: string }).kind)) {
    const message = `compileToYaml() takes what pipeline() returns; got ${describe(pipelineOrNode)}`;
    return { diagnostics: [diagnostic('compile/not-a-pipeline', '', message, typeof options?.file === 'string' ? options.file : undefined)] };
  }
  const pipeline = pipelineOrNode.kind === 'pipelineHandle' ? pipelineOrNode.build() : pipelineOrNode;
  const [python, assets] = await Promise.all([readPythonSources(pipeline), readEmbeddedAssets(pipeline)]);
  const unread = [...python.diagnostics, ...assets.diagnostics];
  if (hasErrors(unread)) return { diagnostics: unread };
  const result = compilePipeline(pipeline, { sdkVersion: `kfp-ts-${version}`, ...options, sources: python.sources, embedded: assets.embedded });
  if (!result.pipelineSpec) return { diagnostics: result.diagnostics };
  const docs = result.platformSpec ? [result.pipelineSpec, result.platformSpec] : [result.pipelineSpec];
  // Errors here are kfp-ts bugs; warnings name what the KFP backend will refuse to run.
  const checked = validateIrDocuments(docs);
  const invalid = checked.filter((d) => d.severity !== 'warning').map((d) => ({ ...d, message: `the compiled IR failed validation (a kfp-ts bug, please report it): ${d.message}` }));
  if (invalid.length > 0) return { diagnostics: [...result.diagnostics, ...invalid] };
  const unwritable = unrepresentableStrings(docs, options.file);
  if (unwritable.length > 0) return { diagnostics: [...result.diagnostics, ...unwritable] };
  const warnings = checked.filter((d) => d.severity === 'warning');
  return { yamlText: emitPipelineYaml(result.pipelineSpec, result.platformSpec, result.commentDescription), diagnostics: [...result.diagnostics, ...warnings] };
}
