/**
 * The schema stage: each IR document against its JSON Schema (schemas/*.schema.json), through the
 * ajv standalone validators generated into ./generated (see scripts/schema/build-validators.ts).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { validatePipelineSpec, validatePlatformSpec, type GeneratedValidator } from './generated/ir-validators.js';
import { isObject } from './ir-access.ts';
import { describeValue, mapSchemaErrors, type DocumentKind } from './schema-errors.ts';

const DOCUMENTS: ReadonlyArray<{ kind: DocumentKind; validate: GeneratedValidator; what: string }> = [
  { kind: 'pipeline-spec', validate: validatePipelineSpec, what: 'the PipelineSpec' },
  { kind: 'platform-spec', validate: validatePlatformSpec, what: 'the platform spec (`platforms:`)' },
];

/**
 * Schema diagnostics only (no backend or reference rules): what google.protobuf.json_format would
 * reject. docs[0] is the PipelineSpec, docs[1] the optional platform spec; further docs are ignored.
 */
export function validateIrSchema(docs: readonly unknown[], file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  DOCUMENTS.forEach(({ kind, validate, what }, index) => {
    if (index >= docs.length) return;
    const doc = docs[index];
    if (!isObject(doc)) {
      out.push(
        diagnostic(
          'schema/not-an-object',
          `(document ${index + 1})`,
          `Document ${index + 1} must be a mapping holding ${what}, got ${describeValue(doc)}.`,
          file,
        ),
      );
      return;
    }
    if (!validate(doc)) out.push(...mapSchemaErrors(kind, doc, validate.errors ?? [], file));
  });
  return out;
}
