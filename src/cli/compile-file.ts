import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { JsonValue } from '../ir/index.ts';
import { compileToYaml } from '../project/compile-to-yaml.ts';
import { loadPipeline } from '../project/load-pipeline.ts';

export interface CompileFileOptions {
  readonly functionName?: string;
  readonly pipelineParameters?: Readonly<Record<string, JsonValue>>;
  readonly disableCachingByDefault?: boolean;
}

/**
 * Loads a `.ts` pipeline file and compiles the pipeline it exports, or a component on its own, to
 * checked YAML text (nothing is written).
 */
export async function compilePipelineFile(file: string, options: CompileFileOptions = {}): Promise<{ yamlText?: string; diagnostics: Diagnostic[] }> {
  const loaded = await loadPipeline(file, options.functionName);
  if (!loaded.pipeline) return { diagnostics: loaded.diagnostics };
  const node = loaded.pipeline.build();
  const result = await compileToYaml(node, {
    file,
    ...(options.pipelineParameters ? { pipelineParameters: options.pipelineParameters } : {}),
    ...(options.disableCachingByDefault ? { disableCachingByDefault: true } : {}),
  });
  const diagnostics = result.diagnostics.map((d) => (d.file ? d : { ...d, file }));
  return hasErrors(diagnostics) || result.yamlText === undefined ? { diagnostics } : { yamlText: result.yamlText, diagnostics };
}
