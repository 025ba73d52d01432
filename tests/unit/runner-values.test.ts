import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateSelector } from '../../src/runner/cel.ts';
import { argumentText, checkParameterType, formatFloatF, goJson, parseParameterText, valueToText } from '../../src/runner/values.ts';

describe('parameter values as the backend converts them', () => {
  it('GIVEN numbers WHEN written as Go FormatFloat(f, -1) THEN no exponent, shortest digits', () => {
    expect([1, 0.5, -2.25, 1e21, 1.5e-7, 123456789012, 0].map(formatFloatF)).toEqual(['1', '0.5', '-2.25', '1000000000000000000000', '0.00000015', '123456789012', '0']);
  });

  it('GIVEN values WHEN turned into a STRING input THEN strings stay, others become text, lists and structs Go JSON with sorted keys', () => {
    expect(valueToText('x')).toBe('x');
    expect(valueToText(3)).toBe('3');
    expect(valueToText(true)).toBe('true');
    expect(valueToText({ b: 1, a: [1, 'x<y'] })).toBe('{"a":[1,"x\\u003cy"],"b":1}');
    expect(valueToText(null)).toBe('');
  });

  it('GIVEN an input parameter in a container argument THEN integral numbers have no fraction (the driver), others %g', () => {
    expect(argumentText(3)).toBe('3');
    expect(argumentText(0.1)).toBe('0.1');
    expect(argumentText(1e-7)).toBe('1e-07');
  });

  it('GIVEN a value and a declared type THEN STRING takes anything as text, other types must match the kind', () => {
    expect(checkParameterType(3, 'STRING')).toEqual({ ok: true, value: '3' });
    expect(checkParameterType([1, 2], 'STRING')).toEqual({ ok: true, value: '[1,2]' });
    expect(checkParameterType(3, 'NUMBER_INTEGER')).toEqual({ ok: true, value: 3 });
    expect(checkParameterType(2.5, 'NUMBER_INTEGER')).toEqual({ ok: true, value: 2.5 });
    expect(checkParameterType('3', 'NUMBER_INTEGER')).toEqual({ ok: false, message: 'type mismatch: expected NUMBER_INTEGER, got string' });
    expect(checkParameterType({ state: 'FAILED' }, 'TASK_FINAL_STATUS').ok).toBe(true);
    expect(checkParameterType(null, 'LIST')).toEqual({ ok: false, message: 'got null' });
  });

  it('GIVEN an output parameter file THEN it is read by its declared type, or refused', () => {
    expect(parseParameterText(' 42\n', 'NUMBER_INTEGER')).toBe(42);
    expect(parseParameterText('0.25', 'NUMBER_DOUBLE')).toBe(0.25);
    expect(parseParameterText('True', 'BOOLEAN')).toBe(true);
    expect(parseParameterText('[1, "a"]', 'LIST')).toEqual([1, 'a']);
    expect(parseParameterText('hello\n', 'STRING')).toBe('hello\n');
    expect(() => parseParameterText('4.5', 'NUMBER_INTEGER')).toThrow(/not an integer/);
    expect(() => parseParameterText('{"a": 1}', 'LIST')).toThrow(/JSON list/);
  });

  it('GIVEN nested JSON THEN Go JSON sorts keys at every level and escapes < > &', () => {
    expect(goJson({ z: { y: 1, x: 2 }, a: 'a&b' })).toBe('{"a":"a\\u0026b","z":{"x":2,"y":1}}');
  });
});

describe('CEL as the backend evaluates it', () => {
  it.each([
    ["int(inputs.parameter_values['n']) > 5", { n: 7 }, true],
    ["int(inputs.parameter_values['n']) > 5", { n: 5.9 }, false],
    ["inputs.parameter_values['n'] == 1", { n: 1 }, true],
    ["inputs.parameter_values['x'] > 0.4", { x: 0.5 }, true],
    ["!(inputs.parameter_values['coin'] == 'heads') && inputs.parameter_values['coin'] == 'tails'", { coin: 'tails' }, true],
    ["inputs.parameter_values['ok'] == false", { ok: false }, true],
    ["inputs.parameter_values['s'] != ''", { s: '' }, false],
  ])('GIVEN %s with %j THEN %s', (expr, values, expected) => {
    expect(evaluateCondition(expr, values)).toEqual({ ok: true, value: expected });
  });

  it('GIVEN a condition on an input the task does not have THEN an error, not false', () => {
    const r = evaluateCondition("inputs.parameter_values['missing'] == 1", {});
    expect(r.ok).toBe(false);
  });

  it('GIVEN a non-bool result THEN an error', () => {
    expect(evaluateCondition("inputs.parameter_values['n']", { n: 1 })).toEqual({ ok: false, message: "the condition's result is not a bool: 1" });
  });

  it('GIVEN a loop item and kfp selectors THEN fields of structs and of JSON strings are selected', () => {
    expect(evaluateSelector('parseJson(string_value)["a"]', { a: 'x', b: 2 })).toEqual({ ok: true, value: 'x' });
    expect(evaluateSelector('parseJson(string_value)["b"]', '{"a": "x", "b": 2}')).toEqual({ ok: true, value: 2 });
    expect(evaluateSelector('parseJson(string_value)["c"]', { a: 1 }).ok).toBe(false);
  });
});
