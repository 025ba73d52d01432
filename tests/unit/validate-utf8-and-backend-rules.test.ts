/**
 * Two small checks of `validate`: where a file stops being UTF-8 (src/validate/utf8.ts), against
 * Python's decoder, and the API server's upload rules (src/validate/backend-rules.ts): schema
 * version, pipeline name (common.ValidatePipelineName's pattern, ^[a-z0-9][a-z0-9-]{0,127}$) and
 * root.
 */
import { describe, expect, it } from 'vitest';
import { readPipelineSpec } from '../../src/ir/index.ts';
import { checkBackendRules } from '../../src/validate/backend-rules.ts';
import { decodeUtf8 } from '../../src/validate/utf8.ts';

describe('decodeUtf8 stops where Python 3.11 does', () => {
  // Offsets and bytes from Python 3.11: `bytes.decode('utf-8')` raising UnicodeDecodeError, its .start.
  const CASES: ReadonlyArray<[string, Uint8Array, number, string, string]> = [
    ['an overlong "/"', Buffer.from('a: 1\nb: \xc0\xaf\n', 'latin1'), 8, 'c0', 'line 2, byte 4'],
    ['a UTF-16 surrogate', Buffer.from('a: "\xed\xa0\x80"\n', 'latin1'), 4, 'ed', 'line 1, byte 5'],
    ['a sequence cut off at the end', Buffer.from('a: \xe2\x82', 'latin1'), 3, 'e2', 'line 1, byte 4'],
    ['a continuation byte first', Buffer.from('\x80a', 'latin1'), 0, '80', 'line 1, byte 1'],
    ['0xFF on line 3', Buffer.from('ab\ncd\n\xff', 'latin1'), 6, 'ff', 'line 3, byte 1'],
    ['a bad byte after a real U+FFFD', Buffer.from('\xef\xbf\xbd\n\xf5\x80\x80\x80', 'latin1'), 4, 'f5', 'line 2, byte 1'],
    ['a code point above U+10FFFF', Buffer.from('x: \xf4\x90\x80\x80', 'latin1'), 3, 'f4', 'line 1, byte 4'],
    // A cut-off U+FFFD (EF BF BD): Node decodes it to U+FFFD itself, which once hid it or crashed.
    ['the first two bytes of U+FFFD at the end', Buffer.from('a\xef\xbf', 'latin1'), 1, 'ef', 'line 1, byte 2'],
    ['the first byte of U+FFFD at the end', Buffer.from('a\xef', 'latin1'), 1, 'ef', 'line 1, byte 2'],
    ['a cut-off U+FFFD before a line break', Buffer.from('a\xef\xbf\n', 'latin1'), 1, 'ef', 'line 1, byte 2'],
    ['a cut-off U+FFFD after a real one', Buffer.from('\xef\xbf\xbd\xef', 'latin1'), 3, 'ef', 'line 1, byte 4'],
    ['an overlong two-byte form (C1)', Buffer.from('\xc1\xbf', 'latin1'), 0, 'c1', 'line 1, byte 1'],
    ['an overlong three-byte form', Buffer.from('ok\n\xe0\x80\xaf', 'latin1'), 3, 'e0', 'line 2, byte 1'],
    ['an overlong four-byte form', Buffer.from('\xf0\x8f\xbf\xbf', 'latin1'), 0, 'f0', 'line 1, byte 1'],
    ['a bad third byte', Buffer.from('\xe2\x82\x41', 'latin1'), 0, 'e2', 'line 1, byte 1'],
    ['a lead byte where a third byte belongs', Buffer.from('\xe2\x82\xc0', 'latin1'), 0, 'e2', 'line 1, byte 1'],
    ['a bad fourth byte', Buffer.from('\xf0\x9f\x98\x41', 'latin1'), 0, 'f0', 'line 1, byte 1'],
    ['a five-byte lead', Buffer.from('\xf8\x88\x80\x80\x80', 'latin1'), 0, 'f8', 'line 1, byte 1'],
  ];
  for (const [what, bytes, offset, hex, where] of CASES) {
    it(`GIVEN ${what} WHEN decoded THEN yaml/not-utf8 names byte 0x${hex} at offset ${offset}, ${where}`, () => {
      expect(decodeUtf8(bytes, 'p.yaml')).toEqual({
        problem: {
          code: 'yaml/not-utf8',
          path: [where],
          file: 'p.yaml',
          message: `The file is not UTF-8 text: byte 0x${hex} at offset ${offset} starts no UTF-8 character. kfp and the API server read pipeline files as UTF-8; save it as UTF-8.`,
        },
      });
    });
  }

  it('GIVEN valid UTF-8 with a four-byte character and a real U+FFFD WHEN decoded THEN the text comes back unchanged', () => {
    const text = 'a: "\u{1F600} \uFFFD \u0080 \u07FF \u0800 \uD7FF \uE000 \uFFFF \u{10000} \u{10FFFF} \u{40000}"\n';
    expect(decodeUtf8(Buffer.from(text))).toEqual({ text });
    expect(decodeUtf8(Buffer.from('\uFFFD'))).toEqual({ text: '\uFFFD' });
  });

  it('GIVEN a view into a larger buffer WHEN decoded THEN only the viewed bytes count', () => {
    const whole = Buffer.from('\xffok\n', 'latin1');
    expect(decodeUtf8(whole.subarray(1))).toEqual({ text: 'ok\n' });
  });
});

