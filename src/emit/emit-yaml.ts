import { blockText } from './block-writer.ts';
import { headerComment } from './header.ts';
import { NotLaidOut, ScalarText } from './scalar-text.ts';
import { yamlDocumentText } from './yaml-document.ts';

type Json = Record<string, unknown>;

function documentText(doc: Json, scalars: ScalarText): string {
  try {
    return blockText(doc, scalars);
  } catch (e) {
    if (e instanceof NotLaidOut) return yamlDocumentText(doc);
    throw e;
  }
}

/**
 * The compiled file: kfp's header comment, the PipelineSpec, and the platform document if any.
 * `commentDescription` replaces the pipeline's description in the header only (CompileResult).
 */
export function emitPipelineYaml(pipelineSpec: Json, platformSpec?: Json, commentDescription?: string): string {
  const scalars = new ScalarText();
  let out = headerComment(pipelineSpec, commentDescription) + documentText(pipelineSpec, scalars);
  if (platformSpec) out += '---\n' + documentText(platformSpec, scalars);
  return out;
}
