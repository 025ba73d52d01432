/**
 * The Python-printed text in a compiled file, piece by piece: a double as Python's repr() and
 * PyYAML write it, a default as Python's str() prints it in kfp's header, a multi-line description
 * split as Python's splitlines() splits it, and what a comment line cannot hold escaped as Python's
 * repr() escapes it. Every expected text here is Python 3.11's (the venv's), printed with the
 * expression quoted beside it; tests/yaml-readers/float-text.test.ts compares the float functions
 * with Python itself on 20,000 doubles, and tests/cross compares whole headers with kfp's.
 */
import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../../src/ir/index.ts';
import { headerComment, kfpHeaderComment } from '../../src/emit/header.ts';
import { pythonFloatRepr, pyyamlFloat } from '../../src/emit/python-float.ts';
import { unrepresentableStrings } from '../../src/emit/unrepresentable.ts';

describe("a double as Python's repr() and PyYAML's safe_dump write it", () => {
  // [value, repr(v), yaml.safe_dump(v)'s first line]
  const cases: ReadonlyArray<readonly [number, string, string]> = [
    [0, '0.0', '0.0'],
    [-0, '-0.0', '-0.0'],
    [1, '1.0', '1.0'],
    [-2, '-2.0', '-2.0'],
    [0.5, '0.5', '0.5'],
    [0.1, '0.1', '0.1'],
    [100, '100.0', '100.0'],
    [123456.789, '123456.789', '123456.789'],
    [1e-4, '0.0001', '0.0001'],
    [9.999999999999999e-5, '9.999999999999999e-05', '9.999999999999999e-05'],
    [1.024e-6, '1.024e-06', '1.024e-06'],
    [-1.5e-7, '-1.5e-07', '-1.5e-07'],
    [9999999999999998, '9999999999999998.0', '9999999999999998.0'],
    [2 ** 53, '9007199254740992.0', '9007199254740992.0'],
    [1e16, '1e+16', '1.0e+16'],
    [1e21, '1e+21', '1.0e+21'],
    [1e22, '1e+22', '1.0e+22'],
    [5e-324, '5e-324', '5.0e-324'],
    [Number.MAX_VALUE, '1.7976931348623157e+308', '1.7976931348623157e+308'],
    [Infinity, 'inf', '.inf'],
    [-Infinity, '-inf', '-.inf'],
    [NaN, 'nan', '.nan'],
  ];
  it.each(cases)('GIVEN %d THEN repr() is %s and PyYAML writes %s', (v, repr, dumped) => {
    expect(pythonFloatRepr(v)).toBe(repr);
    expect(pyyamlFloat(v)).toBe(dumped);
  });
});

/** A spec with only what the header reads. */
function spec(parts: { name?: string; description?: string; inputs?: object; outputs?: object }): PipelineSpec {
  return {
    pipelineInfo: { name: parts.name ?? 'p', ...(parts.description !== undefined ? { description: parts.description } : {}) },
    root: { ...(parts.inputs ? { inputDefinitions: parts.inputs } : {}), ...(parts.outputs ? { outputDefinitions: parts.outputs } : {}) },
  } as unknown as PipelineSpec;
}

