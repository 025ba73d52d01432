import { describe, expect, it } from 'vitest';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import { validateIrDocuments } from '../../src/validate/index.ts';
import { runPythonJson } from './helpers.ts';
import { pipelineSpec, platformSpec, type Doc } from './fixtures.ts';

const codeAndPath = (ds: readonly Diagnostic[]) => ds.map((d) => ({ code: d.code, path: formatPath(d.path) }));

/** Validate the fixture after `mutate`; return code + path of each diagnostic. */
function afterBreaking(mutate: (spec: Doc, platform: Doc) => void): Array<{ code: string; path: string }> {
  const spec = pipelineSpec();
  const platform = platformSpec();
  mutate(spec, platform);
  return codeAndPath(validateIrDocuments([spec, platform]));
}

const rootTasks = (spec: Doc) => spec.root.dag.tasks;
const k8sExecutor = (platform: Doc, name = 'exec-report') => platform.platforms.kubernetes.deploymentSpec.executors[name];

describe('the hand-made fixture', () => {
  it('GIVEN the fixture WHEN validated by us and by json_format THEN both accept it', () => {
    expect(validateIrDocuments([pipelineSpec(), platformSpec()])).toEqual([]);
    expect(validateIrDocuments([pipelineSpec()])).toEqual([]);
    const [verdict] = runPythonJson<Array<{ ok: boolean; error: string | null }>>('json_format_verdicts.py', [
      { id: 0, docs: [pipelineSpec(), platformSpec()] },
    ]);
    expect(verdict).toEqual({ id: 0, ok: true, error: null });
  });
});

describe('backend upload rules', () => {
  it('GIVEN schemaVersion 2.0.0 WHEN validated THEN backend/schema-version', () => {
    expect(afterBreaking((s) => (s.schemaVersion = '2.0.0'))).toEqual([{ code: 'backend/schema-version', path: 'schemaVersion' }]);
  });

  it('GIVEN no pipelineInfo.name WHEN validated THEN backend/pipeline-name-missing', () => {
    expect(afterBreaking((s) => delete s.pipelineInfo.name)).toEqual([{ code: 'backend/pipeline-name-missing', path: 'pipelineInfo/name' }]);
  });

  it('GIVEN names the backend pattern refuses WHEN validated THEN backend/pipeline-name for each', () => {
    for (const name of ['Train_Pipeline', '-leading-dash', 'a'.repeat(129), 'dots.are.not.allowed']) {
      expect(afterBreaking((s) => (s.pipelineInfo.name = name))).toEqual([{ code: 'backend/pipeline-name', path: 'pipelineInfo/name' }]);
    }
    expect(afterBreaking((s) => (s.pipelineInfo.name = 'a'.repeat(128)))).toEqual([]);
    expect(afterBreaking((s) => (s.pipelineInfo.name = '0-trailing-dash-'))).toEqual([]);
  });

  it('GIVEN no root WHEN validated THEN backend/root-missing', () => {
    expect(afterBreaking((s) => delete s.root)).toEqual([{ code: 'backend/root-missing', path: 'root' }]);
  });
});

