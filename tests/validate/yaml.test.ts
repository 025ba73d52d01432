import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { stringify } from 'yaml';
import { validateIrText } from '../../src/validate/index.ts';
import { carefulRead, MAX_DEPTH, parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { quickRead } from '../../src/yaml/quick-read.ts';
import { plainReadings, type Reading } from '../../src/yaml/plain-scalar-readings.ts';
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

  it('GIVEN a YAML 1.1 boolean (yes) where the IR wants a boolean WHEN validated THEN yaml/ambiguous-value at its path and line', () => {
    // PyYAML reads `yes` as true, the API server's go-yaml v3 and YAML 1.2 readers as the string "yes".
    const text = `${specText()}`.replace("taskInfo:\n          name: train\n", "taskInfo:\n          name: train\n        cachingOptions:\n          enableCache: yes\n");
    expect(text).toContain('enableCache: yes');
    const [d, ...rest] = validateIrText(text, 'p.yaml');
    expect(rest).toEqual([]);
    expect(d?.code).toBe('yaml/ambiguous-value');
    expect(formatPath(d!.path)).toMatch(/^root\/dag\/tasks\/train\/cachingOptions\/enableCache \(line \d+, column \d+\)$/);
    expect(d!.message).toContain('PyYAML reads the boolean true');
    expect(codes(text.replace('enableCache: yes', 'enableCache: true'))).toEqual([]);
  });

  it("GIVEN plain scalars WHEN each reader's resolution is modelled THEN PyYAML's matches PyYAML itself", () => {
    const scalars = ['y', 'n', 'Y', 'yes', 'No', 'on', 'OFF', 'true', '1e3', '1.0e3', '1.0e+3', '.5', '1.', '09', '010', '0x1F', '0b101',
      '1_000', '1:30', '-1:30', '1:30.5', '.inf', '-.Inf', '~', 'null', '', '+7', '0', '-0', '3.14', '0o17', 'E0', '+.5', '08'];
    const python = runPythonJson<Array<Array<{ v: unknown }>>>('pyyaml_load.py', scalars.map((v) => `v: ${v}\n`));
    const asJson = (r: Reading): unknown =>
      r.kind === 'string' ? 'STRING' : r.kind === 'null' ? null : r.kind === 'bool' ? r.value : r.kind === 'number' ? (Number.isFinite(r.value) ? r.value : { $float: Number.isNaN(r.value) ? 'nan' : r.value > 0 ? 'inf' : '-inf' }) : r.kind;
    const mismatches = python
      .map((docs, i) => [scalars[i]!, docs[0]!.v] as const)
      .map(([s, theirs]) => [s, theirs === s ? 'STRING' : theirs, asJson(plainReadings(s).PyYAML)] as const)
      .filter(([, theirs, mine]) => JSON.stringify(theirs) !== JSON.stringify(mine));
    expect(mismatches).toEqual([]);
  });

  it('GIVEN plain scalars whose value depends on the reader WHEN parsed THEN each is refused; ones all readers share are read as PyYAML does', () => {
    for (const v of ['yes', 'No', 'on', '1e3', '1.0e3', '010', '0o17', '1_000', '1:30', '08', '0b101_1']) {
      expect(parseYamlDocuments(`v: ${v}\n`).diagnostics.map((d) => d.code), v).toEqual(['yaml/ambiguous-value']);
    }
    const { docs, diagnostics } = parseYamlDocuments('a: true\nb: 1.0e+3\nc: 0x1F\nd: .5\ne: ~\nf: 15\ng: E0\nh: y1\n');
    expect(diagnostics).toEqual([]);
    expect(docs).toEqual([{ a: true, b: 1000, c: 31, d: 0.5, e: null, f: 15, g: 'E0', h: 'y1' }]);
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

  it("GIVEN every corpus file WHEN read the quick way (js-yaml) and the careful way (the yaml package) THEN both give the same documents", () => {
    const files = [...corpusFiles().valid, ...corpusFiles().invalid];
    let quick = 0;
    const differing = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const fast = quickRead(text, MAX_DEPTH - 1);
      if (fast) quick++;
      return fast !== undefined && JSON.stringify(fast) !== JSON.stringify(carefulRead(text).docs);
    });
    expect(differing.map(relativeToCorpus)).toEqual([]);
    // Most of kfp's own files take the quick way (the rest hold e.g. under-indented quoted scalars).
    expect(quick).toBeGreaterThan(files.length * 0.8);
  });
});
