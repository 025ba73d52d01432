/**
 * The interface kfp 2.17.3 reads from a component's signature (python/kfp-interface.ts), form by
 * form, and the forms kfp refuses, each with kfp's reason. The cross case python_annotations
 * compiles the accepted forms beside kfp itself; tests/cross/annotation-refusals.test.ts runs kfp
 * on the refused ones.
 */
import { describe, expect, it } from 'vitest';
import { kfpInterface, type KfpIo, parseSignature, parseTypeExpression, typeText } from '../../src/python/index.ts';

/** `name: kind` for each input and output, as short text. */
function show(io: KfpIo): string {
  if (io.kind === 'artifact') return `${io.className}${io.isList ? '[]' : ''}${io.optional ? '?' : ''}`;
  return `${io.parameterType}${io.optional ? '?' : ''}${io.defaultValue !== undefined ? `=${JSON.stringify(io.defaultValue)}` : ''}`;
}

function read(params: string, returns = '', module?: string) {
  const sig = parseSignature(`def f(${params})${returns ? ` -> ${returns}` : ''}:\n    pass\n`);
  if (!sig) throw new Error('test setup: unparseable signature');
  const k = kfpInterface(sig, module);
  return {
    inputs: Object.fromEntries([...k.inputs].map(([n, io]) => [n, show(io)])),
    outputs: Object.fromEntries([...k.outputs].map(([n, io]) => [n, show(io)])),
    embedded: Object.fromEntries(k.embedded),
    problems: k.problems,
  };
}

