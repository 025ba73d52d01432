import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { checkRuntimeParameters, coerceParamString, splitParamArg } from '../../src/client/parameters.ts';
import { loadPipelinePackage, runPipelineSpec, type RootParameterSpec } from '../../src/client/pipeline-file.ts';

/**
 * The backend's run-creation parameter rules (v2_template.go validatePipelineJobInputs), case by
 * case with expected codes. backend-e2e.test.ts sends the same kinds of cases to the real server
 * and requires the verdicts to agree.
 */

const defs: Record<string, RootParameterSpec> = {
  s: { parameterType: 'STRING' },
  i: { parameterType: 'NUMBER_INTEGER' },
  d: { parameterType: 'NUMBER_DOUBLE', isOptional: true },
  b: { parameterType: 'BOOLEAN', defaultValue: false },
  l: { parameterType: 'LIST', isOptional: true, defaultValue: [] },
  st: { parameterType: 'STRUCT', isOptional: true },
  color: { parameterType: 'STRING', isOptional: true, defaultValue: 'red', literals: ['red', 'green'] },
  n: { parameterType: 'NUMBER_INTEGER', isOptional: true, defaultValue: 1, literals: [1, 2] },
  nulldef: { parameterType: 'STRING', defaultValue: null },
};

const codes = (values: Record<string, unknown>): string[] => checkRuntimeParameters(defs, values).map((d) => `${d.code}@${formatPath(d.path)}${d.severity === 'warning' ? ' (warning)' : ''}`);

describe('checkRuntimeParameters', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{ s: 'a', i: 1 }, []],
    [{}, ['run/parameter-missing@parameters/s', 'run/parameter-missing@parameters/i']],
    [{ s: 'a', i: '1' }, ['run/parameter-type@parameters/i']],
    [{ s: 'a', i: 1.5 }, ['run/parameter-not-integer@parameters/i (warning)']],
    [{ s: 1, i: 1 }, ['run/parameter-type@parameters/s']],
    [{ s: 'a', i: 1, b: 'true' }, ['run/parameter-type@parameters/b']],
    [{ s: 'a', i: 1, b: true, l: [1, 'x'], d: 0.5, st: { k: [1] } }, []],
    [{ s: 'a', i: 1, l: {}, st: [] }, ['run/parameter-type@parameters/l', 'run/parameter-type@parameters/st']],
    [{ s: 'a', i: 1, d: null }, ['run/parameter-type@parameters/d']],
    [{ s: 'a', i: 1, extra: 1, also: 2 }, ['run/parameter-unknown@parameters/extra', 'run/parameter-unknown@parameters/also']],
    [{ s: 'a', i: 1, color: 'blue' }, ['run/parameter-literal@parameters/color']],
    [{ s: 'a', i: 1, color: 'green', n: 2.0 }, []],
    [{ s: 'a', i: 1, n: 3 }, ['run/parameter-literal@parameters/n']],
    [{ s: 'a', i: 1, i2: 3 }, ['run/parameter-unknown@parameters/i2']],
  ])('GIVEN %j THEN %j', (values, expected) => {
    expect(codes(values)).toEqual(expected);
  });

  it('GIVEN a default of null THEN the parameter is not required (the server tests for a default of any kind)', () => {
    expect(codes({ s: 'a', i: 1 }).filter((c) => c.includes('nulldef'))).toEqual([]);
  });

  it('GIVEN a parameter without a type, or of type TASK_FINAL_STATUS THEN a value for it is refused', () => {
    const odd: Record<string, RootParameterSpec> = { u: {}, f: { parameterType: 'TASK_FINAL_STATUS' } };
    expect(checkRuntimeParameters(odd, { u: 'x', f: {} }).map((d) => d.code)).toEqual(['run/parameter-unspecified-type', 'run/parameter-type']);
  });

  it('GIVEN a misspelt name THEN the message suggests the declared one and lists them all', () => {
    const [d] = checkRuntimeParameters({ n_estimators: { parameterType: 'NUMBER_INTEGER', defaultValue: 1 } }, { n_estimator: 5 });
    expect(d?.message).toBe('The pipeline has no parameter "n_estimator". Did you mean "n_estimators"? It takes: n_estimators.');
  });
});

describe('--param parsing', () => {
  it('GIVEN k=v strings THEN values are typed by the declared parameter type', () => {
    expect(coerceParamString('42', { parameterType: 'NUMBER_INTEGER' })).toBe(42);
    expect(coerceParamString('-1.5e3', { parameterType: 'NUMBER_DOUBLE' })).toBe(-1500);
    expect(coerceParamString('forty', { parameterType: 'NUMBER_INTEGER' })).toBe('forty');
    expect(coerceParamString('true', { parameterType: 'BOOLEAN' })).toBe(true);
    expect(coerceParamString('yes', { parameterType: 'BOOLEAN' })).toBe('yes');
    expect(coerceParamString('[1,"a"]', { parameterType: 'LIST' })).toEqual([1, 'a']);
    expect(coerceParamString('{"a":{"b":1}}', { parameterType: 'STRUCT' })).toEqual({ a: { b: 1 } });
    expect(coerceParamString('{oops', { parameterType: 'STRUCT' })).toBe('{oops');
    expect(coerceParamString('100', { parameterType: 'STRING' })).toBe('100');
    expect(coerceParamString('100', undefined)).toBe('100');
  });

  it('GIVEN name=value with = in the value THEN it splits at the first =', () => {
    expect(splitParamArg('query=a=b')).toEqual({ name: 'query', value: 'a=b' });
    expect(splitParamArg('=x')).toBeUndefined();
    expect(splitParamArg('novalue')).toBeUndefined();
  });
});

describe('loadPipelinePackage', () => {
  it('GIVEN a file in another proto3 JSON spelling WHEN loaded THEN the typed view is canonical and a run sends the documents as written', () => {
    const text = [
      'pipeline_info: {name: p}',
      'root:',
      '  input_definitions:',
      '    parameters:',
      '      n: {parameter_type: 2, default_value: 3}',
      '      s: {parameterType: STRING, is_optional: true}',
      '  dag: {tasks: {}}',
      'schemaVersion: 2.1.0',
      '---',
      'platforms: {kubernetes: {deploymentSpec: {executors: {exec-a: {active_deadline_seconds: "20"}}}}}',
      '',
    ].join('\n');
    const loaded = loadPipelinePackage(text, 'p.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const { pkg } = loaded;
    expect(pkg.pipelineName).toBe('p');
    expect(pkg.rootParameters).toEqual({ n: { parameterType: 'NUMBER_INTEGER', defaultValue: 3 }, s: { parameterType: 'STRING', isOptional: true } });
    expect(pkg.platformSpec?.platforms?.kubernetes?.deploymentSpec?.executors?.['exec-a']).toEqual({ activeDeadlineSeconds: '20' });
    expect(checkRuntimeParameters(pkg.rootParameters, { n: 4 })).toEqual([]);
    const sent = runPipelineSpec(pkg) as { pipeline_spec: Record<string, unknown>; platform_spec: Record<string, unknown> };
    expect(Object.keys(sent.pipeline_spec)).toEqual(['pipeline_info', 'root', 'schemaVersion']);
    expect(sent.platform_spec).toEqual({ platforms: { kubernetes: { deploymentSpec: { executors: { 'exec-a': { active_deadline_seconds: '20' } } } } } });
  });
});
