/**
 * Validation of compiled KFP IR: the PipelineSpec document and the optional platform spec
 * (`platforms:`) that follows it in the same YAML file.
 *
 * Three layers of errors, all collected (never first-failure):
 *   1. the JSON Schemas in schemas/ (the protos as google.protobuf.json_format reads them);
 *   2. the KFP backend's upload rules (schema version, pipeline name, root);
 *   3. referential integrity (components, executors, tasks, inputs, outputs, platform executors).
 * Then, for documents without errors, warnings for what the backend's Argo compiler refuses when
 * a run is created (backend-refusals.ts): the upload works, the run does not.
 */
import { diagnostic, formatPath, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { readPipelineSpec, readPlatformSpec } from '../ir/index.ts';
import { checkBackendRefusals } from './backend-refusals.ts';
import { checkBackendRules } from './backend-rules.ts';
import { isObject } from './ir-access.ts';
import { indexPipelineSpec } from './ir-index.ts';
import { checkPlatformReferences } from './platform-references.ts';
import { checkReferences } from './references.ts';
import { validateIrSchema } from './schema-validate.ts';
import { kfpHeaderComment } from '../emit/header.ts';
import { nonJsonValues, parseYamlDocuments } from '../yaml/yaml-documents.ts';

export { validateIrSchema } from './schema-validate.ts';

function validateDocuments(docs: readonly unknown[], file: string | undefined): Diagnostic[] {
  if (docs.length === 0 || docs.length > 2) {
    return [
      diagnostic(
        'ir/document-count',
        '(file)',
        `Expected one or two documents (the PipelineSpec, then optionally the platform spec), got ${docs.length}.`,
        file,
      ),
    ];
  }
  const out = validateIrSchema(docs, file);
  if (isObject(docs[0])) {
    // The rules read the typed view: proto field names resolved like camelCase ones, and parts the
    // schema stage rejected (already reported) left out rather than tripped over.
    const spec = readPipelineSpec(docs[0]);
    out.push(...checkBackendRules(spec, file));
    const index = indexPipelineSpec(spec);
    out.push(...checkReferences(index, file));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: docs[1] exists only when there are two documents, and a platform spec read from a non-mapping is empty, so nothing is checked either way
    const platform = docs.length === 2 && isObject(docs[1]) ? readPlatformSpec(docs[1]) : undefined;
    if (platform !== undefined) out.push(...checkPlatformReferences(index, platform, file));
    // Only on valid documents: what the backend would refuse of a document it can read.
    if (!hasErrors(out)) out.push(...checkBackendRefusals(spec, platform, file, index));
  }
  return dedupe(out);
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${formatPath(d.path)}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validate parsed IR documents: `docs[0]` is the PipelineSpec, the optional `docs[1]` the platform
 * spec. Returns every problem found: the documents are valid when none is an error; warnings
 * (severity 'warning') name what the KFP backend will refuse when a run is created.
 *
 * @example
 * const problems = validateIrDocuments([pipelineSpec, platformSpec]);
 * if (hasErrors(problems)) throw new DiagnosticError(problems);
 */
export function validateIrDocuments(docs: readonly unknown[]): Diagnostic[] {
  return firstProblems(validateDocuments(docs, undefined), undefined);
}

/** How many problems a validation reports; the rest are counted in one closing diagnostic. */
export const MAX_PROBLEMS = 50;

function firstProblems(diagnostics: readonly Diagnostic[], file: string | undefined, omitted = 0): Diagnostic[] {
  if (diagnostics.length <= MAX_PROBLEMS && omitted === 0) return [...diagnostics];
  const rest = diagnostics.slice(MAX_PROBLEMS);
  const count = rest.length + omitted;
  // Only warnings left out: the count is a warning too, so the documents stay valid.
  // Stryker disable next-line MethodExpression: warnings come only from the backend refusals, which run only when there is no error, so the rest is all warnings or none
  const onlyWarnings = omitted === 0 && rest.every((d) => d.severity === 'warning');
  const summary = diagnostic('validate/more-problems', '(file)', `…and ${count} more problem${count === 1 ? '' : 's'} of the kinds above (only the first ${MAX_PROBLEMS} are listed); fix these and validate again.`, file);
  return [...diagnostics.slice(0, MAX_PROBLEMS), onlyWarnings ? { ...summary, severity: 'warning' as const } : summary];
}

// Where a YAML 1.1 reader or go-yaml ends a line, and so a comment.
const YAML_LINE_BREAK = /\r\n|[\n\r\x85\u2028\u2029]/;

/**
 * kfp writes default values, the description and names raw into its header comment, so a value
 * holding a line break moves the rest of itself out of the comment, into the document (`'x\n
 * defaultPipelineRoot: s3://attacker/x #'` as a default gives every reader that pipeline root).
 * Detectable when the file starts with exactly the header kfp writes for the document it holds
 * and a line of that header is not a comment.
 */
function headerInjection(text: string, spec: unknown, file: string | undefined): Diagnostic[] {
  if (!text.startsWith('# PIPELINE DEFINITION') || !isObject(spec)) return [];
  // Only what the header shows, so the typed reading stays small on a large file.
  const field = (m: unknown, json: string, proto: string): unknown => (isObject(m) ? (m[json] ?? m[proto]) : undefined);
  const root = field(spec, 'root', 'root');
  const shown = readPipelineSpec({
    pipelineInfo: field(spec, 'pipelineInfo', 'pipeline_info'),
    root: { inputDefinitions: field(root, 'inputDefinitions', 'input_definitions'), outputDefinitions: field(root, 'outputDefinitions', 'output_definitions') },
  });
  const kfpHeader = kfpHeaderComment(shown);
  if (!text.startsWith(kfpHeader)) return [];
  const lines = kfpHeader.split(YAML_LINE_BREAK);
  const i = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
  if (i === -1) return [];
  return [
    diagnostic(
      'yaml/header-injection',
      `line ${i + 1}`,
      `Line ${i + 1} (${JSON.stringify(lines[i]!.slice(0, 80))}) is the rest of a header comment value (a default, the description or a name) that holds a line break, and every reader loads it as YAML. Recompile with kfp-ts, which escapes such values in the header, or remove the line break from the value.`,
      file,
    ),
  ];
}

/**
 * Parse a compiled pipeline file (one or two YAML documents, read as PyYAML reads them) and
 * validate it. `file` is copied into every diagnostic.
 *
 * @example
 * for (const d of validateIrText(readFileSync('pipeline.yaml', 'utf8'), 'pipeline.yaml')) {
 *   console.error(formatDiagnostic(d));
 * }
 */
export function validateIrText(text: string, file?: string): Diagnostic[] {
  const { docs, diagnostics, omitted } = parseYamlDocuments(text, file);
  if (diagnostics.length > 0) return firstProblems(diagnostics, file, omitted);
  return firstProblems(validateDocs(text, docs, file), file);
}

function validateDocs(text: string, docs: readonly unknown[], file: string | undefined): Diagnostic[] {
  if (docs.length === 0) {
    return [
      diagnostic(
        'yaml/empty',
        '(file)',
        'The file holds no YAML document (it is empty or only comments); expected a compiled PipelineSpec.',
        file,
      ),
    ];
  }
  if (docs.length > 2) {
    return [
      diagnostic(
        'yaml/document-count',
        '(file)',
        `The file holds ${docs.length} YAML documents; expected the PipelineSpec and at most one platform spec (\`platforms:\`) after it.`,
        file,
      ),
    ];
  }
  const empty = docs.findIndex((d) => d === null || d === undefined);
  if (empty !== -1) {
    return [
      diagnostic(
        'yaml/empty-document',
        `(document ${empty + 1})`,
        `YAML document ${empty + 1} is empty; remove the stray \`---\` or fill it in.`,
        file,
      ),
    ];
  }
  const injected = headerInjection(text, docs[0], file);
  if (injected.length > 0) return injected;
  const nonJson = docs.flatMap((d) => nonJsonValues(d, file));
  // A timestamp where a string belongs would also fail the schema; report it once.
  const nonJsonPaths = new Set(nonJson.map((d) => formatPath(d.path)));
  return [...nonJson, ...validateDocuments(docs, file).filter((d) => !(d.code.startsWith('schema/') && nonJsonPaths.has(formatPath(d.path))))];
}
