/**
 * What the KFP backend's Argo compiler refuses at run creation (src/validate/backend-refusals.ts),
 * in process: each refusal's code, path, the backend's error text and the fix, both sides of each
 * condition, and the order the backend meets them in. The error texts are the backend's own
 * (kubeflow/pipelines backend/src/v2/compiler: visitor.go's dfs, argocompiler/dag.go's DAG and task,
 * argo.go's GetWorkspacePVC and convertStructToPVCSpec, Go encoding/json's UnmarshalTypeError, as
 * in ../shared/kfp-backend); tests/backend-check/refusal-warnings.test.ts checks the same shapes
 * against that compiler itself.
 */
import { describe, expect, it } from 'vitest';
import { readPipelineSpec, readPlatformSpec } from '../../src/ir/index.ts';
import { checkBackendRefusals, findBackendRefusals } from '../../src/validate/backend-refusals.ts';

type Json = Record<string, unknown>;
type Kind = 'container' | 'importer' | 'resolver' | 'none';

const EXECUTORS: Record<Kind, Json> = {
  container: { container: { image: 'alpine' } },
  importer: { importer: { artifactUri: { constant: 'gs://b/x' }, typeSchema: { schemaTitle: 'system.Artifact' } } },
  resolver: { resolver: { outputArtifactQueries: {} } },
  none: {},
};