describe('referential integrity of the PipelineSpec', () => {
  it('GIVEN a componentRef to a missing component WHEN validated THEN ref/component', () => {
    expect(afterBreaking((s) => (rootTasks(s).train.componentRef.name = 'comp-trian'))).toEqual([
      { code: 'ref/component', path: 'root/dag/tasks/train/componentRef/name' },
    ]);
  });

  it('GIVEN an executorLabel with no executor WHEN validated THEN ref/executor', () => {
    expect(afterBreaking((s) => (s.components['comp-train'].executorLabel = 'exec-nope'))).toEqual([
      { code: 'ref/executor', path: 'components/comp-train/executorLabel' },
    ]);
  });

  it('GIVEN a dependentTasks entry that is not a sibling WHEN validated THEN ref/dependent-task', () => {
    // train-2 exists, but in the loop's DAG, not in root's.
    expect(afterBreaking((s) => rootTasks(s).report.dependentTasks.push('train-2'))).toEqual([
      { code: 'ref/dependent-task', path: 'root/dag/tasks/report/dependentTasks/1' },
    ]);
  });

  it('GIVEN a taskOutputParameter/taskOutputArtifact/taskFinalStatus producer that is not a sibling WHEN validated THEN ref/producer-task for each', () => {
    expect(
      afterBreaking((s) => {
        const inputs = rootTasks(s).report.inputs;
        inputs.parameters.score.taskOutputParameter.producerTask = 'train-2';
        inputs.artifacts.model.taskOutputArtifact.producerTask = 'nope';
        inputs.parameters.status.taskFinalStatus.producerTask = 'gone';
      }),
    ).toEqual([
      { code: 'ref/producer-task', path: 'root/dag/tasks/report/inputs/parameters/score/taskOutputParameter/producerTask' },
      { code: 'ref/producer-task', path: 'root/dag/tasks/report/inputs/parameters/status/taskFinalStatus/producerTask' },
      { code: 'ref/producer-task', path: 'root/dag/tasks/report/inputs/artifacts/model/taskOutputArtifact/producerTask' },
    ]);
  });

  it("GIVEN an output key the producer's component does not declare WHEN validated THEN ref/output-key", () => {
    expect(
      afterBreaking((s) => {
        const inputs = rootTasks(s).report.inputs;
        inputs.parameters.score.taskOutputParameter.outputParameterKey = 'accuracy';
        inputs.artifacts.model.taskOutputArtifact.outputArtifactKey = 'Output';
      }),
    ).toEqual([
      { code: 'ref/output-key', path: 'root/dag/tasks/report/inputs/parameters/score/taskOutputParameter/outputParameterKey' },
      { code: 'ref/output-key', path: 'root/dag/tasks/report/inputs/artifacts/model/taskOutputArtifact/outputArtifactKey' },
    ]);
  });

  it('GIVEN componentInputParameter/Artifact naming no input of the enclosing component WHEN validated THEN ref/component-input', () => {
    expect(
      afterBreaking((s) => {
        // `lr` is an input of root, not of the loop component that holds train-2.
        s.components['comp-for-loop-1'].dag.tasks['train-2'].inputs.parameters.lr.componentInputParameter = 'lr';
        rootTasks(s).train.inputs.artifacts.data.componentInputArtifact = 'dataset';
      }),
    ).toEqual([
      { code: 'ref/component-input', path: 'root/dag/tasks/train/inputs/artifacts/data/componentInputArtifact' },
      { code: 'ref/component-input', path: 'components/comp-for-loop-1/dag/tasks/train-2/inputs/parameters/lr/componentInputParameter' },
    ]);
  });

  it("GIVEN a condition reading another task's input WHEN validated THEN ref/condition-input", () => {
    expect(
      afterBreaking((s) => {
        rootTasks(s).report.triggerPolicy.condition = "inputs.parameter_values['lr'] > 0 && inputs.artifacts['data'] != null";
      }),
    ).toEqual([
      { code: 'ref/condition-input', path: 'root/dag/tasks/report/triggerPolicy/condition' },
      { code: 'ref/condition-input', path: 'root/dag/tasks/report/triggerPolicy/condition' },
    ]);
  });

  it("GIVEN an iterator over an input the task lacks WHEN validated THEN ref/iterator-input", () => {
    expect(afterBreaking((s) => (rootTasks(s)['for-loop-1'].parameterIterator.items.inputParameter = 'pipelinechannel--lr'))).toEqual([
      { code: 'ref/iterator-input', path: 'root/dag/tasks/for-loop-1/parameterIterator/items/inputParameter' },
    ]);
  });

  it('GIVEN a DAG output selecting from no subtask WHEN validated THEN ref/dag-output-producer', () => {
    expect(afterBreaking((s) => (s.root.dag.outputs.artifacts.model.artifactSelectors[0].producerSubtask = 'report-2'))).toEqual([
      { code: 'ref/dag-output-producer', path: 'root/dag/outputs/artifacts/model/artifactSelectors/0/producerSubtask' },
    ]);
  });

  it("GIVEN a DAG output selecting an undeclared output WHEN validated THEN ref/dag-output-key", () => {
    expect(afterBreaking((s) => (s.root.dag.outputs.parameters.score.valueFromParameter.outputParameterKey = 'loss'))).toEqual([
      { code: 'ref/dag-output-key', path: 'root/dag/outputs/parameters/score/valueFromParameter/outputParameterKey' },
    ]);
  });

  it('GIVEN references written with proto field names WHEN validated THEN they are resolved like camelCase ones', () => {
    expect(
      afterBreaking((s) => {
        const report = rootTasks(s).report;
        report.component_ref = report.componentRef;
        delete report.componentRef;
        report.component_ref.name = 'comp-missing';
      }),
    ).toEqual([{ code: 'ref/component', path: 'root/dag/tasks/report/componentRef/name' }]);
  });
});

