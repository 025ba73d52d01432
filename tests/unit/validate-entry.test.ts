/**
 * The validator's entry points (src/validate/index.ts): document counts, which stages run on what,
 * the cap on the number of problems, and the YAML-level refusals, each with its words.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { MAX_PROBLEMS, validateIrDocuments, validateIrText } from '../../src/validate/index.ts';
import { pipelineSpec, platformSpec } from '../validate/fixtures.ts';

const show = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.path.join('/')}${d.severity === 'warning' ? ' (warning)' : ''}: ${d.message}`);

describe('documents', () => {
  it('GIVEN no document or three WHEN validated THEN ir/document-count gives the count', () => {
    expect(show(validateIrDocuments([]))).toEqual(['ir/document-count (file): Expected one or two documents (the PipelineSpec, then optionally the platform spec), got 0.']);
    expect(show(validateIrDocuments([{}, {}, {}]))).toEqual(['ir/document-count (file): Expected one or two documents (the PipelineSpec, then optionally the platform spec), got 3.']);
  });

  it('GIVEN a PipelineSpec that is not a mapping WHEN validated THEN only the schema stage speaks (no rule reads it)', () => {
    expect(show(validateIrDocuments(['x']))).toEqual(['schema/not-an-object (document 1): Document 1 must be a mapping holding the PipelineSpec, got the string "x".']);
  });

  it('GIVEN a platform spec that is not a mapping WHEN validated THEN schema/not-an-object names the platform spec', () => {
    expect(show(validateIrDocuments([pipelineSpec(), ['platforms']]))).toEqual([
      'schema/not-an-object (document 2): Document 2 must be a mapping holding the platform spec (`platforms:`), got a list.',
    ]);
  });

  it('GIVEN three YAML documents, or an empty second one WHEN validated as text THEN the file-level refusal names them', () => {
    expect(show(validateIrText('---\n---\n---\n', 'f'))).toEqual(['yaml/document-count (file): The file holds 3 YAML documents; expected the PipelineSpec and at most one platform spec (`platforms:`) after it.']);
    expect(show(validateIrText('a: 1\n---\n', 'f'))).toEqual(['yaml/empty-document (document 2): YAML document 2 is empty; remove the stray `---` or fill it in.']);
  });

  it('GIVEN a timestamp as the pipeline name WHEN validated as text THEN the timestamp is reported once, and the rule that finds no name still speaks', () => {
    const text = 'pipelineInfo:\n  name: 2020-01-01\nschemaVersion: 2.1.0\nroot:\n  dag:\n    tasks: {}\n';
    expect(validateIrText(text, 'f').map((d) => `${d.code} ${d.path.join('/')}`)).toEqual(['yaml/non-json-value pipelineInfo/name', 'backend/pipeline-name-missing pipelineInfo/name']);
  });
});

describe('backend refusals only for documents without errors', () => {
  it('GIVEN a resolver executor WHEN the document is otherwise valid THEN a warning, and WHEN it also has an error THEN the error alone', () => {
    const s = pipelineSpec();
    s.deploymentSpec.executors['exec-train'] = { resolver: { outputArtifactQueries: {} } };
    expect(validateIrDocuments([s, platformSpec()]).map((d) => `${d.code} ${d.severity ?? 'error'}`)).toEqual(['backend/argo-executor-kind warning']);
    s.extra = 1;
    expect(validateIrDocuments([s, platformSpec()]).map((d) => `${d.code} ${d.severity ?? 'error'}`)).toEqual(['schema/unknown-field error']);
  });
});

describe(`at most ${MAX_PROBLEMS} problems, then one that counts the rest`, () => {
  const withUnknownFields = (n: number) => {
    const s = pipelineSpec();
    for (let i = 0; i < n; i++) s[`extra${String(i).padStart(3, '0')}`] = i;
    return validateIrDocuments([s]);
  };

  it(`GIVEN exactly ${MAX_PROBLEMS} problems WHEN validated THEN all are listed and nothing more`, () => {
    const ds = withUnknownFields(MAX_PROBLEMS);
    expect(ds).toHaveLength(MAX_PROBLEMS);
    expect(ds.every((d) => d.code === 'schema/unknown-field')).toBe(true);
  });

  it(`GIVEN ${MAX_PROBLEMS + 1} and ${MAX_PROBLEMS + 10} problems WHEN validated THEN the first ${MAX_PROBLEMS} and an error counting the rest`, () => {
    const one = withUnknownFields(MAX_PROBLEMS + 1);
    expect(one).toHaveLength(MAX_PROBLEMS + 1);
    expect(one.at(-2)!.path).toEqual(['extra049']);
    expect(one.at(-1)).toEqual({
      code: 'validate/more-problems',
      path: ['(file)'],
      message: `…and 1 more problem of the kinds above (only the first ${MAX_PROBLEMS} are listed); fix these and validate again.`,
    });
    expect(withUnknownFields(MAX_PROBLEMS + 10).at(-1)!.message).toBe(`…and 10 more problems of the kinds above (only the first ${MAX_PROBLEMS} are listed); fix these and validate again.`);
  });

  it(`GIVEN more than ${MAX_PROBLEMS} warnings and no error WHEN validated THEN the count is a warning too, so the documents stay valid`, () => {
    const s = pipelineSpec();
    for (let i = 0; i < MAX_PROBLEMS + 2; i++) {
      s.deploymentSpec.executors[`exec-r${i}`] = { resolver: { outputArtifactQueries: {} } };
      s.components[`comp-r${i}`] = { executorLabel: `exec-r${i}` };
      s.root.dag.tasks[`r${i}`] = { taskInfo: { name: `r${i}` }, componentRef: { name: `comp-r${i}` } };
    }
    const ds = validateIrDocuments([s, platformSpec()]);
    expect(ds).toHaveLength(MAX_PROBLEMS + 1);
    expect(ds.at(-1)).toMatchObject({ code: 'validate/more-problems', severity: 'warning', message: expect.stringContaining('…and 2 more problems') });
  });
});
