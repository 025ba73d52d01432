/**
 * The words of each schema diagnostic (tests/validate/schema-errors.test.ts has the main cases):
 * what the schema wants at a node of each kind, how a found value is described, the "did you mean"
 * threshold, oneof groups of three, null where json_format refuses it, and the order of the
 * diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import { validateIrSchema } from '../../src/validate/index.ts';
import { mapSchemaErrors } from '../../src/validate/schema-errors.ts';
import { pipelineSpec, platformSpec, type Doc } from '../validate/fixtures.ts';

function problems(mutate: (spec: Doc, platform: Doc) => void): Diagnostic[] {
  const spec = pipelineSpec();
  const platform = platformSpec();
  mutate(spec, platform);
  return validateIrSchema([spec, platform]);
}
const lines = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`);
const lr = (s: Doc) => s.components['comp-train'].inputDefinitions.parameters.lr;
const container = (s: Doc) => s.deploymentSpec.executors['exec-train'].container;
const CONTAINER_FIELDS = 'Allowed fields: image, command, args, lifecycle, resources, env.';
const PARAMETER_TYPES = 'PARAMETER_TYPE_ENUM_UNSPECIFIED, NUMBER_DOUBLE, NUMBER_INTEGER, STRING, BOOLEAN, LIST, STRUCT, TASK_FINAL_STATUS, TASK_CONFIG';

describe('schema/type says what each kind of field wants', () => {
  it('GIVEN a list where an enum, a double, an int32, a duration, a Struct or a map belongs WHEN validated THEN each expectation is named', () => {
    expect(
      lines(
        problems((s) => {
          lr(s).parameterType = [];
          s.root.dag.tasks.train.retryPolicy = { backoffFactor: [], maxRetryCount: {}, backoffDuration: 5 };
          s.components['comp-train'].outputDefinitions.artifacts.model.metadata = ['a'];
        }),
      ),
    ).toEqual([
      `schema/type components/comp-train/inputDefinitions/parameters/lr/parameterType: Expected one of ${PARAMETER_TYPES} (enum ml_pipelines.ParameterType.ParameterTypeEnum), got a list.`,
      'schema/type components/comp-train/outputDefinitions/artifacts/model/metadata: Expected a mapping (google.protobuf.Struct), got a list.',
      'schema/type root/dag/tasks/train/retryPolicy/backoffFactor: Expected a number (double), got a list.',
      'schema/type root/dag/tasks/train/retryPolicy/maxRetryCount: Expected an integer (int32), as a number or a string of digits, got a mapping.',
      'schema/type root/dag/tasks/train/retryPolicy/backoffDuration: Expected a duration string such as "3s" or "1.5s", got the number 5.',
    ]);
    expect(lines(problems((s) => (s.components = [])))).toEqual(['schema/type components: Expected a mapping, got a list.']);
  });

  it('GIVEN a timestamp, a mapping and a boolean where a string belongs WHEN validated THEN each found value is described', () => {
    expect(
      lines(
        problems((s) => {
          s.pipelineInfo.name = new Date(0);
          s.sdkVersion = true;
          s.schemaVersion = {};
        }),
      ),
    ).toEqual([
      'schema/type pipelineInfo/name: Expected a string, got a timestamp.',
      'schema/type schemaVersion: Expected a string, got a mapping.',
      'schema/type sdkVersion: Expected a string, got true.',
    ]);
  });

  it('GIVEN a document that is null, missing or a number WHEN validated THEN the found value is described', () => {
    const found = (doc: unknown) => validateIrSchema([doc]).map((d) => d.message);
    expect([...found(null), ...found(undefined), ...found(5)]).toEqual([
      'Document 1 must be a mapping holding the PipelineSpec, got null.',
      'Document 1 must be a mapping holding the PipelineSpec, got nothing.',
      'Document 1 must be a mapping holding the PipelineSpec, got the number 5.',
    ]);
  });

  it('GIVEN strings of 60 and 61 characters WHEN described THEN only the longer one is cut to 57 and "..."', () => {
    expect(
      problems((s) => {
        lr(s).parameterType = 'x'.repeat(60);
        s.components['comp-report'].inputDefinitions.parameters.score.parameterType = 'y'.repeat(61);
      }).map((d) => d.message.split(' is not a value')[0]),
    ).toEqual([`The string "${'x'.repeat(60)}"`, `The string "${'y'.repeat(57)}..."`]);
  });
});

describe('null where json_format refuses it', () => {
  it('GIVEN null for a repeated field of a message WHEN validated THEN the message says json_format rejects it', () => {
    expect(lines(problems((s) => (lr(s).literals = null)))).toEqual([
      'schema/type components/comp-train/inputDefinitions/parameters/lr/literals: null is not allowed for this repeated field (json_format rejects it): expected a list. Remove the entry or give it a value.',
    ]);
  });

  it('GIVEN null as a value of a map inside a message WHEN validated THEN it is called a map value (the parent is the map, not the message above it)', () => {
    expect(lines(problems((s) => (s.root.dag.tasks.train = null)))).toEqual([
      'schema/type root/dag/tasks/train: null is not allowed as a map value: expected a mapping (ml_pipelines.PipelineTaskSpec). Remove the entry or give it a value.',
    ]);
  });

  it('GIVEN null at index 10 of a list WHEN validated THEN the item type of the list is still found (a two-digit index)', () => {
    expect(problems((s) => (container(s).args = [...'abcdefghij', null])).map((d) => d.message)).toEqual([
      'null is not allowed in a list: expected a string. Remove the entry or give it a value.',
    ]);
  });

  it('GIVEN a map key holding "/" and "~" WHEN validated THEN the path holds the key as written (JSON pointer escapes undone)', () => {
    expect(problems((s) => (s.components['a/b~c'] = null)).map((d) => d.path)).toEqual([['components', 'a/b~c']]);
  });
});

describe('malformed durations', () => {
  it('GIVEN a duration without its "s" WHEN validated THEN schema/duration shows the form and what was found', () => {
    expect(lines(problems((s) => (s.root.dag.tasks.train.retryPolicy = { backoffDuration: '3' })))).toEqual([
      'schema/duration root/dag/tasks/train/retryPolicy/backoffDuration: Expected a duration such as "3s" or "1.5s" (seconds followed by "s"), got the string "3".',
    ]);
  });
});

describe('out-of-range numbers', () => {
  it('GIVEN an int32 below its minimum and an enum number above its maximum WHEN validated THEN schema/range gives the kind and the bounds', () => {
    expect(
      lines(
        problems((s) => {
          s.root.dag.tasks.report.retryPolicy = { maxRetryCount: -(2 ** 31) - 1 };
          lr(s).parameterType = 2 ** 31;
        }),
      ),
    ).toEqual([
      'schema/range components/comp-train/inputDefinitions/parameters/lr/parameterType: The number 2147483648 is out of range for an enum number (int32): it must lie between -2147483648 and 2147483647.',
      'schema/range root/dag/tasks/report/retryPolicy/maxRetryCount: The number -2147483649 is out of range for int32: it must lie between -2147483648 and 2147483647.',
    ]);
  });
});

describe('unknown fields: "did you mean" only for a near miss', () => {
  const unknown = (name: string) => problems((s) => (container(s)[name] = 1)).map((d) => d.message);
  const meant = (name: string, guess: string) =>
    `Unknown field "${name}" in ml_pipelines.PipelineDeploymentConfig.PipelineContainerSpec: remove it (did you mean "${guess}"?). ${CONTAINER_FIELDS}`;
  const noGuess = (name: string) => `Unknown field "${name}" in ml_pipelines.PipelineDeploymentConfig.PipelineContainerSpec: remove it. ${CONTAINER_FIELDS}`;

  it('GIVEN a name far from every field WHEN validated THEN no field is suggested', () => {
    expect(unknown('zzzzzz')).toEqual([noGuess('zzzzzz')]);
  });

  it('GIVEN names two edits away (short) or a third of their length away (long) WHEN validated THEN the field is suggested', () => {
    expect(unknown('imgae')).toEqual([meant('imgae', 'image')]);
    expect(unknown('imagexx')).toEqual([meant('imagexx', 'image')]);
    // 12 characters: 3 edits are within a third of the length.
    expect(unknown('resourcesxxx')).toEqual([meant('resourcesxxx', 'resources')]);
  });

  it('GIVEN a name one edit too far WHEN validated THEN nothing is suggested', () => {
    // 8 characters: 3 edits exceed both 2 and a third of the length (2).
    expect(unknown('imagexxx')).toEqual([noGuess('imagexxx')]);
  });

  it('GIVEN a name that differs in its last letter WHEN validated THEN the last letter counts', () => {
    expect(unknown('argz')).toEqual([meant('argz', 'args')]);
    expect(unknown('lifecyclx')).toEqual([meant('lifecyclx', 'lifecycle')]);
  });

  it('GIVEN a field written with underscores between every letter WHEN validated THEN it is matched ignoring underscores and case', () => {
    expect(problems((s) => (s.components['comp-train'].E_X_E_C_U_T_O_R_L_A_B_E_L = 'x')).map((d) => d.message)).toEqual([
      'Unknown field "E_X_E_C_U_T_O_R_L_A_B_E_L" in ml_pipelines.ComponentSpec: remove it (did you mean "executorLabel"?). ' +
        'Allowed fields: inputDefinitions, outputDefinitions, dag, executorLabel, singlePlatformSpecs, taskConfigPassthroughs.',
    ]);
  });

  it('GIVEN a name equally near two fields WHEN validated THEN the first field in proto order is suggested', () => {
    // "age" is two edits from both image and args.
    expect(unknown('age')).toEqual([meant('age', 'image')]);
  });
});

describe('oneof groups', () => {
  it('GIVEN three members of a oneof WHEN validated THEN all three are named, joined with commas and "and"', () => {
    expect(
      problems((s) => {
        const executor = s.deploymentSpec.executors['exec-train'];
        executor.importer = { reimport: false };
        executor.resolver = {};
      }).map((d) => d.message),
    ).toEqual([
      '"container", "importer" and "resolver" are all set, but ml_pipelines.PipelineDeploymentConfig.ExecutorSpec takes at most one member of ' +
        'oneof "spec" (container | importer | resolver | customJob), under one spelling: keep only one.',
    ]);
  });

  it('GIVEN two members set, one member null and a field outside the oneof WHEN validated THEN only the two set members are named', () => {
    expect(
      problems((s) => {
        s.root.dag.tasks.train.inputs.parameters.lr = {
          componentInputParameter: 'lr',
          runtimeValue: { constant: 1 },
          parameterExpressionSelector: 'x',
          taskOutputParameter: null,
        };
      }).map((d) => d.message),
    ).toEqual([
      '"componentInputParameter" and "runtimeValue" are both set, but ml_pipelines.TaskInputsSpec.InputParameterSpec takes at most one member of ' +
        'oneof "kind" (taskOutputParameter | runtimeValue | componentInputParameter | taskFinalStatus), under one spelling: keep only one.',
    ]);
  });
});

describe('order and the document root', () => {
  it('GIVEN a problem of a message and one of its field WHEN validated THEN the message (the shorter path) comes first', () => {
    expect(
      problems((s) => {
        const executor = s.deploymentSpec.executors['exec-train'];
        executor.importer = { reimport: false };
        executor.container.extra = 1;
      }).map((d) => `${d.code} ${formatPath(d.path)}`),
    ).toEqual(['schema/oneof deploymentSpec/executors/exec-train', 'schema/unknown-field deploymentSpec/executors/exec-train/container/extra']);
  });

  it('GIVEN an ajv error at the document itself WHEN mapped THEN the path reads (document)', () => {
    expect(
      mapSchemaErrors('pipeline-spec', pipelineSpec(), [{ keyword: 'anyOf', instancePath: '', schemaPath: '#/anyOf', params: {}, message: '' }]),
    ).toEqual([
      {
        code: 'schema/invalid',
        path: ['(document)'],
        message: 'Invalid value (anyOf {} at #/anyOf): expected a mapping (ml_pipelines.PipelineSpec).',
      },
    ]);
  });

  it('GIVEN an ajv error at a path the schema does not describe WHEN mapped THEN nothing is claimed about what was expected', () => {
    expect(
      mapSchemaErrors('pipeline-spec', pipelineSpec(), [{ keyword: 'anyOf', instancePath: '/nowhere/x', schemaPath: '#/anyOf', params: {}, message: '' }]).map(
        (d) => d.message,
      ),
    ).toEqual(['Invalid value (anyOf {} at #/anyOf): expected .']);
  });

  it('GIVEN the same ajv error twice WHEN mapped THEN it is reported once', () => {
    const error = { keyword: 'anyOf', instancePath: '/pipelineInfo/name', schemaPath: '#/anyOf', params: {}, message: '' };
    expect(mapSchemaErrors('pipeline-spec', pipelineSpec(), [error, error])).toHaveLength(1);
  });
});
