/**
 * kfp v1 component YAML: the conversion rules of kfp 2.17.3's loader (names, types, defaults,
 * placeholders, env), the components kfp loads but refuses to use, malformed files, the checked
 * declarations that type a loaded component, and the file loader's errors. The cross cases
 * (tests/cross/cases/v1_*) compare whole pipelines with kfp itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticError, formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import {
  Artifact,
  componentFromIrYaml,
  input,
  loadComponentFromFile,
  loadComponentFromText,
  output,
  pipeline,
  z,
} from '../../src/index.ts';
import { compileOk } from './support.ts';

const v1File = (name: string): URL => new URL(`../fixtures/kfp-v1-components/${name}.yaml`, import.meta.url);
const placeholdersFile = new URL('../cross/fixtures/v1_placeholders.yaml', import.meta.url);

function diagnosticsOf(load: () => unknown): readonly Diagnostic[] {
  try {
    load();
  } catch (err) {
    if (err instanceof DiagnosticError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected the load to fail');
}

const MINIMAL = `name: Echo
inputs:
- {name: Text, type: String}
- {name: Data}
outputs:
- {name: Out, type: String}
implementation:
  container:
    image: alpine
`;

describe('kfp v1 component YAML', () => {
  it('GIVEN the rules file WHEN loaded THEN names, types and defaults are converted as kfp converts them', () => {
    const c = loadComponentFromFile(placeholdersFile);
    const ins = c.node.interface.inputs;
    expect(c.node.name).toBe('every-placeholder-v1');
    expect(Object.keys(ins)).toEqual([
      'input_text',
      'float_as_text',
      'big_float_as_text',
      'flag',
      'yes_flag',
      'config',
      'items',
      'typed_list',
      'untyped',
      'optional_data',
      'model_with_default',
      'vertex',
      'rate',
      'count',
      'truncated',
      'mapping_type',
    ]);
    const defaults = Object.fromEntries(Object.entries(ins).map(([k, v]) => [k, v.kind === 'parameter' ? v.defaultValue : v.kind]));
    expect(defaults).toEqual({
      input_text: 'hello',
      // Python's str() of the floats PyYAML read: 3.0 and 1e16.
      float_as_text: '3.0',
      big_float_as_text: '1e+16',
      flag: true,
      yes_flag: true,
      config: { a: 1, b: [true, false] },
      items: [1, 2.5],
      // The cast is chosen by the raw type name, and `typing.List[str]` has none: the text stays.
      typed_list: '["a"]',
      untyped: 'artifact',
      optional_data: 'artifact',
      model_with_default: 'artifact',
      vertex: 'artifact',
      rate: 3,
      count: 7,
      truncated: 2,
      mapping_type: 'artifact',
    });
    expect(ins.untyped).toMatchObject({ artifactType: { schemaTitle: 'system.Artifact' }, optional: false });
    expect(ins.mapping_type).toMatchObject({ artifactType: { schemaTitle: 'system.Artifact' } });
    expect(ins.vertex).toMatchObject({ artifactType: { schemaTitle: 'google.VertexModel', schemaVersion: '0.0.1' } });
    expect(ins.model_with_default).toMatchObject({ artifactType: { schemaTitle: 'system.Model' }, optional: true });
    expect(ins.typed_list).toMatchObject({ parameterType: 'LIST', typeName: 'List' });
    expect(c.node.interface.outputs.out_text).toMatchObject({ kind: 'parameter', parameterType: 'STRING', typeName: 'String' });
    expect(c.node.interface.outputs.out_any).toMatchObject({ kind: 'artifact', artifactType: { schemaTitle: 'system.Artifact' } });
    expect(c.node.implementation).toMatchObject({ kind: 'container', image: 'alpine:3.20', env: { MODE: 'fast', POD: '{{pod.name}}' } });
  });

  it('GIVEN a v1 component in a pipeline WHEN compiled THEN its placeholders are written as kfp writes v2 ones', () => {
    const c = loadComponentFromFile(v1File('xgboost_predict'));
    const spec = compileOk(
      pipeline({ name: 'p', inputs: { data: input(Artifact), model: input(Artifact) } }, (p, s) => void s.task(c, { data: p.data, model: p.model })),
    );
    expect(spec.deploymentSpec.executors['exec-xgboost-predict'].container.args).toEqual([
      '--data',
      "{{$.inputs.artifacts['data'].path}}",
      '--model',
      "{{$.inputs.artifacts['model'].path}}",
      `{"IfPresent": {"InputName": "label_column", "Then": ["--label-column", "{{$.inputs.parameters['label_column']}}"]}}`,
      '--predictions',
      "{{$.outputs.artifacts['predictions'].path}}",
    ]);
  });

  it('GIVEN v1 files kfp loads but refuses to use WHEN loaded THEN they are refused with kfp reason and the argument', () => {
    const presto = diagnosticsOf(() => loadComponentFromFile(v1File('presto_query')));
    expect(presto.map((d) => [d.code, formatPath(d.path)])).toEqual([['load/v1-component', 'implementation/container/command/15']]);
    expect(presto[0]!.message).toMatch(/\{inputValue: …\} of 'output', an artifact input \(system\.Artifact\): kfp refuses it/);
    const mlEngine = diagnosticsOf(() => loadComponentFromFile(v1File('ml_engine_train')));
    expect(mlEngine.map((d) => d.message.match(/of '(\w+)'/)?.[1])).toEqual(['project_id', 'region', 'job_dir', 'master_image_uri', 'worker_image_uri']);
    expect(mlEngine[0]!.file).toMatch(/ml_engine_train\.yaml$/);
  });

  it.each([
    ['an unknown key', MINIMAL.replace('{name: Text, type: String}', '{name: Text, type: String, value: 3}'), 'inputs/0', /Unrecognized key: "value" \(kfp's v1 format has no such key\)/],
    ['a number argument', `${MINIMAL}    args: [1]\n`, 'implementation', /not a valid v1 value here/],
    ['a missing input', `${MINIMAL}    args: [{inputValue: Nope}]\n`, 'implementation/container/args/0', /refers to the input 'Nope', which the component does not declare/],
    ['a missing output', `${MINIMAL}    args: [{outputPath: Nope}]\n`, 'implementation/container/args/0', /refers to the output 'Nope'/],
    ['a condition other than isPresent', `${MINIMAL}    args: [{if: {cond: {inputValue: Text}, then: [x]}}]\n`, 'implementation/container/args/0/if/cond', /only `cond: \{isPresent: <input>\}`/],
    ['a list `then` inside concat', `${MINIMAL}    args: [{concat: [a, {if: {cond: {isPresent: Text}, then: [x, y]}}]}]\n`, 'implementation/container/args/0', /single `then` and `else`/],
    ['a single placeholder `else`', `${MINIMAL}    args: [{if: {cond: {isPresent: Text}, then: [x], else: {inputValue: Text}}}]\n`, 'implementation/container/args/0/if/else', /write it as a list/],
    ['an input path of a parameter', `${MINIMAL}    args: [{inputPath: Text}]\n`, 'implementation/container/args/0', /\{inputPath: …\} of 'text', a parameter input/],
    ['a metadata placeholder', `${MINIMAL}    args: [{inputMetadata: Data}]\n`, 'implementation/container/args/0', /no \{inputMetadata: …\} placeholder/],
    ['a graph component', 'name: g\nimplementation:\n  graph: {tasks: {}}\n', 'implementation', /kfp 2 loads container components only/],
    ['a repeated input', MINIMAL.replace('{name: Data}', '{name: Text, type: Integer}'), 'inputs/Text', /declared twice/],
    ['a default int() cannot read', MINIMAL.replace('{name: Text, type: String}', '{name: Text, type: Integer, default: abc}'), 'inputs/Text/default', /invalid literal for int\(\) with base 10: 'abc'/],
    ['a boolean default strtobool cannot read', MINIMAL.replace('{name: Text, type: String}', '{name: Text, type: Bool, default: maybe}'), 'inputs/Text/default', /invalid truth value 'maybe'/],
    ['a null inside a default', MINIMAL.replace('{name: Text, type: String}', `{name: Text, type: JsonObject, default: '{"a": null}'}`), 'inputs/Text/default', /holds a null/],
  ])('GIVEN %s WHEN loaded THEN it is refused where kfp refuses it', (_what, text, path, message) => {
    const ds = diagnosticsOf(() => loadComponentFromText(text));
    expect(ds.map((d) => d.code)).toContain('load/v1-component');
    const d = ds.find((x) => formatPath(x.path) === path);
    expect(d, JSON.stringify(ds)).toBeDefined();
    expect(d!.message).toMatch(message);
  });

  it('GIVEN a v1 file with a second document WHEN loaded THEN it is refused (kfp reads v1 with safe_load)', () => {
    expect(diagnosticsOf(() => loadComponentFromText(`${MINIMAL}---\na: 1\n`)).map((d) => d.code)).toEqual(['load/v1-component']);
  });

  it('GIVEN text that is no component (three documents, or a mapping that is neither v1 nor IR) WHEN loaded THEN load/not-a-component says why', () => {
    const three = diagnosticsOf(() => loadComponentFromText('a: 1\n---\nb: 2\n---\nc: 3\n'));
    expect(three.map((d) => [d.code, d.message])).toEqual([['load/not-a-component', 'expected one or two YAML documents (a component, then optionally its platform config), found 3']]);
    const neither = diagnosticsOf(() => loadComponentFromText('name: something\n'));
    expect(neither.map((d) => d.code)).toEqual(['load/not-a-component']);
    expect(neither[0]!.message).toMatch(/pipelineInfo/);
  });

  it('GIVEN v1 text WHEN given to componentFromIrYaml THEN it loads too', () => {
    expect(componentFromIrYaml(MINIMAL).node.implementation.kind).toBe('container');
  });

  it('GIVEN a missing file WHEN loaded THEN the error names it', () => {
    const ds = diagnosticsOf(() => loadComponentFromFile('/nonexistent/component.yaml'));
    expect(ds).toEqual([{ code: 'load/unreadable-file', path: [], message: 'cannot read the component file: no such file', file: '/nonexistent/component.yaml' }]);
  });
});

describe('declarations that type a loaded component', () => {
  const hashText = readFileSync(v1File('calculate_hash'), 'utf8');

  it('GIVEN declarations that agree WHEN loaded THEN the component is typed and compiles as the file says', () => {
    const hash = loadComponentFromText(hashText, { inputs: { data: input(Artifact), hash_algorithm: z.string().default('SHA256') }, outputs: { hash: output(Artifact) } });
    expect(hash.node.interface.inputs.hash_algorithm).toMatchObject({ defaultValue: 'SHA256', typeName: 'String' });
  });

  it('GIVEN declarations that disagree WHEN loaded THEN every difference is reported', () => {
    const ds = diagnosticsOf(() =>
      loadComponentFromText(hashText, {
        inputs: { data: z.string(), hash_algorithm: z.string().default('MD5'), extra: z.int() },
        outputs: {},
      }),
    );
    expect(ds.map((d) => [d.code, formatPath(d.path), d.message])).toEqual([
      ['load/declaration-mismatch', 'component/calculate-data-hash/inputs/data', 'declared as a STRING parameter, but the component has an artifact (system.Artifact); regenerate the declarations (kfp-ts codegen) or correct them'],
      ['load/declaration-mismatch', 'component/calculate-data-hash/inputs/hash_algorithm', `declared with the default "MD5", but the component's default is "SHA256"; regenerate the declarations (kfp-ts codegen) or correct them`],
      ['load/declaration-mismatch', 'component/calculate-data-hash/inputs/extra', `declared, but the component has no input 'extra' (it has: data, hash_algorithm); regenerate the declarations (kfp-ts codegen) or correct them`],
      ['load/declaration-mismatch', 'component/calculate-data-hash/outputs/hash', 'the component has this output, but the declarations leave it out; regenerate the declarations (kfp-ts codegen) or correct them'],
    ]);
  });

  it('GIVEN an optional input declared as required WHEN loaded THEN it is refused', () => {
    const ds = diagnosticsOf(() => loadComponentFromText(hashText, { inputs: { data: input(Artifact), hash_algorithm: z.string() }, outputs: { hash: output(Artifact) } }));
    expect(ds.map((d) => d.message)).toEqual(['optional in the component, but declared as required; regenerate the declarations (kfp-ts codegen) or correct them']);
  });
});
