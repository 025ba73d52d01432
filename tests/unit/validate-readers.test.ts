/**
 * What `validate` refuses because a reader of the file (PyYAML and kfp's loader, the API server's
 * go-yaml, YAML 1.2 readers) cannot read it or reads it differently; the strings of issue 10 in a
 * kfp-ts file, which validate; and the bounds: deep nesting reported as such, error output capped.
 */
import { describe, expect, it } from 'vitest';
import { containerComponent, pipeline, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { kfpHeaderComment } from '../../src/emit/header.ts';
import { MAX_PROBLEMS, validateIrText } from '../../src/validate/index.ts';
import { decodeUtf8 } from '../../src/validate/utf8.ts';
import { parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { INJECTIONS } from '../yaml-readers/awkward-strings.ts';
import { formatPath } from '../../src/diagnostics.ts';

const step = containerComponent({ name: 'step', implementation: () => ({ image: 'alpine', command: ['true'] }) });

function compiled(defaultValue: string, description?: string) {
  const p = pipeline({ name: 'p', ...(description !== undefined ? { description } : {}), inputs: { p: z.string().default(defaultValue) } }, (_p, s) => void s.task(step, {}));
  const spec = compilePipeline(p.build(), { sdkVersion: 'kfp-ts-test' }).pipelineSpec!;
  return { spec, text: emitPipelineYaml(spec) };
}

const PLACEHOLDER = 'placeholder-value';
const base = compiled(PLACEHOLDER).text;
const line = base.split('\n').findIndex((l) => l.includes(`defaultValue: ${PLACEHOLDER}`)) + 1;
/** The file with the default value written as `raw`, as a hand or another tool might write it. */
const withDefault = (raw: string) => base.replace(`defaultValue: ${PLACEHOLDER}`, `defaultValue: ${raw}`);
const codes = (text: string) => validateIrText(text, 'p.yaml').map((d) => [d.code, formatPath(d.path)]);

describe('strings of issue 10 in a kfp-ts file', () => {
  it.each(INJECTIONS.map((s) => [JSON.stringify(s), s]))('%s as a default and a description: the file validates and reads back as compiled', (_, s) => {
    const { spec, text } = compiled(s, s);
    expect(validateIrText(text, 'p.yaml')).toEqual([]);
    expect(parseYamlDocuments(text).docs).toEqual([JSON.parse(JSON.stringify(spec))]);
    // Every header line is a comment: nothing of a value leaves it.
    const header = text.slice(0, text.indexOf('\ncomponents:'));
    expect(header.split(/\r\n|[\n\r\x85\u2028\u2029]/).filter((l) => !l.startsWith('#'))).toEqual([]);
  });
});

describe('validate refuses what a reader cannot read or reads differently', () => {
  const at = (column: number) => `root/inputDefinitions/parameters/p/defaultValue (line ${line}, column ${column})`;
  const valueColumn = base.split('\n')[line - 1]!.indexOf(PLACEHOLDER) + 1;

  it('GIVEN the hand-written file with the placeholder WHEN validated THEN it is valid (the cases below change only the value)', () => {
    expect(codes(base)).toEqual([]);
  });

  it.each([
    ['a plain value with a tab', 'tab\there', 'yaml/tab', `line ${line}, column ${valueColumn + 3}`],
    ['a plain =', '=', 'yaml/unreadable-value', at(valueColumn)],
    ['a plain <<', '<<', 'yaml/unreadable-value', at(valueColumn)],
    ['U+2028 in a plain value', 'a\u2028b', 'yaml/ambiguous-character', `line ${line}, column ${valueColumn + 1}`],
    ['NEL raw in double quotes', '"a\u0085b"', 'yaml/ambiguous-character', `line ${line}, column ${valueColumn + 2}`],
    ['DEL raw in double quotes', '"del\x7f"', 'yaml/unreadable-character', `line ${line}, column ${valueColumn + 4}`],
    ['ESC raw', '"esc\x1b"', 'yaml/unreadable-character', `line ${line}, column ${valueColumn + 4}`],
    ['a plain 0o17 (go-yaml and YAML 1.2: 15; PyYAML: a string)', '0o17', 'yaml/ambiguous-value', at(valueColumn)],
    ['a plain 1e3 (PyYAML: a string)', '1e3', 'yaml/ambiguous-value', at(valueColumn)],
    ['a plain 010 (YAML 1.1: 8, YAML 1.2: 10)', '010', 'yaml/ambiguous-value', at(valueColumn)],
  ])('GIVEN %s WHEN validated THEN %s at its path and line', (_, raw, code, path) => {
    expect(codes(withDefault(raw))).toEqual([[code, path]]);
  });

  it('GIVEN the same values quoted or escaped as kfp-ts writes them WHEN validated THEN the file is valid', () => {
    for (const raw of ['"tab\\there"', "'='", "'<<'", '"a\\u2028b"', '"a\\x85b"', '"del\\x7f"', "'0o17'", "'1e3'", "'010'", '15', '1000.0', 'true']) {
      expect(codes(withDefault(raw)), raw).toEqual([]);
    }
  });

  it("GIVEN kfp 2.17.3's raw header for a default holding a line break WHEN validated THEN yaml/header-injection at the injected line", () => {
    // kfp writes `#    p: str [Default: '` + value + `']`: the value's second line is YAML.
    const evil = 'x\ndefaultPipelineRoot: s3://attacker/x #';
    const { spec, text } = compiled(evil);
    const kfpStyle = kfpHeaderComment(spec) + text.slice(text.indexOf('components:'));
    const injected = kfpStyle.split('\n').findIndex((l) => l.startsWith('defaultPipelineRoot')) + 1;
    expect(injected).toBeGreaterThan(0);
    // Every reader now loads the attacker's pipeline root...
    expect((parseYamlDocuments(kfpStyle).docs[0] as Record<string, unknown>).defaultPipelineRoot).toBe('s3://attacker/x');
    // ...so the file is refused, pointing at the line.
    expect(codes(kfpStyle)).toEqual([['yaml/header-injection', `line ${injected}`]]);
    // kfp-ts's own header keeps the value in its comment line.
    expect(codes(text)).toEqual([]);
  });

  it('GIVEN an input artifact without an artifactType WHEN validated THEN the file is read and its header compared, nothing thrown', () => {
    // The header check builds kfp's header for whatever the file holds; readIr keeps an artifact
    // that has no artifactType (every field of it is optional in the proto).
    const bare = base.replace('  inputDefinitions:\n', '  inputDefinitions:\n    artifacts:\n      data: {}\n');
    expect(bare).toContain('      data: {}\n');
    expect(codes(bare)).toEqual([]);
  });

  it('GIVEN a merge key or a plain key some reader retypes WHEN validated THEN yaml/merge-key or yaml/ambiguous-value', () => {
    expect(codes(base.replace('pipelineInfo:\n', 'pipelineInfo:\n  <<: {description: d}\n')).map((c) => c[0])).toEqual(['yaml/merge-key']);
    expect(codes(base.replace('pipelineInfo:\n', 'pipelineInfo:\n  yes: 1\n')).map((c) => c[0])).toEqual(['yaml/ambiguous-value']);
  });

  it('GIVEN a plain key every reader reads as a number WHEN validated THEN yaml/non-string-key', () => {
    expect(codes(base.replace('pipelineInfo:\n', 'pipelineInfo:\n  15: x\n')).map((c) => c[0])).toContain('yaml/non-string-key');
    expect(codes(base.replace('pipelineInfo:\n', "pipelineInfo:\n  '15': x\n")).map((c) => c[0])).not.toContain('yaml/non-string-key');
  });

  it('GIVEN bytes that are not UTF-8 WHEN decoded for validation THEN yaml/not-utf8 with the line', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: x'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const decoded = decodeUtf8(bytes, 'p.yaml');
    expect('problem' in decoded && [decoded.problem.code, formatPath(decoded.problem.path)]).toEqual(['yaml/not-utf8', 'line 2, byte 5']);
    expect(decodeUtf8(Buffer.from('a: "\uFFFD"\n'))).toEqual({ text: 'a: "\uFFFD"\n' });
  });
});

describe('validate is bounded', () => {
  it.each([
    ['a deep flow sequence', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['deep compact block sequences', `a:\n${'- '.repeat(100_000)}x\n`],
    ['a deep flow mapping', `a: ${'{k: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`],
  ])('GIVEN %s WHEN validated THEN yaml/too-deep with its line, no stack overflow', (_, text) => {
    expect(codes(text)).toEqual([['yaml/too-deep', expect.stringMatching(/^line [12], column \d+$/)]]);
  });

  it('GIVEN aliases of aliases that expand a billion times WHEN validated THEN yaml/too-many-aliases, no exception', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    const names = 'abcdefghij';
    for (let i = 1; i < 10; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
    expect(codes(text)).toEqual([['yaml/too-many-aliases', '(document 1)']]);
  });

  it('GIVEN a plain alias WHEN parsed THEN it is read (the careful way) as PyYAML reads it', () => {
    expect(parseYamlDocuments('a: &p {name: x}\nb: *p\n')).toEqual({ docs: [{ a: { name: 'x' }, b: { name: 'x' } }], diagnostics: [] });
  });

  it('GIVEN nesting PyYAML still reads (300 levels) WHEN parsed THEN it is read', () => {
    expect(parseYamlDocuments(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`).diagnostics).toEqual([]);
  });

  it(`GIVEN 1 MB of random bytes WHEN validated THEN at most ${MAX_PROBLEMS} problems and a count of the rest`, () => {
    let seed = 7;
    const bytes = Buffer.alloc(1 << 20);
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const decoded = decodeUtf8(bytes);
    expect('problem' in decoded).toBe(true);
    // The same bytes read leniently (invalid sequences as U+FFFD) still give a bounded report.
    const ds = validateIrText(bytes.toString('latin1'), 'random.yaml');
    expect(ds.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(ds.at(-1)).toMatchObject({ code: 'validate/more-problems', message: expect.stringMatching(/^…and \d+ more problems/) });
    expect(ds.map((d) => d.message).join('\n').length).toBeLessThan(60_000);
  });
});
