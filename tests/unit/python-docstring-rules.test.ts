/**
 * Docstring rules (python/docstring.ts) against what kfp 2.17.3 assigned for the same docstrings:
 * each row is a docstring on `def f(data: Input[Dataset], n: int, model: Output[Model]) -> str`
 * and the input and output descriptions kfp put in that component's spec (computed with
 * `dsl.component`, kept verbatim). tests/cross/cases/docstring_rules checks the same rules live.
 */
import { describe, expect, it } from 'vitest';
import { docstringDescriptions } from '../../src/python/index.ts';

type Row = [doc: string, inputs: Record<string, string>, outputs: Record<string, string>];

const KFP: Row[] = [
  ['Trains.\n\nArgs:\n    data: The data.\n    n: How many.\n    model: The trained model.\n\nReturns:\n    The label.\n', {'data':'The data.','n':'How many.'}, {}],
  ['Trains.\n\nArgs:\n    data: The data.\n    model: The trained model.\n\nReturns:\n    Output: The label.\n', {'data':'The data.'}, {'Output':'The label.'}],
  ['Trains.\n\nParameters:\n    data: The data.\n    model: The model (params).\n\nReturns:\n    Output: The label.\n', {'data':'The data.'}, {'model':'The model (params).','Output':'The label.'}],
  ['Trains.\n\nArgs:\n    data: The data.\n\nRaises:\n    ValueError if bad.\n', {}, {}],
  ['Trains.\n\nArgs:\n    data: The data.\n    n (int): How many.\n\nNote:\n    n: not a param.\n', {'data':'The data.','n':'How many.'}, {}],
  ['Trains.\n\nArgs:\n    data: The data.\n\nArgs:\n    n: Second args section.\n', {'n':'Second args section.'}, {}],
  ['Trains.\n\nReturn:\n    model: The model.\n    Output: Text.\n', {}, {'model':'The model.','Output':'Text.'}],
  ['Trains.\n\nArgs:\n    data: Multi\n        line\n\n        para.\n    n: x\n\nReturns\n    model: M.\n', {'data':'Multi\nline\n\npara.','n':'x'}, {'model':'M.'}],
  ['Trains.\n\nAttributes:\n    n: An attribute.\n\nArgs:\n    data: D.\n', {'data':'D.','n':'An attribute.'}, {}],
  ['Trains.\n\nArgs:\n    data : spaced colon.\n    n(int):  two spaces.\n', {'n':' two spaces.'}, {}],
];

const only = (m: Map<string, string>, names: string[]) => Object.fromEntries([...m].filter(([k]) => names.includes(k)));

describe('docstring descriptions, row by row against kfp 2.17.3', () => {
  KFP.forEach(([doc, inputs, outputs], i) => {
    it(`row ${i}: ${JSON.stringify(doc.split('\n').slice(2, 4).join(' / '))}`, () => {
      const d = docstringDescriptions(doc);
      expect(only(d.inputs, ['data', 'n'])).toEqual(inputs);
      expect(only(d.outputs, ['model', 'Output'])).toEqual(outputs);
    });
  });
});
