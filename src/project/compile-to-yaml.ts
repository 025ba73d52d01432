import { version } from '../version.ts';
import type { PipelineNode } from '../dsl/nodes.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { compilePipeline } from '../compiler/compile.ts';
import type { CompileOptions } from '../compiler/options.ts';
import { emitPipelineYaml } from '../emit/emit-yaml.ts';
import { validateIrDocuments } from '../validate/index.ts';
import { readEmbeddedAssets } from './embedded-files.ts';
import { readPythonSources } from './python-sources.ts';

export interface CompileToYamlResult {
  readonly yamlText?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole path from a built pipeline to checked YAML text: read the Python sources and the
 * embedded assets, compile (pure), validate against the IR schema and the backend's rules, emit.
 * Writes nothing. What it reads is what the compiler gets: `sources` and `embedded` are not options.
 */
export async function compileToYaml(pipeline: PipelineNode, options: Omit<CompileOptions, 'sources' | 'embedded'> = {}): Promise<CompileToYamlResult> {
  const [python, assets] = await Promise.all([readPythonSources(pipeline), readEmbeddedAssets(pipeline)]);
  const unread = [...python.diagnostics, ...assets.diagnostics];
  if (hasErrors(unread)) return { diagnostics: unread };
  const result = compilePipeline(pipeline, { sdkVersion: `kfp-ts-${version}`, ...options, sources: python.sources, embedded: assets.embedded });
  if (!result.pipelineSpec) return { diagnostics: result.diagnostics };
  const docs = result.platformSpec ? [result.pipelineSpec, result.platformSpec] : [result.pipelineSpec];
  const invalid = validateIrDocuments(docs).map((d) => ({ ...d, code: d.code, message: `the compiled IR failed validation (a kfp-ts bug, please report it): ${d.message}` }));
  if (hasErrors(invalid)) return { diagnostics: [...result.diagnostics, ...invalid] };
  return { yamlText: emitPipelineYaml(result.pipelineSpec, result.platformSpec, result.commentDescription), diagnostics: result.diagnostics };
}
