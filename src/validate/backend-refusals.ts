/**
 * What the KFP backend refuses when a run is created, though it accepts the upload: its Argo
 * workflow compiler (kubeflow/pipelines backend/src/v2/compiler/argocompiler at sdk-2.17.0-1, called
 * by the API server's CreateRun) stops at shapes that kfp 2.17.3 compiles without a word. kfp-ts
 * reports each as a warning at compile and validate time, naming the task and quoting the
 * backend's own error.
 *
 * The walk follows argocompiler.Compile: the workspace PVC first (GetWorkspacePVC), then a
 * depth-first visit of the components from `root`, each visited once, a DAG's tasks in sorted
 * order and its sub-components before the DAG itself (compiler.Accept). The backend stops at the
 * first refusal, so the first one listed here carries exactly the error the backend returns; the
 * others are what it would say once that one is fixed.
 *
 * Runs on documents that passed the schema and reference checks, read through the typed IR model
 * (src/ir). The platform spec is read with no API server configuration: a server configured with a default workspace PVC spec that has
 * accessModes accepts a workspace given by its size alone.
 */
import { compareCodePoints } from '../code-point-order.ts';
import type { VALIDATE_CODES } from '../diagnostic-codes/validate.ts';
import { warning, type Diagnostic } from '../diagnostics.ts';
import { executorKind, isJsonObject, type ExecutorSpec, type JsonValue, type PipelineSpec, type PipelineTaskSpec, type PlatformSpec } from '../ir/index.ts';
import { joinPath } from './ir-access.ts';
import { indexPipelineSpec, type ComponentInfo, type IrIndex } from './ir-index.ts';
import { parseQuantity } from './k8s-quantity.ts';

/** The refusals' codes: the `backend/argo-*` part of the registry (src/diagnostic-codes/validate.ts). */
export type BackendRefusalCode = Extract<keyof typeof VALIDATE_CODES, `backend/argo-${string}`>;


/** One thing the Argo compiler refuses, as data. */
export interface BackendRefusal {
  readonly code: BackendRefusalCode;
  /** Where, in the document: a task (`components/comp-for-loop-2/dag/tasks/train`) or a platform field. */
  readonly path: string;
  /** The error text the backend returns for it (when it is the first refusal the backend meets). */
  readonly backendError: string;
  /** How to avoid it. */
  readonly fix: string;
}

const EXIT_STRATEGY = 'ALL_UPSTREAM_TASKS_COMPLETED';
const PVC_PATCH_FIELDS = new Set(['accessModes', 'storageClassName']);

/** Go's sort.Strings order (UTF-8 bytes, i.e. code points): a hand-written file's names may be any text. */
function sorted(names: Iterable<string>): string[] {
  return [...names].sort(compareCodePoints);
}

/**
 * Every refusal of the Argo compiler for a PipelineSpec and its optional platform spec, in the
 * order the backend meets them.
 *
 * @example
 * const refusals = findBackendRefusals(readPipelineSpec(doc), readPlatformSpec(platformDoc));
 * // [{ code: 'backend/argo-artifact-iterator', path: 'root/dag/tasks/for-loop-2',
 * //    backendError: 'compiling DAG "root": artifact iterator not implemented yet', fix: '...' }]
 */
export function findBackendRefusals(pipelineSpec: PipelineSpec, platformSpec?: PlatformSpec, index: IrIndex = indexPipelineSpec(pipelineSpec)): BackendRefusal[] {
  const out = workspaceRefusals(platformSpec);
  if (index.root) visitComponents({ index, executors: pipelineSpec.deploymentSpec?.executors ?? {} }, out);
  return out;
}

/** The refusals as compile/validate warnings. */
export function checkBackendRefusals(pipelineSpec: PipelineSpec, platformSpec?: PlatformSpec, file?: string, index?: IrIndex): Diagnostic[] {
  return findBackendRefusals(pipelineSpec, platformSpec, index).map((r) =>
    warning(r.code, r.path, `the KFP backend accepts the upload but refuses to create a run: its Argo compiler answers "${r.backendError}". ${r.fix}`, file),
  );
}

interface Ir {
  readonly index: IrIndex;
  readonly executors: Readonly<Record<string, ExecutorSpec>>;
}