const task = (component: string, extra: Json = {}): Json => ({ taskInfo: { name: component }, componentRef: { name: component }, ...extra });
const exitTask = (component: string, extra: Json = {}): Json => task(component, { triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' }, ...extra });

/** A PipelineSpec from executor-backed components (`kind`), DAG components (`tasks`) and root's tasks. */
function spec(components: Record<string, Kind | { tasks: Record<string, Json> } | Json>, rootTasks: Record<string, Json>) {
  const executors: Record<string, Json> = {};
  const comps: Record<string, Json> = {};
  for (const [name, c] of Object.entries(components)) {
    if (typeof c === 'string') {
      executors[`exec-${name}`] = EXECUTORS[c];
      comps[name] = { executorLabel: `exec-${name}` };
    } else if ('tasks' in c) comps[name] = { dag: { tasks: c['tasks'] } };
    else comps[name] = c;
  }
  return readPipelineSpec({ pipelineInfo: { name: 'p' }, schemaVersion: '2.1.0', deploymentSpec: { executors }, components: comps, root: { dag: { tasks: rootTasks } } });
}

const found = (s: ReturnType<typeof spec>, platform?: Json) => findBackendRefusals(s, platform === undefined ? undefined : readPlatformSpec(platform));
const codesAndPaths = (s: ReturnType<typeof spec>, platform?: Json) => found(s, platform).map((r) => `${r.code} ${r.path}`);

describe('executors the Argo compiler cannot run', () => {
  it('GIVEN a resolver executor and an executor of no kind WHEN checked THEN each is refused with the backend error, in the sorted order of the tasks that reach them', () => {
    // Root lists "zeta" before "alpha"; the backend visits the task names sorted (Go sort.Strings).
    expect(found(spec({ 'comp-z': 'resolver', 'comp-a': 'none' }, { zeta: task('comp-z'), alpha: task('comp-a') }))).toEqual([
      {
        code: 'backend/argo-executor-kind',
        path: 'deploymentSpec/executors/exec-comp-a',
        backendError: 'error processing component name="comp-a": executor(label="exec-comp-a"): non-container and non-importer executor not implemented',
        fix: 'Only container and importer executors run on the KFP backend.',
      },
      {
        code: 'backend/argo-executor-kind',
        path: 'deploymentSpec/executors/exec-comp-z',
        backendError: 'error processing component name="comp-z": executor(label="exec-comp-z"): non-container and non-importer executor not implemented',
        fix: 'Only container and importer executors run on the KFP backend.',
      },
    ]);
  });

  it('GIVEN container and importer executors, and a label with no executor WHEN checked THEN nothing is refused here', () => {
    expect(found(spec({ 'comp-c': 'container', 'comp-i': 'importer', 'comp-x': { executorLabel: 'exec-missing' } }, { c: task('comp-c'), i: task('comp-i'), x: task('comp-x') }))).toEqual([]);
  });

  it('GIVEN one component run by two tasks, in two DAGs WHEN checked THEN it is refused once (each component is visited once)', () => {
    const s = spec({ 'comp-r': 'resolver', 'comp-sub': { tasks: { inner: task('comp-r') } } }, { a: task('comp-r'), b: task('comp-sub') });
    expect(codesAndPaths(s)).toEqual(['backend/argo-executor-kind deploymentSpec/executors/exec-comp-r']);
  });

  it('GIVEN sub-DAGs WHEN checked THEN their tasks are refused before the DAG that holds them (depth first)', () => {
    const s = spec(
      { 'comp-r': 'resolver', 'comp-c': 'container', 'comp-sub': { tasks: { inner: task('comp-r'), other: task('comp-c') } } },
      { only: exitTask('comp-c'), sub: task('comp-sub') },
    );
    expect(codesAndPaths(s)).toEqual(['backend/argo-executor-kind deploymentSpec/executors/exec-comp-r']);
    const lonely = spec({ 'comp-c': 'container', 'comp-sub': { tasks: { ex: exitTask('comp-c') } }, 'comp-r': 'resolver' }, { a: task('comp-sub'), b: task('comp-r') });
    expect(codesAndPaths(lonely)).toEqual(['backend/argo-no-non-exit-task components/comp-sub/dag/tasks/ex', 'backend/argo-executor-kind deploymentSpec/executors/exec-comp-r']);
  });

  it('GIVEN a component with neither executor nor DAG (the reference checks refuse it) WHEN checked THEN no DAG refusal is made up for it', () => {
    expect(found(spec({ 'comp-empty': {}, 'comp-c': 'container' }, { e: task('comp-empty'), c: task('comp-c') }))).toEqual([]);
  });
});

describe('DAGs of exit tasks only', () => {
  it('GIVEN a DAG whose one task is an exit task WHEN checked THEN the refusal points at that task and names it', () => {
    const [r, ...rest] = found(spec({ 'comp-c': 'container' }, { notify: exitTask('comp-c') }));
    expect(rest).toEqual([]);
    expect(r).toEqual({
      code: 'backend/argo-no-non-exit-task',
      path: 'root/dag/tasks/notify',
      backendError: 'compiling DAG "root": DAG root must contain one or more non-exit tasks',
      fix: "The Argo compiler takes every task that ignores upstream failure ('notify' here) for an exit task, and each DAG needs at least one other task: add a task without ignoreUpstreamFailure() to this group, or move the task out of it.",
    });
  });

  it('GIVEN a sub-DAG of two exit tasks WHEN checked THEN the refusal points at the DAG and lists both, sorted', () => {
    const [r] = found(spec({ 'comp-c': 'container', 'comp-g': { tasks: { b: exitTask('comp-c'), a: exitTask('comp-c') } } }, { g: task('comp-g') }));
    expect(r).toMatchObject({
      code: 'backend/argo-no-non-exit-task',
      path: 'components/comp-g/dag',
      backendError: 'compiling DAG "comp-g": DAG comp-g must contain one or more non-exit tasks',
      fix: expect.stringContaining("ignores upstream failure ('a', 'b' here)"),
    });
  });

  it('GIVEN a DAG with no task WHEN checked THEN it is refused with the fix to give it one', () => {
    expect(found(spec({ 'comp-g': { tasks: {} } }, { g: task('comp-g') }))).toEqual([
      {
        code: 'backend/argo-no-non-exit-task',
        path: 'components/comp-g/dag',
        backendError: 'compiling DAG "comp-g": DAG comp-g must contain one or more non-exit tasks',
        fix: 'The group has no task: give it one.',
      },
    ]);
  });

  it('GIVEN a DAG with an exit task and another task WHEN checked THEN nothing is refused', () => {
    expect(found(spec({ 'comp-c': 'container' }, { notify: exitTask('comp-c'), work: task('comp-c') }))).toEqual([]);
  });

  it('GIVEN a task with a trigger policy that is not the exit strategy WHEN checked THEN it counts as a non-exit task', () => {
    expect(found(spec({ 'comp-c': 'container' }, { work: task('comp-c', { triggerPolicy: { condition: 'true' } }) }))).toEqual([]);
  });
});

describe('artifact iterators', () => {
  it('GIVEN a task iterating over artifacts WHEN checked THEN it is refused with GH-12033 named', () => {
    const s = spec({ 'comp-c': 'container', 'comp-loop': { tasks: { body: task('comp-c') } } }, { 'for-loop-2': task('comp-loop', { artifactIterator: { itemInput: 'x', items: { inputArtifact: 'xs' } } }) });
    expect(found(s)).toEqual([
      {
        code: 'backend/argo-artifact-iterator',
        path: 'root/dag/tasks/for-loop-2',
        backendError: 'compiling DAG "root": artifact iterator not implemented yet',
        fix: "A ParallelFor over a list of artifacts has no Argo lowering in KFP 2.17 (GH-12033): loop over a list of parameters instead (e.g. the artifacts' URIs), or hand the whole list to one task.",
      },
    ]);
  });

  it('GIVEN an artifact iterator over an importer with a condition WHEN checked THEN only the iterator is refused (the backend stops there)', () => {
    const s = spec({ 'comp-imp': 'importer' }, { it: task('comp-imp', { artifactIterator: { itemInput: 'x', items: { inputArtifact: 'xs' } }, triggerPolicy: { condition: '1 == 1' } }) });
    expect(codesAndPaths(s)).toEqual(['backend/argo-artifact-iterator root/dag/tasks/it']);
  });
});

describe('importers under a trigger condition', () => {
  const importerWith = (extra: Json) => spec({ 'comp-imp': 'importer', 'comp-c': 'container' }, { imp: task('comp-imp', extra), work: task('comp-c') });

  it('GIVEN an importer task with a condition WHEN checked THEN it is refused with the backend error and the fix', () => {
    expect(found(importerWith({ triggerPolicy: { condition: "inputs.parameter_values['x'] == 'y'" } }))).toEqual([
      {
        code: 'backend/argo-importer-condition',
        path: 'root/dag/tasks/imp',
        backendError: 'compiling DAG "root": compiling task "imp": triggerPolicy.condition on importer task is not supported',
        fix: 'An importer runs its driver and import in one container, so Argo cannot skip it on a condition: put the importer inside a condition group instead.',
      },
    ]);
  });

  it('GIVEN an importer task with a condition and a parameter iterator WHEN checked THEN the error names the iteration-item wrappers', () => {
    expect(found(importerWith({ triggerPolicy: { condition: '1 == 1' }, parameterIterator: { itemInput: 'i', items: { raw: '[1]' } } })).map((r) => r.backendError)).toEqual([
      'compiling DAG "root": compiling task "imp": iterator task: iterationItem task: compiling task "iteration-item": triggerPolicy.condition on importer task is not supported',
    ]);
  });

  it('GIVEN an importer with an empty condition, a container with a condition WHEN checked THEN nothing is refused', () => {
    expect(found(importerWith({ triggerPolicy: { condition: '' } }))).toEqual([]);
    expect(found(spec({ 'comp-c': 'container' }, { work: task('comp-c', { triggerPolicy: { condition: '1 == 1' } }) }))).toEqual([]);
  });

  it('GIVEN importers with conditions, one an exit task WHEN checked THEN the exit task comes first, as the backend compiles exit tasks first', () => {
    const s = spec({ 'comp-imp': 'importer' }, { a: task('comp-imp', { triggerPolicy: { condition: '1 == 1' } }), b: exitTask('comp-imp', { triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED', condition: '1 == 1' } }) });
    expect(codesAndPaths(s)).toEqual(['backend/argo-importer-condition root/dag/tasks/b', 'backend/argo-importer-condition root/dag/tasks/a']);
  });
});

describe('the workspace PVC (GetWorkspacePVC with no server default)', () => {
  const C = spec({ 'comp-c': 'container' }, { work: task('comp-c') });
  const platform = (workspace: Json): Json => ({ platforms: { kubernetes: { pipelineConfig: { workspace } } } });
  const ws = (size: string | undefined, pvcSpecPatch?: Json) => found(C, platform({ ...(size === undefined ? {} : { size }), kubernetes: pvcSpecPatch === undefined ? {} : { pvcSpecPatch } }));
  const OK = { accessModes: ['ReadWriteOnce'] };
  const WS = 'platforms/kubernetes/pipelineConfig/workspace';

  it('GIVEN a valid workspace, or one without its Kubernetes part, or no platform spec WHEN checked THEN nothing is refused', () => {
    expect(ws('10Gi', OK)).toEqual([]);
    expect(ws('10Gi', { ...OK, storageClassName: 'standard' })).toEqual([]);
    expect(ws('10Gi', { accessModes: ['ReadWriteOnce', null] })).toEqual([]);
    expect(found(C, platform({ size: '' }))).toEqual([]);
    expect(found(C)).toEqual([]);
  });

  it('GIVEN no size WHEN checked THEN backend/argo-workspace-size at size', () => {
    const expected = [{ code: 'backend/argo-workspace-size', path: `${WS}/size`, backendError: 'workspace size is required but not specified', fix: 'Give the workspace a size, e.g. 10Gi.' }];
    expect(ws('', OK)).toEqual(expected);
    expect(ws(undefined, OK)).toEqual(expected);
  });

  it('GIVEN patch fields other than accessModes and storageClassName WHEN checked THEN all are listed, the path at the first', () => {
    expect(ws('10Gi', { ...OK, volumeMode: 'Filesystem', selector: {} })).toEqual([
      {
        code: 'backend/argo-workspace-patch',
        path: `${WS}/kubernetes/pvcSpecPatch/volumeMode`,
        backendError: 'unknown fields in PVC spec patch: [volumeMode selector]',
        fix: 'Patch only accessModes and storageClassName.',
      },
    ]);
  });

  it('GIVEN patch values of the wrong JSON type WHEN checked THEN encoding/json\'s error names the JSON type and the Go type', () => {
    const errorOf = (patch: Json) => ws('10Gi', patch).map((r) => `${r.code} ${r.path}: ${r.backendError} / ${r.fix}`);
    const modes = (what: string, goType: string) =>
      `backend/argo-workspace-patch ${WS}/kubernetes/pvcSpecPatch/accessModes: json: cannot unmarshal ${what} into Go struct field PersistentVolumeClaimSpec.accessModes of type ${goType} / accessModes is a list of strings, storageClassName a string.`;
    expect(errorOf({ accessModes: 'ReadWriteOnce' })).toEqual([modes('string', '[]v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: 1 })).toEqual([modes('number', '[]v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: true })).toEqual([modes('bool', '[]v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: {} })).toEqual([modes('object', '[]v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: ['ReadWriteOnce', 1] })).toEqual([modes('number', 'v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: [['ReadWriteOnce']] })).toEqual([modes('array', 'v1.PersistentVolumeAccessMode')]);
    expect(errorOf({ accessModes: [false] })).toEqual([modes('bool', 'v1.PersistentVolumeAccessMode')]);
    const storage = (what: string) =>
      `backend/argo-workspace-patch ${WS}/kubernetes/pvcSpecPatch/storageClassName: json: cannot unmarshal ${what} into Go struct field PersistentVolumeClaimSpec.storageClassName of type string / accessModes is a list of strings, storageClassName a string.`;
    expect(errorOf({ ...OK, storageClassName: 5 })).toEqual([storage('number')]);
    expect(errorOf({ ...OK, storageClassName: ['a'] })).toEqual([storage('array')]);
    expect(errorOf({ ...OK, storageClassName: {} })).toEqual([storage('object')]);
  });

  it('GIVEN no access modes, null access modes or an empty list WHEN checked THEN backend/argo-workspace-access-modes', () => {
    const expected = [
      {
        code: 'backend/argo-workspace-access-modes',
        path: `${WS}/kubernetes/pvcSpecPatch/accessModes`,
        backendError: 'workspace PVC spec must specify accessModes',
        fix: "Give the workspace access modes, e.g. kubernetes.pipelineConfig({ workspace: { size: '10Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } } }), unless the API server is configured with a default workspace PVC spec that has them.",
      },
    ];
    expect(ws('10Gi')).toEqual(expected);
    expect(ws('10Gi', {})).toEqual(expected);
    expect(ws('10Gi', { accessModes: null, storageClassName: null })).toEqual(expected);
    expect(ws('10Gi', { accessModes: [] })).toEqual(expected);
  });

  it('GIVEN an empty storage class WHEN checked THEN backend/argo-workspace-storage-class', () => {
    expect(ws('10Gi', { ...OK, storageClassName: '' })).toEqual([
      {
        code: 'backend/argo-workspace-storage-class',
        path: `${WS}/kubernetes/pvcSpecPatch/storageClassName`,
        backendError: 'workspace PVC spec storageClassName must be omitted or set to a non-empty value',
        fix: "Leave storageClassName out for the cluster's default storage class, or name one.",
      },
    ]);
  });

  it('GIVEN a size that is no quantity, and a negative one WHEN checked THEN backend/argo-workspace-size quotes ParseQuantity', () => {
    expect(ws('10K', OK).map((r) => r.backendError)).toEqual(["invalid size value for workspace PVC: unable to parse quantity's suffix"]);
    expect(ws('one', OK)).toEqual([
      {
        code: 'backend/argo-workspace-size',
        path: `${WS}/size`,
        backendError: 'invalid size value for workspace PVC: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
        fix: 'Write the size as a Kubernetes quantity, e.g. 10Gi or 500Mi (Kubernetes has no upper-case K: 10Ki, or 10000 for ten thousand bytes), not "one".',
      },
    ]);
    expect(ws('-1Gi', OK)).toEqual([
      { code: 'backend/argo-workspace-size', path: `${WS}/size`, backendError: 'negative size value for workspace PVC: -1Gi', fix: 'Give the workspace a positive size.' },
    ]);
  });

  it('GIVEN a workspace refusal and a DAG refusal WHEN checked THEN the workspace comes first, as the backend reads it first', () => {
    const s = spec({ 'comp-r': 'resolver' }, { r: task('comp-r') });
    expect(codesAndPaths(s, platform({ size: '', kubernetes: {} }))).toEqual([`backend/argo-workspace-size ${WS}/size`, 'backend/argo-executor-kind deploymentSpec/executors/exec-comp-r']);
  });
});

describe('a PipelineSpec without root', () => {
  it('GIVEN no root (the upload rules refuse it) WHEN checked THEN only the workspace is checked', () => {
    const noRoot = readPipelineSpec({ pipelineInfo: { name: 'p' }, schemaVersion: '2.1.0', deploymentSpec: { executors: { 'exec-r': EXECUTORS.resolver } }, components: { 'comp-r': { executorLabel: 'exec-r' } } });
    expect(findBackendRefusals(noRoot)).toEqual([]);
  });
});

describe('as warnings', () => {
  it('GIVEN a refusal WHEN reported THEN it is a warning quoting the backend error and the fix', () => {
    expect(checkBackendRefusals(spec({ 'comp-c': 'container' }, { notify: exitTask('comp-c') }), undefined, 'p.yaml')).toEqual([
      {
        code: 'backend/argo-no-non-exit-task',
        path: ['root', 'dag', 'tasks', 'notify'],
        severity: 'warning',
        file: 'p.yaml',
        message:
          'the KFP backend accepts the upload but refuses to create a run: its Argo compiler answers "compiling DAG "root": DAG root must contain one or more non-exit tasks". ' +
          "The Argo compiler takes every task that ignores upstream failure ('notify' here) for an exit task, and each DAG needs at least one other task: add a task without ignoreUpstreamFailure() to this group, or move the task out of it.",
      },
    ]);
  });
});