describe('the upload rules of the KFP API server', () => {
  const base = { pipelineInfo: { name: 'p' }, schemaVersion: '2.1.0', root: { dag: { tasks: {} } } };
  const check = (edit: Record<string, unknown>) => checkBackendRules(readPipelineSpec({ ...base, ...edit })).map((d) => `${d.code} ${d.path.join('/')}: ${d.message}`);
  const nameProblem = (name: string) => check({ pipelineInfo: { name } });
  const suggested = (name: string) => /\(e\.g\. (".*")\)\.$/.exec(nameProblem(name)[0] ?? '')?.[1];

  it('GIVEN a valid spec, a name of 128 characters WHEN checked THEN nothing', () => {
    expect(check({})).toEqual([]);
    expect(nameProblem('a'.repeat(128))).toEqual([]);
    expect(nameProblem('0-a')).toEqual([]);
  });

  it('GIVEN no schemaVersion, or 2.0.0 WHEN checked THEN backend/schema-version says what was found', () => {
    expect(check({ schemaVersion: undefined })).toEqual(['backend/schema-version schemaVersion: schemaVersion must be "2.1.0" (the only version the KFP backend accepts), got nothing.']);
    expect(check({ schemaVersion: '2.0.0' })).toEqual(['backend/schema-version schemaVersion: schemaVersion must be "2.1.0" (the only version the KFP backend accepts), got "2.0.0".']);
  });

  it('GIVEN an empty or missing name WHEN checked THEN backend/pipeline-name-missing', () => {
    const missing = ['backend/pipeline-name-missing pipelineInfo/name: pipelineInfo.name is missing or empty: give the pipeline a name such as "my-pipeline".'];
    expect(nameProblem('')).toEqual(missing);
    expect(check({ pipelineInfo: {} })).toEqual(missing);
  });

  it('GIVEN names the pattern refuses WHEN checked THEN backend/pipeline-name quotes the name and suggests one that passes', () => {
    expect(nameProblem('--My  Pipeline!!x')).toEqual([
      'backend/pipeline-name pipelineInfo/name: pipelineInfo.name "--My  Pipeline!!x" is rejected by the KFP backend: use 1 to 128 lowercase letters, digits and "-", starting with a letter or digit (e.g. "my-pipeline-x").',
    ]);
    expect(suggested('a_b')).toBe('"a-b"');
    expect(suggested('-a')).toBe('"a"');
    expect(suggested('x\nab')).toBe('"x-ab"');
    expect(suggested('!!!')).toBe('"my-pipeline"');
    expect(suggested('a'.repeat(129))).toBe(JSON.stringify('a'.repeat(128)));
    expect(suggested('Ab')).toBe('"ab"');
  });

  it('GIVEN no root WHEN checked THEN backend/root-missing', () => {
    expect(check({ root: undefined })).toEqual(['backend/root-missing root: The root component is missing: add `root` with the pipeline DAG.']);
  });
});
