/**
 * The emitter's layout and number text on small documents, written out in full: which numbers
 * are doubles (protobuf double fields and everything under a Struct/Value field, in maps and in
 * sequences, nested), the same number as an integer and as a double in one file, -0, empty and
 * nested collections in PyYAML's layout (sequences not indented under their key), the characters
 * escaped inside double quotes, the platform document after `---`. Both writers — the block writer
 * and the `yaml` Document it falls back to — must give the same text, and that text is kfp's
 * (PyYAML's yaml.dump(sort_keys=True) of the same values, quoted beside each case).
 */
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/emit/block-writer.ts';
import { emitPipelineYaml } from '../../src/emit/emit-yaml.ts';
import { ScalarText } from '../../src/emit/scalar-text.ts';
import { escapeRawCharacters } from '../../src/emit/string-style.ts';
import { yamlDocumentText } from '../../src/emit/yaml-document.ts';
import type { JsonObject, PipelineSpec, PlatformSpec } from '../../src/ir/index.ts';

/** The text of `doc` from both writers, which must agree. */
function written(doc: JsonObject): string {
  const block = blockText(doc, new ScalarText());
  expect(yamlDocumentText(doc)).toBe(block);
  return block;
}

describe('numbers: integers, and doubles where kfp has a protobuf double', () => {
  it('GIVEN one number as an integer field, a double field and a Struct value THEN it reads 2, 2.0 and 2.0 in one file', () => {
    // yaml.dump({'maxRetryCount': 2, 'cpuLimit': 2.0, 'constant': 2.0}, sort_keys=True)
    expect(written({ maxRetryCount: 2, cpuLimit: 2, constant: 2 })).toBe('constant: 2.0\ncpuLimit: 2.0\nmaxRetryCount: 2\n');
  });

  it('GIVEN -0 and 0 as doubles and 0 as an integer THEN they read -0.0, 0.0 and 0', () => {
    expect(written({ cpuLimit: -0, memoryLimit: 0, maxRetryCount: 0 })).toBe('cpuLimit: -0.0\nmaxRetryCount: 0\nmemoryLimit: 0.0\n');
  });

  it('GIVEN numbers nested in lists and maps under each Struct/Value field THEN every one is a double; beside them integers stay integers', () => {
    // yaml.dump({'defaultValue': [[1.0, 2.0], [], {}, {'a': 1.0}], 'metadata': {'m': [3.0]},
    //   'deploymentSpec': {'x': 4.0}, 'pvcSpecPatch': {'w': 5.0}, 'other': [6, {'z': 7}]}, sort_keys=True)
    const doc = { defaultValue: [[1, 2], [], {}, { a: 1 }], metadata: { m: [3] }, deploymentSpec: { x: 4 }, pvcSpecPatch: { w: 5 }, other: [6, { z: 7 }] };
    expect(written(doc)).toBe(
      [
        'defaultValue:',
        '- - 1.0',
        '  - 2.0',
        '- []',
        '- {}',
        '- a: 1.0',
        'deploymentSpec:',
        '  x: 4.0',
        'metadata:',
        '  m:',
        '  - 3.0',
        'other:',
        '- 6',
        '- z: 7',
        'pvcSpecPatch:',
        '  w: 5.0',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN each protobuf double field of a task (cpu and memory, request and limit, backoff) THEN each is a double', () => {
    expect(written({ cpuRequest: 1, cpuLimit: 2, memoryRequest: 3, memoryLimit: 4, backoffFactor: 5, maxRetryCount: 6 })).toBe(
      'backoffFactor: 5.0\ncpuLimit: 2.0\ncpuRequest: 1.0\nmaxRetryCount: 6\nmemoryLimit: 4.0\nmemoryRequest: 3.0\n',
    );
  });
});

describe('layout', () => {
  it('GIVEN nested, empty and mixed collections, null and a key set to undefined THEN the layout is PyYAML\'s and the undefined key is left out', () => {
    // yaml.dump({'b': [[1, [], {}], [['x']], {}, [], None, {'z': 1, 'a': [True, False]}], 'e': {}, 'l': []}, sort_keys=True)
    const doc = { b: [[1, [], {}], [['x']], {}, [], null, { z: 1, a: [true, false] }], e: {}, l: [], gone: undefined } as unknown as JsonObject;
    expect(written(doc)).toBe(
      ['b:', '- - 1', '  - []', '  - {}', '- - - x', '- {}', '- []', '- null', '- a:', '  - true', '  - false', '  z: 1', 'e: {}', 'l: []', ''].join('\n'),
    );
  });

  it('GIVEN a list item that is undefined THEN it is written null, as yaml.dump writes None', () => {
    // yaml.dump({'l': [None]}) == 'l:\n- null\n'
    expect(written({ l: [undefined] } as unknown as JsonObject)).toBe('l:\n- null\n');
  });

  it('GIVEN a map whose only key is undefined THEN it is written as an empty map', () => {
    expect(written({ m: { gone: undefined }, s: [{ gone: undefined }] } as unknown as JsonObject)).toBe('m: {}\ns:\n- {}\n');
  });

  it('GIVEN a multi-line string with a blank line inside a list item THEN the block keeps the blank line empty and the rest indented', () => {
    expect(written({ a: { b: ['x\n\ny'] } })).toBe('a:\n  b:\n  - |-\n    x\n\n    y\n');
  });
});

describe('characters escaped inside double quotes', () => {
  it('GIVEN DEL, C1, NEL, U+2028/9, the BOM and U+FFFE/F THEN each is a \\x or \\u escape, lower-case and padded', () => {
    expect(escapeRawCharacters('a\x7fb\x85c\x9fd\u2028e\u2029f\ufeffg\ufffeh\uffffi')).toBe('a\\x7fb\\x85c\\x9fd\\u2028e\\u2029f\\ufeffg\\ufffeh\\uffffi');
    expect(written({ s: 'del\x7f nel\x85 ls\u2028' })).toBe('s: "del\\x7f nel\\x85 ls\\u2028"\n');
  });
});

describe('the file', () => {
  const spec = { pipelineInfo: { name: 'p', description: 'from the spec' }, root: { dag: { tasks: {} } }, schemaVersion: '2.1.0', sdkVersion: 'kfp-2.17.3' } as unknown as PipelineSpec;
  const platform = { platforms: { kubernetes: { deploymentSpec: { executors: { e: { cpu: 1 } } } } } } as unknown as PlatformSpec;

  it('GIVEN a platform document THEN it follows the spec after ---, its Struct numbers doubles; a comment description replaces the spec\'s in the header only', () => {
    expect(emitPipelineYaml(spec, platform, 'for the header')).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: p',
        '# Description: for the header',
        'pipelineInfo:',
        '  description: from the spec',
        '  name: p',
        'root:',
        '  dag:',
        '    tasks: {}',
        'schemaVersion: 2.1.0',
        'sdkVersion: kfp-2.17.3',
        '---',
        'platforms:',
        '  kubernetes:',
        '    deploymentSpec:',
        '      executors:',
        '        e:',
        '          cpu: 1.0',
        '',
      ].join('\n'),
    );
    expect(emitPipelineYaml(spec).endsWith('sdkVersion: kfp-2.17.3\n')).toBe(true);
  });

  it('GIVEN a key longer than the block writer lays out THEN the file is still written, by the yaml package, with the same doubles', () => {
    const long = 'k'.repeat(1100);
    const text = emitPipelineYaml({ ...spec, root: { dag: { tasks: {} }, inputDefinitions: { parameters: { [long]: { parameterType: 'NUMBER_DOUBLE', defaultValue: 1 } } } } } as unknown as PipelineSpec);
    expect(text).toContain(`? ${long}\n`);
    expect(text).toContain('defaultValue: 1.0\n');
  });
});
