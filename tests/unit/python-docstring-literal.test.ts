/**
 * Docstring descriptions (python/docstring.ts) and Python literal defaults (python/literal.ts).
 *
 * The expected descriptions are what kfp 2.17.3 puts in the component spec for the same
 * docstring (computed with `dsl.component` on a function carrying it; kept here verbatim).
 */
import { describe, expect, it } from 'vitest';
import { Dataset, input, Model, output, pipeline, pythonComponent, z } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import { cleandoc, docstringDescriptions, parsePythonLiteral } from '../../src/python/index.ts';

const entries = (m: Map<string, string>) => Object.fromEntries(m);

describe('docstringDescriptions (as kfp reads Google-style docstrings)', () => {
  it('takes input descriptions from Args, with types in parentheses dropped and continuation lines joined', () => {
    // GIVEN a docstring as Python holds it (indented continuation lines)
    const doc =
      'Trains a model.\n\n    Args:\n        data: The training data.\n        n_estimators (int): Number of trees,\n            continued on a second line.\n        lr: Learning rate.\n    ';
    // WHEN descriptions are read
    const d = docstringDescriptions(doc);
    // THEN they are kfp's
    expect(entries(d.inputs)).toEqual({
      data: 'The training data.',
      n_estimators: 'Number of trees,\ncontinued on a second line.',
      lr: 'Learning rate.',
    });
    // and without a Returns section no output has a description
    expect(d.outputs.get('model')).toBeUndefined();
  });

  it('takes output descriptions from Returns', () => {
    const doc =
      'Trains a model.\n\n    Args:\n        data: The training data.\n        n_estimators: Number of trees.\n\n    Returns:\n        model: The trained model.\n    ';
    const d = docstringDescriptions(doc);
    expect(entries(d.inputs)).toEqual({ data: 'The training data.', n_estimators: 'Number of trees.' });
    expect(d.outputs.get('model')).toBe('The trained model.');
  });

  it('joins a description that spans paragraphs with one newline', () => {
    const doc = 'Summary.\n\n    Args:\n        data: First line.\n\n            Second paragraph of data.\n        lr: Rate.\n    ';
    expect(entries(docstringDescriptions(doc).inputs)).toEqual({ data: 'First line.\nSecond paragraph of data.', lr: 'Rate.' });
  });

  it('finds nothing in a missing docstring or one without sections', () => {
    for (const doc of [undefined, 'Just a summary line.']) {
      const d = docstringDescriptions(doc);
      expect(d.inputs.size + d.outputs.size).toBe(0);
    }
  });

  it('cleans a docstring like inspect.cleandoc', () => {
    // GIVEN a first line, an indented body with a deeper line, and blank edges
    // THEN the common margin of the later lines goes and blank edges are trimmed
    expect(cleandoc('  First.\n\n      Body.\n        Deeper.\n    ')).toBe('First.\n\nBody.\n  Deeper.');
  });

  it('puts the descriptions into the compiled component interface', () => {
    // GIVEN a component whose function documents an input and an output
    const train = pythonComponent({
      name: 'train',
      source: {
        code: [
          'def train(data: Input[Dataset], model: Output[Model], n: int = 3):',
          '    """Trains.',
          '',
          '    Args:',
          '        data: Rows to learn from.',
          '        n: How many.',
          '',
          '    Returns:',
          '        model: What was learned.',
          '    """',
          '    pass',
          '',
        ].join('\n'),
      },
      inputs: { data: input(Dataset), n: z.int().default(3) },
      outputs: { model: output(Model) },
    });
    const p = pipeline({ name: 'docs', inputs: { data: input(Dataset) } }, (p, s) => {
      s.task(train, { data: p.data });
    });
    // WHEN compiled
    const spec = compilePipeline(p.build()).pipelineSpec as any;
    // THEN the component's definitions carry them
    const comp = spec.components['comp-train'];
    expect(comp.inputDefinitions.artifacts.data.description).toBe('Rows to learn from.');
    expect(comp.inputDefinitions.parameters.n.description).toBe('How many.');
    expect(comp.outputDefinitions.artifacts.model.description).toBe('What was learned.');
  });
});

describe('parsePythonLiteral', () => {
  const ok = (text: string) => {
    const r = parsePythonLiteral(text);
    if (!r.ok) throw new Error(`expected ${text} to parse`);
    return r.value;
  };

  it('reads numbers: signs, underscores, exponents, leading and trailing dots', () => {
    expect([ok('10'), ok('-3'), ok('+5'), ok('1_000'), ok('-2.5e3'), ok('.5'), ok('1.'), ok(' 7 ')]).toEqual([10, -3, 5, 1000, -2500, 0.5, 1, 7]);
  });

  it('reads hexadecimal, octal and binary integers', () => {
    expect([ok('0x10'), ok('0o17'), ok('0b101')]).toEqual([16, 15, 5]);
  });

  it('reads True, False and None, but not names that start with them', () => {
    expect([ok('True'), ok('False'), ok('None')]).toEqual([true, false, null]);
    expect(parsePythonLiteral('Truex').ok).toBe(false);
    expect(parsePythonLiteral('NoneType').ok).toBe(false);
  });

  it('reads strings: quotes, escapes, raw and unicode prefixes, triple quotes, implicit concatenation', () => {
    expect(ok("'a'")).toBe('a');
    expect(ok('"it\'s"')).toBe("it's");
    expect(ok("'it\\'s'")).toBe("it's");
    expect(ok("'tab\\there\\n'")).toBe('tab\there\n');
    expect(ok("'\\x41\\u00e9\\\\'")).toBe('Aé\\');
    expect(ok("r'\\n'")).toBe('\\n');
    expect(ok("u'x'")).toBe('x');
    expect(ok("'''tri\nple'''")).toBe('tri\nple');
    expect(ok("'a' \"b\"  'c'")).toBe('abc');
  });

  it('reads lists, tuples and dicts, nested, with trailing commas', () => {
    expect(ok('[1, (2, 3), {"k": None}]')).toEqual([1, [2, 3], { k: null }]);
    expect(ok('[1,]')).toEqual([1]);
    expect(ok('()')).toEqual([]);
    expect(ok("{'a': [True], 'b': {'c': 'd'},}")).toEqual({ a: [true], b: { c: 'd' } });
  });

  it('rejects what is not a literal: names, calls, expressions, bytes, f-strings, complex numbers, non-string keys', () => {
    for (const text of ['THREE', 'float("inf")', '1 + 2', "b'x'", "f'x'", '1j', '{1: 2}', '[1, 2', "'open"]) {
      expect(parsePythonLiteral(text).ok, text).toBe(false);
    }
  });
});
