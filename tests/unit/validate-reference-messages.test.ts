/**
 * The words of each reference diagnostic (src/validate/references.ts): what is named, where, what
 * exists instead ('known: ...' or 'there are none') and how to fix it. tests/validate/rules.test.ts
 * has each rule's code and path; these pin the messages and the rules' other branches.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/diagnostics.ts';
import { validateIrDocuments } from '../../src/validate/index.ts';
import { pipelineSpec, platformSpec, type Doc } from '../validate/fixtures.ts';

const tasks = (s: Doc) => s.root.dag.tasks;
/** The errors (not the backend warnings) of the fixture after `edit`, as 'code path: message'. */
function errors(edit: (s: Doc) => void): string[] {
  const s = pipelineSpec();
  edit(s);
  return validateIrDocuments([s, platformSpec()])
    .filter((d) => d.severity !== 'warning')
    .map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`);
}

describe('reference diagnostics name the target, what exists and the fix', () => {
  it('GIVEN an executorLabel with no executor WHEN validated THEN ref/executor says what is missing and what exists', () => {
    expect(errors((s) => { s.components['comp-train'].executorLabel = 'exec-nope'; })).toEqual([
      'ref/executor components/comp-train/executorLabel: executorLabel "exec-nope" names no executor in deploymentSpec.executors (known: "exec-train", "exec-report"); add the executor or fix the label.',
    ]);
  });

  it('GIVEN executor labels and no executors at all WHEN validated THEN platform/executor, ref/executor says what is missing and what exists', () => {
    expect(errors((s) => { s.deploymentSpec.executors = {}; })).toEqual([
      'ref/executor components/comp-train/executorLabel: executorLabel "exec-train" names no executor in deploymentSpec.executors (there are none); add the executor or fix the label.',
      'ref/executor components/comp-report/executorLabel: executorLabel "exec-report" names no executor in deploymentSpec.executors (there are none); add the executor or fix the label.',
      'platform/executor platforms/kubernetes/deploymentSpec/executors/exec-report: The Kubernetes config is for executor "exec-report", which deploymentSpec.executors does not have (none); use the executorLabel of the component it configures.',
    ]);
  });

  it('GIVEN a componentRef naming no component WHEN validated THEN ref/component says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).train.componentRef.name = 'comp-nope'; })).toEqual([
      'ref/component root/dag/tasks/train/componentRef/name: componentRef "comp-nope" names no component (known: "comp-train", "comp-report", "comp-for-loop-1"); add the component or fix the name.',
    ]);
  });

  it('GIVEN a task without componentRef WHEN validated THEN ref/component says what is missing and what exists', () => {
    expect(errors((s) => { delete tasks(s).train.componentRef; })).toEqual([
      'ref/component root/dag/tasks/train/componentRef/name: Task "train" has no componentRef.name: name the component it runs.',
    ]);
  });

  it('GIVEN a dependent task of another DAG WHEN validated THEN ref/dependent-task says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.dependentTasks = ['train', 'nope']; })).toEqual([
      'ref/dependent-task root/dag/tasks/report/dependentTasks/1: dependentTasks names "nope", which is not a task of the same DAG (known: "train", "report", "for-loop-1").',
    ]);
  });

  it('GIVEN a taskFinalStatus producer that is no sibling WHEN validated THEN ref/producer-task says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.inputs.parameters.status.taskFinalStatus.producerTask = 'nope'; })).toEqual([
      'ref/producer-task root/dag/tasks/report/inputs/parameters/status/taskFinalStatus/producerTask: producerTask "nope" is not a task of the same DAG (known: "train", "report", "for-loop-1").',
    ]);
  });

  it('GIVEN a componentInputParameter the component does not declare WHEN validated THEN ref/component-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).train.inputs.parameters.lr.componentInputParameter = 'nope'; })).toEqual([
      'ref/component-input root/dag/tasks/train/inputs/parameters/lr/componentInputParameter: componentInputParameter "nope" is not an input parameter of the enclosing component root (known: "lr"); declare it in its inputDefinitions or fix the name.',
    ]);
  });

  it('GIVEN a componentInputArtifact the component does not declare WHEN validated THEN ref/component-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).train.inputs.artifacts.data.componentInputArtifact = 'nope'; })).toEqual([
      'ref/component-input root/dag/tasks/train/inputs/artifacts/data/componentInputArtifact: componentInputArtifact "nope" is not an input artifact of the enclosing component root (known: "data"); declare it in its inputDefinitions or fix the name.',
    ]);
  });

  it('GIVEN a componentInputArtifact in a component without input artifacts WHEN validated THEN ref/component-input says what is missing and what exists', () => {
    expect(errors((s) => { s.components['comp-for-loop-1'].dag.tasks['train-2'].inputs.artifacts.data.componentInputArtifact = 'nope'; delete s.components['comp-for-loop-1'].inputDefinitions.artifacts; delete s.root.dag.tasks['for-loop-1'].inputs.artifacts; })).toEqual([
      'ref/component-input components/comp-for-loop-1/dag/tasks/train-2/inputs/artifacts/data/componentInputArtifact: componentInputArtifact "nope" is not an input artifact of the enclosing component comp-for-loop-1 (there are none); declare it in its inputDefinitions or fix the name.',
    ]);
  });

  it('GIVEN a taskOutputParameter producer that is no sibling WHEN validated THEN ref/producer-task says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.inputs.parameters.score.taskOutputParameter.producerTask = 'nope'; })).toEqual([
      'ref/producer-task root/dag/tasks/report/inputs/parameters/score/taskOutputParameter/producerTask: producerTask "nope" is not a task of the same DAG as "report" (known: "train", "report", "for-loop-1").',
    ]);
  });

  it('GIVEN an output parameter key the producer does not declare WHEN validated THEN ref/output-key says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.inputs.parameters.score.taskOutputParameter.outputParameterKey = 'nope'; })).toEqual([
      'ref/output-key root/dag/tasks/report/inputs/parameters/score/taskOutputParameter/outputParameterKey: Task "train" runs comp-train, which declares no output parameter "nope" (known: "score").',
    ]);
  });

  it('GIVEN an output artifact key the producer does not declare WHEN validated THEN ref/output-key says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.inputs.artifacts.model.taskOutputArtifact.outputArtifactKey = 'nope'; })).toEqual([
      'ref/output-key root/dag/tasks/report/inputs/artifacts/model/taskOutputArtifact/outputArtifactKey: Task "train" runs comp-train, which declares no output artifact "nope" (known: "model").',
    ]);
  });

  it('GIVEN a condition reading a parameter the task lacks WHEN validated THEN ref/condition-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.triggerPolicy.condition = 'inputs.parameter_values[\'nope\'] > 1'; })).toEqual([
      'ref/condition-input root/dag/tasks/report/triggerPolicy/condition: The condition reads inputs.parameter_values[\'nope\'], but task "report" has no such input parameter (known: "score", "status"); pass it to the task in inputs.',
    ]);
  });

  it('GIVEN a condition reading an artifact the task lacks, spaced out WHEN validated THEN ref/condition-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.triggerPolicy.condition = 'inputs . artifacts [ \'nope\' ].uri != \'\''; })).toEqual([
      'ref/condition-input root/dag/tasks/report/triggerPolicy/condition: The condition reads inputs.artifacts[\'nope\'], but task "report" has no such input artifact (known: "model"); pass it to the task in inputs.',
    ]);
  });

  it('GIVEN a condition with double quotes and spaces inside the brackets WHEN validated THEN ref/condition-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s).report.triggerPolicy.condition = 'inputs .parameter_values["nope"] == 1 && inputs.  parameter_values  [  \'x\'  ] == 2'; })).toEqual([
      'ref/condition-input root/dag/tasks/report/triggerPolicy/condition: The condition reads inputs.parameter_values[\'nope\'], but task "report" has no such input parameter (known: "score", "status"); pass it to the task in inputs.',
      'ref/condition-input root/dag/tasks/report/triggerPolicy/condition: The condition reads inputs.parameter_values[\'x\'], but task "report" has no such input parameter (known: "score", "status"); pass it to the task in inputs.',
    ]);
  });

  it('GIVEN a condition reading its own input, and a bracket with mismatched quotes WHEN validated THEN nothing is refused', () => {
    expect(errors((s) => { tasks(s).report.triggerPolicy.condition = 'inputs.parameter_values[\'score\'] > 0 && inputs.parameter_values[\'a"] == 1'; })).toEqual([]);
  });

  it('GIVEN a parameterIterator over a parameter the task lacks WHEN validated THEN ref/iterator-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s)['for-loop-1'].parameterIterator.items.inputParameter = 'nope'; })).toEqual([
      'ref/iterator-input root/dag/tasks/for-loop-1/parameterIterator/items/inputParameter: parameterIterator iterates over "nope", which is not an input parameter of task "for-loop-1" (known: "pipelinechannel--lrs").',
    ]);
  });

  it('GIVEN an artifactIterator over an artifact the task lacks WHEN validated THEN ref/iterator-input says what is missing and what exists', () => {
    expect(errors((s) => { tasks(s)['for-loop-1'].artifactIterator = { items: { inputArtifact: 'nope' }, itemInput: 'x' }; delete tasks(s)['for-loop-1'].parameterIterator; })).toEqual([
      'ref/iterator-input root/dag/tasks/for-loop-1/artifactIterator/items/inputArtifact: artifactIterator iterates over "nope", which is not an input artifact of task "for-loop-1" (known: "data").',
    ]);
  });

  it('GIVEN a DAG output from no subtask WHEN validated THEN ref/dag-output-producer says what is missing and what exists', () => {
    expect(errors((s) => { s.root.dag.outputs.parameters.score.valueFromParameter.producerSubtask = 'nope'; })).toEqual([
      'ref/dag-output-producer root/dag/outputs/parameters/score/valueFromParameter/producerSubtask: producerSubtask "nope" is not a task of this DAG (known: "train", "report", "for-loop-1").',
    ]);
  });

  it('GIVEN a DAG output artifact key the subtask does not declare WHEN validated THEN ref/dag-output-key says what is missing and what exists', () => {
    expect(errors((s) => { s.root.dag.outputs.artifacts.model.artifactSelectors[0].outputArtifactKey = 'nope'; })).toEqual([
      'ref/dag-output-key root/dag/outputs/artifacts/model/artifactSelectors/0/outputArtifactKey: Subtask "train" runs comp-train, which declares no output artifact "nope" (known: "model").',
    ]);
  });

  it('GIVEN a DAG output parameter key the subtask does not declare WHEN validated THEN ref/dag-output-key says what is missing and what exists', () => {
    expect(errors((s) => { s.root.dag.outputs.parameters.score.valueFromParameter.outputParameterKey = 'nope'; })).toEqual([
      'ref/dag-output-key root/dag/outputs/parameters/score/valueFromParameter/outputParameterKey: Subtask "train" runs comp-train, which declares no output parameter "nope" (known: "score").',
    ]);
  });

  it('GIVEN a DAG output oneof whose second selector names no subtask WHEN validated THEN ref/dag-output-producer says what is missing and what exists', () => {
    expect(errors((s) => { s.root.dag.outputs.parameters.score = { valueFromOneof: { parameterSelectors: [{ producerSubtask: 'train', outputParameterKey: 'score' }, { producerSubtask: 'nope', outputParameterKey: 'score' }] } }; })).toEqual([
      'ref/dag-output-producer root/dag/outputs/parameters/score/valueFromOneof/parameterSelectors/1/producerSubtask: producerSubtask "nope" is not a task of this DAG (known: "train", "report", "for-loop-1").',
    ]);
  });
});

describe('platform references name the target, the task that runs the executor and the fix', () => {
  const executors = (p: Doc) => p.platforms.kubernetes.deploymentSpec.executors;
  const platformErrors = (edit: (p: Doc) => void): string[] => {
    const p = platformSpec();
    edit(p);
    return validateIrDocuments([pipelineSpec(), p])
      .filter((d) => d.severity !== 'warning')
      .map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`);
  };
  const AT = 'platforms/kubernetes/deploymentSpec/executors';

  it('GIVEN a Kubernetes config for an executor that does not exist WHEN validated THEN platform/executor lists the executors', () => {
    expect(platformErrors((p) => (executors(p)['exec-nope'] = {}))).toEqual([
      `platform/executor ${AT}/exec-nope: The Kubernetes config is for executor "exec-nope", which deploymentSpec.executors does not have ("exec-train", "exec-report"); use the executorLabel of the component it configures.`,
    ]);
  });

  it('GIVEN a componentInputParameter the DAG does not have WHEN validated THEN platform/component-input names the component and task', () => {
    expect(platformErrors((p) => (executors(p)['exec-report'].secretAsEnv[0].secretNameParameter.componentInputParameter = 'nope'))).toEqual([
      `platform/component-input ${AT}/exec-report/secretAsEnv/0/secretNameParameter/componentInputParameter: componentInputParameter "nope" is not an input parameter of root, the component whose DAG runs task "report" with this executor; pass it into that component or fix the name.`,
    ]);
  });

  it('GIVEN a producerTask that is no task of the DAG WHEN validated THEN platform/producer-task lists the tasks', () => {
    expect(platformErrors((p) => (executors(p)['exec-report'].pvcMount[0].taskOutputParameter.producerTask = 'nope'))).toEqual([
      `platform/producer-task ${AT}/exec-report/pvcMount/0/taskOutputParameter/producerTask: producerTask "nope" is not a task of the DAG that runs task "report" with this executor (tasks: "train", "report", "for-loop-1").`,
    ]);
  });

  it('GIVEN an output key the producer does not declare WHEN validated THEN platform/output-key names the component', () => {
    expect(platformErrors((p) => (executors(p)['exec-report'].pvcMount[0].pvcNameParameter.taskOutputParameter.outputParameterKey = 'nope'))).toEqual([
      `platform/output-key ${AT}/exec-report/pvcMount/0/pvcNameParameter/taskOutputParameter/outputParameterKey: Task "train" runs comp-train, which declares no output parameter "nope".`,
    ]);
  });
});
