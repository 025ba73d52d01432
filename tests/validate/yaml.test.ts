import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { stringify } from 'yaml';
import { validateIrText } from '../../src/validate/index.ts';
import { parseYamlDocuments } from '../../src/validate/yaml-documents.ts';
import { corpusFiles, relativeToCorpus, runPythonJson } from './helpers.ts';
import { pipelineSpec, platformSpec } from './fixtures.ts';

const codes = (text: string) => validateIrText(text, 'p.yaml').map((d) => ({ code: d.code, path: formatPath(d.path) }));
const specText = () => stringify(pipelineSpec());

describe('reading the YAML file', () => {
  it('GIVEN an empty or comment-only file WHEN validated THEN yaml/empty', () => {
    expect(codes('')).toEqual([{ code: 'yaml/empty', path: '(file)' }]);
    expect(codes('# PIPELINE DEFINITION\n# Name: echo\n')).toEqual([{ code: 'yaml/empty', path: '(file)' }]);
  });

  it('GIVEN broken YAML WHEN validated THEN yaml/syntax with the line, and no schema noise', () => {
    const ds = validateIrText('pipelineInfo:\n  name: [a, b\nroot: {}\n', 'p.yaml');
    expect(ds.length).toBeGreaterThan(0);
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set(['yaml/syntax']));
    expect(ds[0]).toMatchObject({ file: 'p.yaml', path: [expect.stringMatching(/^\(document 1\) line \d+, column \d+$/)] });
  });

  it('GIVEN three documents WHEN validated THEN yaml/document-count', () => {
    expect(codes(`${specText()}---\n${stringify(platformSpec())}---\na: 1\n`)).toEqual([{ code: 'yaml/document-count', path: '(file)' }]);
  });

  it('GIVEN a stray empty second document WHEN validated THEN yaml/empty-document', () => {
    expect(codes(`${specText()}---\n`)).toEqual([{ code: 'yaml/empty-document', path: '(document 2)' }]);
  });

  it('GIVEN a repeated key WHEN validated THEN yaml/duplicate-key (the Go backend rejects it)', () => {
    expect(codes(`${specText()}schemaVersion: 2.1.0\n`).map((d) => d.code)).toEqual(['yaml/duplicate-key']);
  });

  it('GIVEN an unquoted timestamp WHEN validated THEN yaml/non-json-value at its path', () => {
    const text = specText().replace('sdkVersion: kfp-ts-test', 'sdkVersion: 2024-01-02');
    expect(codes(text)).toEqual([{ code: 'yaml/non-json-value', path: 'sdkVersion' }]);
  });

  it('GIVEN YAML 1.1 booleans (yes/no) WHEN validated THEN they are booleans, as PyYAML reads them', () => {
    const text = `${specText()}`.replace("taskInfo:\n          name: train\n", "taskInfo:\n          name: train\n        cachingOptions:\n          enableCache: yes\n");
    expect(text).toContain('enableCache: yes');
    expect(codes(text)).toEqual([]);
    const { docs } = parseYamlDocuments('a: yes\nb: off\nc: 010\nd: 1:30\n');
    expect(docs).toEqual([{ a: true, b: false, c: 8, d: 90 }]);
  });

  it('GIVEN plain scalars PyYAML and the YAML 1.1 spec read differently WHEN read THEN we read them as PyYAML does', () => {
    const scalars = ['y', 'n', 'Y', 'yes', 'No', 'on', 'OFF', 'true', '1e3', '1.0e3', '1.0e+3', '.5', '1.', '09', '010', '0x1F', '0b101',
      '1_000', '1:30', '-1:30', '1:30.5', '.inf', '-.Inf', '~', 'null', '', '+7', '0', '-0', '3.14', '2024-01-02'];
    const texts = scalars.map((v) => `v: ${v}\n`);
    const python = runPythonJson<Array<Array<{ v: unknown }>>>('pyyaml_load.py', texts.filter((_, i) => scalars[i] !== '2024-01-02'));
    const ours = texts.map((t) => (parseYamlDocuments(t).docs[0] as { v: unknown }).v);
    const nonFinite = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $float: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' } : v);
    const mismatches = python
      .map((docs, i) => [scalars[i], docs[0]!.v, ours[i]] as const)
      .filter(([, theirs, mine]) => JSON.stringify(theirs) !== JSON.stringify(nonFinite(mine)));
    expect(mismatches).toEqual([]);
    expect(ours.at(-1)).toBeInstanceOf(Date); // PyYAML: datetime.date, which has no JSON form
    expect(ours.slice(0, 3)).toEqual(['y', 'n', 'Y']);
  });

  it('GIVEN a quoted scalar whose continuation lines are under-indented WHEN read THEN it folds like PyYAML instead of failing', () => {
    const text = 'command:\n- sh\n- "first line\\n\\\n\\ second line"\n- "a\n  b"\n';
    expect(parseYamlDocuments(text)).toEqual({ docs: [{ command: ['sh', 'first line\n second line', 'a b'] }], diagnostics: [] });
    const [python] = runPythonJson<unknown[]>('pyyaml_load.py', [text]);
    expect(python).toEqual([{ command: ['sh', 'first line\n second line', 'a b'] }]);
  });

  it('GIVEN every corpus file WHEN read by us and by PyYAML (safe_load_all) THEN the documents are identical', () => {
    const files = [...corpusFiles().valid, ...corpusFiles().invalid];
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const python = runPythonJson<unknown[][]>('pyyaml_load.py', texts);
    const differing = files.filter((file, i) => {
      const ours = parseYamlDocuments(texts[i]!);
      return ours.diagnostics.length > 0 || JSON.stringify(ours.docs) !== JSON.stringify(python[i]);
    });
    expect(differing.map(relativeToCorpus)).toEqual([]);
  });
});