describe("the header's defaults, as Python's str() prints them", () => {
  it("GIVEN a dict default holding every kind of value and awkward strings THEN the line is Python's str() of it", () => {
    // Python: str({"it's": [1.0, True, None, 'a"b', 'tab\t', 'x\x85y', 'é', '😀', '\u2028',
    //   '\U0010ffff', "q'", 'back\\slash', 'nb\xa0sp', 'cr\r', 'nl\n', 'em\u2003sp', 'both\'"'],
    //   'n': {'x': -2.0, 'y': 1e-06}, 'e': {}, 'l': []})
    const cfg = {
      "it's": [1, true, null, 'a"b', 'tab\t', 'x\x85y', 'é', '😀', '\u2028', '\u{10FFFF}', "q'", 'back\\slash', 'nb\u00A0sp', 'cr\r', 'nl\n', 'em\u2003sp', 'both\'"'],
      n: { x: -2, y: 1e-6 },
      e: {},
      l: [],
    };
    const text = headerComment(spec({ inputs: { parameters: { cfg: { parameterType: 'STRUCT', defaultValue: cfg } } } }));
    expect(text.split('\n')).toEqual([
      '# PIPELINE DEFINITION',
      '# Name: p',
      '# Inputs:',
      `#    cfg: dict [Default: {"it's": [1.0, True, None, 'a"b', 'tab\\t', 'x\\x85y', 'é', '😀', '\\u2028', '\\U0010ffff', "q'", 'back\\\\slash', 'nb\\xa0sp', 'cr\\r', 'nl\\n', 'em\\u2003sp', 'both\\'"'], 'n': {'x': -2.0, 'y': 1e-06}, 'e': {}, 'l': []}]`,
      '',
    ]);
  });

  it("GIVEN a dict default with string values, format characters and a key holding undefined THEN each value is repr()'d, \\u escapes padded to four digits, the undefined key left out", () => {
    // Python: str({'k': "it's", 'tab': 'a\tb', 'alm': '\u061c', 'ans': '\u0600x'})
    //   == {'k': "it's", 'tab': 'a\tb', 'alm': '\u061c', 'ans': '\u0600x'}
    // (U+061C and U+0600 are format characters, which repr() escapes; the YAML leaves `gone` out.)
    const cfg = { k: "it's", tab: 'a\tb', gone: undefined, alm: '\u061c', ans: '\u0600x' };
    const text = headerComment(spec({ inputs: { parameters: { cfg: { parameterType: 'STRUCT', defaultValue: cfg } } } }));
    expect(text.split('\n')[3]).toBe(`#    cfg: dict [Default: {'k': "it's", 'tab': 'a\\tb', 'alm': '\\u061c', 'ans': '\\u0600x'}]`);
  });

  it("GIVEN string defaults THEN a plain one is quoted as kfp quotes it, one with a line break as Python's repr() (kfp's own text keeps it raw)", () => {
    const inputs = { parameters: { a: { parameterType: 'STRING', defaultValue: "it's" }, b: { parameterType: 'STRING', defaultValue: 'x\ndefaultPipelineRoot: s3://evil' }, c: { parameterType: 'BOOLEAN', defaultValue: false }, d: { parameterType: 'LIST', defaultValue: ['x', 2.5] } } };
    expect(headerComment(spec({ inputs })).split('\n').slice(3)).toEqual([
      "#    a: str [Default: 'it's']",
      "#    b: str [Default: 'x\\ndefaultPipelineRoot: s3://evil']",
      '#    c: bool [Default: False]',
      "#    d: list [Default: ['x', 2.5]]",
      '',
    ]);
    expect(kfpHeaderComment(spec({ inputs })).split('\n').slice(4, 6)).toEqual(["#    b: str [Default: 'x", "defaultPipelineRoot: s3://evil']"]);
  });

  it('GIVEN inputs and outputs of every kind THEN each is listed under its heading, sorted by name, with its type name', () => {
    const text = headerComment(
      spec({
        inputs: {
          parameters: { zed: { parameterType: 'NUMBER_INTEGER' }, Beta: { parameterType: 'NUMBER_DOUBLE', defaultValue: 3 }, status: { parameterType: 'TASK_FINAL_STATUS' }, cfg: { parameterType: 'TASK_CONFIG' }, odd: {} },
          artifacts: { alpha: { artifactType: { schemaTitle: 'system.Dataset' } } },
        },
        outputs: { parameters: { out: { parameterType: 'STRING' } }, artifacts: { model: { artifactType: { schemaTitle: 'system.Model' } } } },
      }),
    );
    expect(text.split('\n')).toEqual([
      '# PIPELINE DEFINITION',
      '# Name: p',
      '# Inputs:',
      '#    Beta: float [Default: 3.0]',
      '#    alpha: system.Dataset',
      '#    cfg: TaskConfig',
      '#    odd: undefined',
      '#    status: PipelineTaskFinalStatus',
      '#    zed: int',
      '# Outputs:',
      '#    model: system.Model',
      '#    out: str',
      '',
    ]);
  });

  it("GIVEN a parameter and an artifact of one name THEN the parameter's line comes first, as kfp's stable sorted() leaves them", () => {
    // kfp 2.17.3: extract_comments_from_pipeline_spec of the same root gives these lines.
    const inputs = { parameters: { x: { parameterType: 'STRING' }, b: { parameterType: 'BOOLEAN' } }, artifacts: { x: { artifactType: { schemaTitle: 'system.Dataset' } }, a: { artifactType: { schemaTitle: 'system.Model' } } } };
    expect(headerComment(spec({ inputs })).split('\n').slice(2)).toEqual(['# Inputs:', '#    a: system.Model', '#    b: bool', '#    x: str', '#    x: system.Dataset', '']);
  });

  it('GIVEN an artifact without an artifactType (a hand-written file the validator reads) THEN its line shows undefined, as a parameter without a type does', () => {
    const inputs = { artifacts: { data: {} }, parameters: { odd: {} } };
    expect(kfpHeaderComment(spec({ inputs })).split('\n').slice(2)).toEqual(['# Inputs:', '#    data: undefined', '#    odd: undefined', '']);
  });
});