function visitComponents(ir: Ir, out: BackendRefusal[]): void {
  const { index } = ir;
  const visited = new Set<string>();
  const visit = (component: ComponentInfo): void => {
    if (visited.has(component.name)) return;
    visited.add(component.name);
    if (component.executorLabel !== undefined) {
      const executor = ir.executors[component.executorLabel];
      const kind = executor && executorKind(executor);
      if (executor && kind !== 'container' && kind !== 'importer') {
        out.push({
          code: 'backend/argo-executor-kind',
          path: joinPath('deploymentSpec', 'executors', component.executorLabel),
          backendError: `error processing component name="${component.name}": executor(label="${component.executorLabel}"): non-container and non-importer executor not implemented`,
          fix: 'Only container and importer executors run on the KFP backend.',
        });
      }
      return;
    }
    if (!component.dag) return;
    for (const name of sorted(component.tasks.keys())) {
      const sub = index.componentOf(index.task(component, name));
      if (sub) visit(sub);
    }
    dagRefusals(ir, component, out);
  };
  visit(index.root!);
}

const isExitTask = (task: PipelineTaskSpec | undefined) => task?.triggerPolicy?.strategy === EXIT_STRATEGY;

/** argocompiler workflowCompiler.DAG: artifact iterators, exit tasks first, then the others. */
function dagRefusals(ir: Ir, dag: ComponentInfo, out: BackendRefusal[]): void {
  const names = sorted(dag.tasks.keys());
  for (const name of names) {
    const task = dag.tasks.get(name)!;
    if (task.artifactIterator !== undefined) {
      out.push({
        code: 'backend/argo-artifact-iterator',
        path: joinPath(dag.path, 'dag', 'tasks', name),
        backendError: `compiling DAG "${dag.name}": artifact iterator not implemented yet`,
        fix: "A ParallelFor over a list of artifacts has no Argo lowering in KFP 2.17 (GH-12033): loop over a list of parameters instead (e.g. the artifacts' URIs), or hand the whole list to one task.",
      });
    } else if (isExitTask(task)) taskRefusals(ir, dag, name, out);
  }
  for (const name of names) {
    const task = dag.tasks.get(name)!;
    if (!isExitTask(task) && task.artifactIterator === undefined) taskRefusals(ir, dag, name, out);
  }
  if (names.every((n) => isExitTask(dag.tasks.get(n)))) {
    const exits = names.map((n) => `'${n}'`).join(', ');
    out.push({
      code: 'backend/argo-no-non-exit-task',
      path: names.length === 1 ? joinPath(dag.path, 'dag', 'tasks', names[0]!) : joinPath(dag.path, 'dag'),
      backendError: `compiling DAG "${dag.name}": DAG ${dag.name} must contain one or more non-exit tasks`,
      fix:
        names.length === 0
          ? 'The group has no task: give it one.'
          : `The Argo compiler takes every task that ignores upstream failure (${exits} here) for an exit task, and each DAG needs at least one other task: add a task without ignoreUpstreamFailure() to this group, or move the task out of it.`,
    });
  }
}

/** argocompiler workflowCompiler.task: what it refuses about one task of a DAG. */
function taskRefusals(ir: Ir, dag: ComponentInfo, name: string, out: BackendRefusal[]): void {
  const task = ir.index.task(dag, name);
  const component = ir.index.componentOf(task);
  if (!task || !component || component.executorLabel === undefined) return;
  const executor = ir.executors[component.executorLabel];
  const condition = task.spec.triggerPolicy?.condition;
  if (executor?.importer === undefined || condition === undefined || condition === '') return;
  // An iterator task compiles its body as the task "iteration-item" inside two more wrappers.
  const inner = 'triggerPolicy.condition on importer task is not supported';
  out.push({
    code: 'backend/argo-importer-condition',
    path: task.path,
    backendError:
      task.spec.parameterIterator !== undefined
        ? `compiling DAG "${dag.name}": compiling task "${name}": iterator task: iterationItem task: compiling task "iteration-item": ${inner}`
        : `compiling DAG "${dag.name}": compiling task "${name}": ${inner}`,
    fix: 'An importer runs its driver and import in one container, so Argo cannot skip it on a condition: put the importer inside a condition group instead.',
  });
}

