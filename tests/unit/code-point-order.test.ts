/**
 * kfp's files are sorted the way Python sorts strings, by code point; the backend's JSON the way Go
 * sorts them, by UTF-8 bytes (the same order). JavaScript's sort() compares UTF-16 code units,
 * which puts a character past U+FFFF before U+E000–U+FFFF: these tests hold the order where the
 * two differ.
 */
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/code-point-order.ts';
import { pythonJsonDumps } from '../../src/compiler/python-json.ts';
import { blockText } from '../../src/emit/block-writer.ts';
import { kfpHeaderComment } from '../../src/emit/header.ts';
import { ScalarText } from '../../src/emit/scalar-text.ts';
import { yamlDocumentText } from '../../src/emit/yaml-document.ts';
import type { PipelineSpec } from '../../src/ir/index.ts';
import { goJson } from '../../src/runner/values.ts';

const PRIVATE_USE = 'a\uE000';
const EMOJI = 'a\u{1F600}';

/** Where each of `names` first stands in `text`, in the order they stand there. */
const orderIn = (text: string, names: readonly string[]): string[] => [...names].sort((x, y) => text.indexOf(x) - text.indexOf(y));

describe('compareCodePoints', () => {
  it("sorts as Python 3.11's sorted() does", () => {
    const strings = ['a\uE000', 'a\u{1F600}', 'a\uFFFF', 'a\uD7FF', 'b', '', 'a', 'a\u{10000}', 'é', 'z'];
    // sorted(strings) in Python 3.11, written here as a literal.
    const python = ['', 'a', 'a\uD7FF', 'a\uE000', 'a\uFFFF', 'a\u{10000}', 'a\u{1F600}', 'b', 'z', 'é'];
    expect([...strings].sort(compareCodePoints)).toEqual(python);
    expect([...strings].sort()).not.toEqual(python);
  });

  it('answers 0 only for equal strings, and a prefix first', () => {
    expect(compareCodePoints(EMOJI, EMOJI)).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints(EMOJI, PRIVATE_USE)).toBeGreaterThan(0);
    expect(compareCodePoints(PRIVATE_USE, EMOJI)).toBeLessThan(0);
    expect(compareCodePoints('a\u{10000}', 'a\u{1F600}')).toBeLessThan(0);
  });
});

describe('what is written in code point order', () => {
  const doc = { root: { [EMOJI]: 1, [PRIVATE_USE]: 2 } };

  it('mapping keys, by the block writer and by the yaml package alike (PyYAML: "a\\uE000" before "a\\U0001F600")', () => {
    const block = blockText(doc, new ScalarText());
    expect(orderIn(block, [EMOJI, PRIVATE_USE])).toEqual([PRIVATE_USE, EMOJI]);
    expect(yamlDocumentText(doc)).toBe(block);
  });

  it("the header comment's inputs", () => {
    const spec = {
      pipelineInfo: { name: 'p' },
      root: { inputDefinitions: { parameters: { [EMOJI]: { parameterType: 'STRING' }, [PRIVATE_USE]: { parameterType: 'STRING' } } } },
    } as unknown as PipelineSpec;
    expect(orderIn(kfpHeaderComment(spec), [EMOJI, PRIVATE_USE])).toEqual([PRIVATE_USE, EMOJI]);
  });

  it('json.dumps(sort_keys=True) text', () => {
    // Python 3.11: json.dumps({'a\U0001F600': 1, 'a\uE000': 2}, sort_keys=True)
    expect(pythonJsonDumps({ [EMOJI]: 1, [PRIVATE_USE]: 2 }, true)).toBe('{"a\\ue000": 2, "a\\ud83d\\ude00": 1}');
  });

  it("Go's encoding/json text (the runner's parameter values and cache key)", () => {
    expect(goJson({ [EMOJI]: 1, [PRIVATE_USE]: 2 })).toBe(`{"${PRIVATE_USE}":2,"${EMOJI}":1}`);
  });
});