describe('the interface kfp reads from a signature', () => {
  it.each([
    ['x: InputPath(str)', { x: 'STRING' }],
    ['x: InputPath(List[int])', { x: 'LIST' }],
    ["x: InputPath('Dataset')", { x: 'Dataset' }],
    ['x: InputPath(Dataset)', { x: 'Dataset' }],
    ['x: InputPath()', { x: 'Artifact' }],
    ["x: InputPath('CSV')", { x: 'Artifact' }],
    ["x: InputPath('Integer')", { x: 'NUMBER_INTEGER' }],
    ["x: InputPath('List[str]')", { x: 'LIST' }],
    ["x: InputPath('String') = None", { x: 'STRING?' }],
    ['x: InputPath(Dataset) = None', { x: 'Dataset?' }],
    ['x: Input[Dataset]', { x: 'Dataset' }],
    ['x: dsl.Input[dsl.Model]', { x: 'Model' }],
    ['x: Input[List[Dataset]]', { x: 'Dataset[]' }],
    ['x: Dataset', { x: 'Dataset' }],
    ['x: List[Model]', { x: 'Model[]' }],
    ['x: Dataset = None', { x: 'Dataset?' }],
    ['x: Optional[Input[Model]] = None', { x: 'Model?' }],
    ['x: Optional[Input[Model]]', { x: 'Model' }],
    ['x: list[str], y: dict[str, int] = {"a": 1}', { x: 'LIST', y: 'STRUCT?={"a":1}' }],
    ['x: typing.List[str] = ["a"]', { x: 'LIST?=["a"]' }],
    ['x: Optional[List[int]] = None', { x: 'LIST?' }],
    ['x: Union[str, None] = None', { x: 'STRING?' }],
    ['x: Optional[str]', { x: 'STRING' }],
    ['x: List[Input[Dataset]]', { x: 'LIST' }],
    ['x: float = 1', { x: 'NUMBER_DOUBLE?=1' }],
    ['s: dsl.PipelineTaskFinalStatus', { s: 'TASK_FINAL_STATUS?' }],
    ['x: bq_types.BQTable', { x: 'bq_types.BQTable' }],
  ])('GIVEN %s WHEN read THEN the inputs are %j', (params, inputs) => {
    const r = read(params);
    expect(r.problems).toEqual([]);
    expect(r.inputs).toEqual(inputs);
  });

  it.each([
    ['x: OutputPath(str)', { x: 'STRING' }],
    ['x: OutputPath(Dict[str, int])', { x: 'STRUCT' }],
    ["x: OutputPath('List')", { x: 'LIST' }],
    ["x: OutputPath('Model')", { x: 'Model' }],
    ['x: OutputPath(Dataset)', { x: 'Dataset' }],
    ['x: OutputPath()', { x: 'Artifact' }],
    ['x: Output[Metrics]', { x: 'Metrics' }],
  ])('GIVEN %s WHEN read THEN the outputs are %j', (params, outputs) => {
    const r = read(params);
    expect(r.problems).toEqual([]);
    expect(r.outputs).toEqual(outputs);
  });

  it.each([
    ['Dataset', { Output: 'Dataset' }],
    ['List[str]', { Output: 'LIST' }],
    ['list[int]', { Output: 'LIST' }],
    ['Dict[str, int]', { Output: 'STRUCT' }],
    ['None', {}],
    ['NamedTuple("Outputs", [("a", int), ("b", Model)])', { a: 'NUMBER_INTEGER', b: 'Model' }],
    ["NamedTuple('Outputs', a=float, b=Dataset)", { a: 'NUMBER_DOUBLE', b: 'Dataset' }],
  ])('GIVEN the return %s WHEN read THEN the outputs are %j', (returns, outputs) => {
    const r = read('', returns);
    expect(r.problems).toEqual([]);
    expect(r.outputs).toEqual(outputs);
  });

  it('GIVEN a NamedTuple class of the module as the return WHEN read THEN its fields are the outputs', () => {
    const module = 'class Scores(NamedTuple):\n    accuracy: float\n    model: Model  # the best\n\n\ndef f() -> Scores:\n    pass\n';
    expect(read('', 'Scores', module).outputs).toEqual({ accuracy: 'NUMBER_DOUBLE', model: 'Model' });
  });

  it('GIVEN EmbeddedInput parameters WHEN read THEN they are no inputs', () => {
    expect(read('a: dsl.EmbeddedInput[dsl.Dataset], n: int = 1')).toMatchObject({ inputs: { n: 'NUMBER_INTEGER?=1' }, embedded: { a: 'Dataset' } });
  });

  it.each([
    ['x', /no type annotation, which kfp requires/],
    ['*args', /named parameters only, not \*args/],
    ['Output: str', /"Output" is an invalid parameter name/],
    ['x: str | None = None', /kfp cannot type the annotation 'str \| None'/],
    ['x: typing.Any = None', /kfp cannot type the annotation 'typing.Any'/],
    ['x: Output[List[Dataset]]', /output lists of artifacts only for pipelines/],
    ["x: OutputPath('str')", /a type name string must be one of String, Integer/],
    ["x: InputPath('text')", /a type name string must be one of/],
    ["x: Input[Dataset] = 'gs://x'", /may only default to None/],
    ['x: int = SOME_CONSTANT', /is not a literal/],
  ])('GIVEN %s WHEN read THEN kfp refuses it: %s', (params, message) => {
    const r = read(params);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('GIVEN a return of a list of artifacts WHEN read THEN kfp refuses it', () => {
    expect(read('', 'List[Dataset]').problems.map((p) => p.name)).toEqual(['Output']);
  });
});

describe('annotation expressions', () => {
  it.each(['Input[List[Dataset]]', "InputPath('Dataset')", 'NamedTuple("O", [("a", int)])', 'str | None', "NamedTuple('S', mean=float)", 'typing.Dict[str, typing.List[int]]'])(
    'GIVEN %s WHEN parsed and printed THEN it reads back',
    (text) => {
      expect(typeText(parseTypeExpression(text))).toBe(text.replace(/"/g, "'"));
    },
  );

  it('GIVEN text that is no annotation WHEN parsed THEN it is kept unparsed', () => {
    expect(parseTypeExpression('lambda x: x')).toEqual({ kind: 'unparsed', text: 'lambda x: x' });
  });
});