describe('the header keeps every value on its comment line', () => {
  it("GIVEN a description with each of Python's line boundaries THEN it is split where splitlines() splits it, no empty piece after the last", () => {
    // Python: 'a\r\nb\x0bc\x1cd\x85e\u2028f\n'.splitlines() == ['a', 'b', 'c', 'd', 'e', 'f']
    const text = headerComment(spec({ description: 'a\r\nb\x0bc\x1cd\x85e\u2028f\n' }));
    expect(text).toBe('# PIPELINE DEFINITION\n# Name: p\n# Description: a\n#              b\n#              c\n#              d\n#              e\n#              f\n');
  });

  it('GIVEN a description argument THEN it replaces the spec\'s; an empty one shows no Description line', () => {
    expect(headerComment(spec({ description: 'in spec' }), 'given')).toBe('# PIPELINE DEFINITION\n# Name: p\n# Description: given\n');
    expect(headerComment(spec({ description: '' }))).toBe('# PIPELINE DEFINITION\n# Name: p\n');
  });

  it("GIVEN names with controls, DEL, C1, BOM and a lone surrogate THEN each is escaped as Python's repr() escapes it", () => {
    const name = 'n\tx\x01\x7f\x9f\uFEFF\uD800y\uDC00😀';
    const text = headerComment(spec({ name, inputs: { parameters: { [`in\rput`]: { parameterType: 'STRING' } } } }));
    expect(text.split('\n')).toEqual(['# PIPELINE DEFINITION', '# Name: n\\tx\\x01\\x7f\\x9f\\ufeff\\ud800y\\udc00😀', '# Inputs:', '#    in\\rput: str', '']);
    // kfp's own header (what the validator compares a file with) keeps them raw.
    expect(kfpHeaderComment(spec({ name })).split('\n')[1]).toBe(`# Name: ${name}`);
  });
});

describe('strings no YAML file can carry', () => {
  it('GIVEN lone surrogates in a value, a key and a list item THEN each is reported with its path and where it is', () => {
    const doc = { a: { 'k\uD800': 'fine', list: ['ok', 'x\uDC00'] }, b: '😀 whole', c: 'prefix-that-is-longer-than-twenty\uD83D' };
    const found = unrepresentableStrings([doc], 'p.yaml');
    expect(found.map((d) => [d.code, d.path, d.file])).toEqual([
      ['emit/lone-surrogate', ['a', 'k\uD800'], 'p.yaml'],
      ['emit/lone-surrogate', ['a', 'list', '1'], 'p.yaml'],
      ['emit/lone-surrogate', ['c'], 'p.yaml'],
    ]);
    expect(found[0]!.message).toMatch(/^This key holds a lone UTF-16 surrogate, .*: "k"… \(U\+D800 at character 2\)\./);
    expect(found[1]!.message).toContain('This value holds a lone UTF-16 surrogate');
    expect(found[1]!.message).toContain('"x"… (U+DC00 at character 2)');
    // The 20 characters before the surrogate are shown.
    expect(found[2]!.message).toContain('"s-longer-than-twenty"… (U+D83D at character 34)');
    expect(unrepresentableStrings(['\uD800'])).toMatchObject([{ path: ['(document)'] }]);
    expect(unrepresentableStrings([{ ok: ['😀', 1, null, true] }])).toEqual([]);
  });
});
