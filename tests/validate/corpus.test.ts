import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { validateIrText } from '../../src/validate/index.ts';
import { corpusFiles, relativeToCorpus } from './helpers.ts';

describe('the kfp 2.17 IR corpus', () => {
  it('GIVEN every valid and snapshot document WHEN validated THEN all pass, and the 3 invalid ones are rejected with a clear message', () => {
    const { valid, invalid } = corpusFiles();
    const failures: string[] = [];
    const warned: Record<string, string[]> = {};
    for (const file of valid) {
      const ds = validateIrText(readFileSync(file, 'utf8'), relativeToCorpus(file));
      const errors = ds.filter((d) => d.severity !== 'warning');
      if (errors.length > 0) failures.push(errors.map(formatDiagnostic).join('\n'));
      if (ds.length > errors.length) warned[relativeToCorpus(file)] = ds.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${formatPath(d.path)}`);
    }
    const rejected = new Map<string, string[]>();
    for (const file of invalid) {
      const ds = validateIrText(readFileSync(file, 'utf8'), relativeToCorpus(file));
      if (ds.length > 0) rejected.set(relativeToCorpus(file).split('/').at(-1)!, ds.map((d) => d.code));
    }
    console.log(`corpus: ${valid.length - failures.length}/${valid.length} valid, ${rejected.size}/${invalid.length} invalid rejected`);
    expect(failures).toEqual([]);
    // The one document the backend's Argo compiler refuses (tests/backend-check/ir-check.test.ts) is the one warned about.
    expect(warned).toEqual({
      'test_data/sdk_compiled_pipelines/valid/pipeline_with_parallelfor_list_artifacts_GH-12033.yaml': [
        'backend/argo-artifact-iterator root/dag/tasks/for-loop-1',
        'backend/argo-artifact-iterator root/dag/tasks/for-loop-2',
      ],
    });
    expect(valid.length).toBeGreaterThanOrEqual(126);
    // Each invalid document fails for its own reason, not for an incidental one.
    expect(Object.fromEntries(rejected)).toEqual({
      'empty_file.yaml': ['yaml/empty'],
      'invalid_yaml.yaml': ['schema/unknown-field', 'ref/component'],
      'no_name.yaml': ['backend/pipeline-name-missing'],
    });
  });

  it('GIVEN the invalid documents WHEN validated THEN the messages name the problem and the fix', () => {
    const { invalid } = corpusFiles();
    const messages = invalid.flatMap((file) => validateIrText(readFileSync(file, 'utf8')).map((d) => `${formatPath(d.path)}: ${d.message}`));
    expect(messages).toEqual([
      '(file): The file holds no YAML document (it is empty or only comments); expected a compiled PipelineSpec.',
      expect.stringMatching(/^components_1: Unknown field "components_1" in ml_pipelines\.PipelineSpec: remove it \(did you mean "components"\?\)/),
      expect.stringMatching(/^root\/dag\/tasks\/echo\/componentRef\/name: componentRef "comp-echo" names no component/),
      'pipelineInfo/name: pipelineInfo.name is missing or empty: give the pipeline a name such as "my-pipeline".',
    ]);
  });
});
