import { describe, expect, it } from 'vitest';
import { pythonJsonDumps, pythonRepr } from '../../src/compiler/python-json.ts';

// Every expected string below was computed once with Python 3.11 (`json.dumps(value)`,
// `json.dumps(value, sort_keys=True)` and `repr(s)`) and written here as a literal.
describe('pythonJsonDumps writes what json.dumps writes', () => {
  it('null, undefined and booleans', () => {
    expect(pythonJsonDumps(null)).toBe('null');
    expect(pythonJsonDumps(undefined)).toBe('null');
    expect(pythonJsonDumps(true)).toBe('true');
    expect(pythonJsonDumps(false)).toBe('false');
  });

  it('numbers', () => {
    expect(pythonJsonDumps(1)).toBe('1');
    expect(pythonJsonDumps(1.5)).toBe('1.5');
    expect(pythonJsonDumps(-0.25)).toBe('-0.25');
  });

  it('escapes quote, backslash and the named control characters', () => {
    expect(pythonJsonDumps('a"b\\c\nd\re\tf\bg\fh')).toBe('"a\\"b\\\\c\\nd\\re\\tf\\bg\\fh"');
  });

  it('escapes other control characters and everything beyond ASCII as \\uXXXX, keeps printable ASCII', () => {
    expect(pythonJsonDumps('\x01\x1f \x7e\x7f\x80é')).toBe('"\\u0001\\u001f ~\\u007f\\u0080\\u00e9"');
    expect(pythonJsonDumps('\uffff')).toBe('"\\uffff"');
  });

  it('writes characters beyond the BMP as a UTF-16 surrogate pair', () => {
    expect(pythonJsonDumps('\u{1F600}\u{10000}\u{10FFFF}')).toBe('"\\ud83d\\ude00\\ud800\\udc00\\udbff\\udfff"');
  });

  it('lists and nested values with ", " separators', () => {
    expect(pythonJsonDumps([1, 'x', [true, null]])).toBe('[1, "x", [true, null]]');
  });

  it('keeps insertion order unless sort_keys, then sorts by code point (nested too)', () => {
    const value = { b: 1, a: { d: 2, c: 3 }, ab: 4, B: 5 };
    expect(pythonJsonDumps(value)).toBe('{"b": 1, "a": {"d": 2, "c": 3}, "ab": 4, "B": 5}');
    expect(pythonJsonDumps(value, true)).toBe('{"B": 5, "a": {"c": 3, "d": 2}, "ab": 4, "b": 1}');
    expect(pythonJsonDumps([{ z: 1, y: 2 }], true)).toBe('[{"y": 2, "z": 1}]');
  });
});

describe('pythonRepr writes what repr(str) writes', () => {
  it('picks single quotes unless the text holds a single quote and no double quote', () => {
    expect(pythonRepr('abc')).toBe("'abc'");
    expect(pythonRepr('')).toBe("''");
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr('say "hi"')).toBe('\'say "hi"\'');
    expect(pythonRepr('both \' and "')).toBe("'both \\' and \"'");
  });

  it('escapes backslash, newline, tab and carriage return', () => {
    expect(pythonRepr('back\\slash')).toBe("'back\\\\slash'");
    expect(pythonRepr('n\nt\tr\r')).toBe("'n\\nt\\tr\\r'");
  });
});
