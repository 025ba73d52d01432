import type { JsonObject, PipelineSpec, PlatformSpec } from '../ir/index.ts';
import { blockText } from './block-writer.ts';
import { headerComment } from './header.ts';
import { NotLaidOut, ScalarText } from './scalar-text.ts';
import { yamlDocumentText } from './yaml-document.ts';

function documentText(doc: JsonObject, scalars: ScalarText): string {
  try {
    return blockText(doc, scalars);
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: on a JSON document blockText throws nothing but NotLaidOut and RangeError (nesting too deep, text too long), and the yaml package throws that RangeError on the same document too (too deep from a quarter of the depth)
    if (e instanceof NotLaidOut) return yamlDocumentText(doc);
    throw e;
  }
}

/**
 * The compiled file: kfp's header comment, the PipelineSpec, and the platform document if any.
 * `commentDescription` replaces the pipeline's description in the header only (CompileResult).
 *
 * @example
 * const result = compilePipeline(myPipeline.build());
 * if (result.pipelineSpec) writeFileSync('p.yaml', emitPipelineYaml(result.pipelineSpec, result.platformSpec));
 */
export function emitPipelineYaml(pipelineSpec: PipelineSpec, platformSpec?: PlatformSpec, commentDescription?: string): string {
  const scalars = new ScalarText();
  let out = headerComment(pipelineSpec, commentDescription) + documentText(pipelineSpec, scalars);
  if (platformSpec) out += '---\n' + documentText(platformSpec, scalars);
  return out;
}