describe('the rules read the typed view of the document (src/ir readIr)', () => {
  it('GIVEN spellings json_format accepts (enum numbers, integer strings, nulls, proto names) WHEN validated THEN nothing is reported', () => {
    expect(
      afterBreaking((s) => {
        s.root.inputDefinitions.parameters.lr.parameterType = 1;
        s.root.inputDefinitions.parameters.lr.description = null;
        rootTasks(s).report.dependent_tasks = rootTasks(s).report.dependentTasks;
        delete rootTasks(s).report.dependentTasks;
      }),
    ).toEqual([]);
  });

  it('GIVEN parts of the wrong type WHEN validated THEN the schema reports them and the rules skip them (a list with a bad item as a whole)', () => {
    expect(
      afterBreaking((s) => {
        rootTasks(s).report.dependentTasks = ['nope', 3];
        s.components['comp-train'].inputDefinitions = 'none';
      }),
    ).toEqual([
      { code: 'schema/type', path: 'components/comp-train/inputDefinitions' },
      { code: 'schema/type', path: 'root/dag/tasks/report/dependentTasks/1' },
    ]);
  });
});

describe('references from the platform spec', () => {
  it('GIVEN a Kubernetes config for an executor deploymentSpec lacks WHEN validated THEN platform/executor', () => {
    expect(
      afterBreaking((_, p) => {
        p.platforms.kubernetes.deploymentSpec.executors['exec-reprot'] = { activeDeadlineSeconds: '20' };
      }),
    ).toEqual([{ code: 'platform/executor', path: 'platforms/kubernetes/deploymentSpec/executors/exec-reprot' }]);
  });

  it('GIVEN a PVC name from a task outside the DAG of the executor task WHEN validated THEN platform/producer-task', () => {
    expect(afterBreaking((_, p) => (k8sExecutor(p).pvcMount[0].taskOutputParameter.producerTask = 'train-2'))).toEqual([
      { code: 'platform/producer-task', path: 'platforms/kubernetes/deploymentSpec/executors/exec-report/pvcMount/0/taskOutputParameter/producerTask' },
    ]);
  });

  it("GIVEN a PVC name from an undeclared output WHEN validated THEN platform/output-key", () => {
    expect(afterBreaking((_, p) => (k8sExecutor(p).pvcMount[0].pvcNameParameter.taskOutputParameter.outputParameterKey = 'pvc'))).toEqual([
      {
        code: 'platform/output-key',
        path: 'platforms/kubernetes/deploymentSpec/executors/exec-report/pvcMount/0/pvcNameParameter/taskOutputParameter/outputParameterKey',
      },
    ]);
  });

  it('GIVEN a secret name from an input the enclosing component lacks WHEN validated THEN platform/component-input', () => {
    expect(afterBreaking((_, p) => (k8sExecutor(p).secretAsEnv[0].secretNameParameter.componentInputParameter = 'secret'))).toEqual([
      { code: 'platform/component-input', path: 'platforms/kubernetes/deploymentSpec/executors/exec-report/secretAsEnv/0/secretNameParameter/componentInputParameter' },
    ]);
  });
});

describe('validateIrDocuments', () => {
  it('GIVEN no document or three WHEN validated THEN ir/document-count', () => {
    expect(codeAndPath(validateIrDocuments([]))).toEqual([{ code: 'ir/document-count', path: '(file)' }]);
    expect(codeAndPath(validateIrDocuments([pipelineSpec(), platformSpec(), {}]))).toEqual([{ code: 'ir/document-count', path: '(file)' }]);
  });

  it('GIVEN several broken things WHEN validated THEN every one is reported, not just the first', () => {
    const codes = afterBreaking((s, p) => {
      s.schemaVersion = '2.0.0';
      s.deploymentSpec.executors['exec-train'].container.imag = 'x';
      rootTasks(s).train.componentRef.name = 'nope';
      k8sExecutor(p).secretAsEnv[0].secretNameParameter.componentInputParameter = 'secret';
    }).map((d) => d.code);
    expect(codes.sort()).toEqual(['backend/schema-version', 'platform/component-input', 'ref/component', 'schema/unknown-field']);
  });
});