/** argocompiler.GetWorkspacePVC, with no default workspace PVC spec configured on the server. */
function workspaceRefusals(platformSpec: PlatformSpec | undefined): BackendRefusal[] {
  const at = ['platforms', 'kubernetes', 'pipelineConfig', 'workspace'];
  const workspace = platformSpec?.platforms?.kubernetes?.pipelineConfig?.workspace;
  // Without the Kubernetes part no PVC is made, so nothing is checked.
  if (workspace?.kubernetes === undefined) return [];
  const size = workspace.size ?? '';
  const refuse = (code: BackendRefusalCode, sub: string[], backendError: string, fix: string): BackendRefusal[] => [{ code, path: joinPath(...at, ...sub), backendError, fix }];
  if (size === '') return refuse('backend/argo-workspace-size', ['size'], 'workspace size is required but not specified', 'Give the workspace a size, e.g. 10Gi.');

  const patch = workspace.kubernetes.pvcSpecPatch;
  const patchPath = ['kubernetes', 'pvcSpecPatch'];
  const unknown = Object.keys(patch ?? {}).filter((k) => !PVC_PATCH_FIELDS.has(k));
  if (unknown.length > 0) {
    // The backend lists them in Go map order, which varies from run to run.
    return refuse('backend/argo-workspace-patch', [...patchPath, unknown[0]!], `unknown fields in PVC spec patch: [${unknown.join(' ')}]`, 'Patch only accessModes and storageClassName.');
  }
  const accessModes = patch?.['accessModes'];
  const storageClass = patch?.['storageClassName'];
  const typeError = goJsonTypeError(accessModes, storageClass);
  if (typeError) return refuse('backend/argo-workspace-patch', [...patchPath, typeError.field], typeError.error, 'accessModes is a list of strings, storageClassName a string.');
  if (!Array.isArray(accessModes) || accessModes.length === 0) {
    return refuse(
      'backend/argo-workspace-access-modes',
      [...patchPath, 'accessModes'],
      'workspace PVC spec must specify accessModes',
      "Give the workspace access modes, e.g. kubernetes.pipelineConfig({ workspace: { size: '10Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } } }), unless the API server is configured with a default workspace PVC spec that has them.",
    );
  }
  if (storageClass === '') {
    return refuse(
      'backend/argo-workspace-storage-class',
      [...patchPath, 'storageClassName'],
      'workspace PVC spec storageClassName must be omitted or set to a non-empty value',
      "Leave storageClassName out for the cluster's default storage class, or name one.",
    );
  }
  const quantity = parseQuantity(size);
  if (!quantity.ok) {
    return refuse('backend/argo-workspace-size', ['size'], `invalid size value for workspace PVC: ${quantity.error}`, `Write the size as a Kubernetes quantity, e.g. 10Gi or 500Mi (Kubernetes has no upper-case K: 10Ki, or 10000 for ten thousand bytes), not ${JSON.stringify(size)}.`);
  }
  if (quantity.negative) return refuse('backend/argo-workspace-size', ['size'], `negative size value for workspace PVC: ${size}`, 'Give the workspace a positive size.');
  return [];
}

/** encoding/json's error for a patch value that does not fit PersistentVolumeClaimSpec (null is no value). */
function goJsonTypeError(accessModes: JsonValue | undefined, storageClass: JsonValue | undefined): { field: string; error: string } | undefined {
  // Stryker disable next-line StringLiteral: null never gets here (a null patch value or list item is no value to encoding/json)
  const jsonType = (v: JsonValue) => (typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : isJsonObject(v) ? 'object' : 'null');
  const into = (what: string, goType: string) => `json: cannot unmarshal ${what} into Go struct field PersistentVolumeClaimSpec.accessModes of type ${goType}`;
  if (accessModes !== undefined && accessModes !== null) {
    if (!Array.isArray(accessModes)) return { field: 'accessModes', error: into(jsonType(accessModes), '[]v1.PersistentVolumeAccessMode') };
    const bad = accessModes.find((m) => typeof m !== 'string' && m !== null);
    if (bad !== undefined) return { field: 'accessModes', error: into(jsonType(bad), 'v1.PersistentVolumeAccessMode') };
  }
  if (storageClass !== undefined && storageClass !== null && typeof storageClass !== 'string') {
    return { field: 'storageClassName', error: `json: cannot unmarshal ${jsonType(storageClass)} into Go struct field PersistentVolumeClaimSpec.storageClassName of type string` };
  }
  return undefined;
}
