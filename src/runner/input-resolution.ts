/**
 * A task's inputs resolved in its DAG, as the driver resolves them (resolveInputs in
 * backend/src/v2/driver/resolve.go):
 *
 * - from the enclosing DAG's inputs, from an upstream task's outputs, from constants (with the
 *   run-level placeholders `{{$.pipeline_job_name}}` and the like), or the final status of the
 *   task a exit task follows;
 * - a parameter expression selector (a loop item's field) evaluated with CEL;
 * - `literals` enforced;
 * - each value checked against its declared type: a STRING input takes any value as text, any
 *   other type must match; an optional input with no value is left out (the component's default
 *   applies), a null from an optional pipeline input likewise;
 * - a nested pipeline's optional inputs the task does not set get their default, or null.
 */
import type { ComponentSpec, InputParameterSpec, JsonValue } from '../ir/index.ts';
import { evaluateSelector } from './cel.ts';
import type { DagInstance } from './dag-state.ts';
import type { LocalArtifact, TaskState } from './model.ts';
import { artifactValue, parameterValue, resolveArtifactOutput, resolveParameterOutput } from './output-resolution.ts';
import { checkParameterType, jsonEqual } from './values.ts';

export interface RunPlaceholders {
  /** Exact-match constants the driver replaces (`{{$.pipeline_job_name}}` → the run's name, …). */
  readonly constants: Readonly<Record<string, string>>;
  /** The local directory `{{$.workspace_path}}` stands for. */
  readonly workspacePath: string;
  readonly runResourceName: string;
}

export interface TaskContext {
  readonly dag: DagInstance;
  readonly taskName: string;
  readonly dependentTasks: readonly string[];
  readonly inputs: NonNullable<import('../ir/index.ts').PipelineTaskSpec['inputs']>;
  readonly component: ComponentSpec;
  readonly isDag: boolean;
  /** Inputs the type check leaves alone (a loop's item input before the fan-out). */
  readonly skipTypeCheck?: ReadonlySet<string>;
  readonly run: RunPlaceholders;
}

export type InputResolution =
  | { readonly ok: true; readonly parameters: Record<string, JsonValue>; readonly artifacts: Record<string, readonly LocalArtifact[]> }
  | { readonly ok: false; readonly message: string };

/** The MLMD state the backend reports as a PipelineTaskFinalStatus's `state`. */
export function finalStatusState(state: TaskState): string {
  switch (state) {
    case 'SUCCEEDED':
      return 'COMPLETE';
    case 'CACHED':
      return 'CACHED';
    case 'FAILED':
      return 'FAILED';
    default:
      return 'CANCELED';
  }
}

type One = { ok: true; value: JsonValue | undefined } | { ok: false; message: string };

/** One input parameter spec in a DAG (also used for kubernetes settings named by a parameter). */
export function resolveParameterSpec(ctx: TaskContext, spec: InputParameterSpec): One {
  const { dag } = ctx;
  if (spec.componentInputParameter !== undefined) {
    if (!dag.parameters.has(spec.componentInputParameter)) return { ok: false, message: `the enclosing DAG has no input parameter "${spec.componentInputParameter}"` };
    const value = dag.parameters.get(spec.componentInputParameter) ?? null;
    return { ok: true, value: value === null ? undefined : value };
  }
  if (spec.taskOutputParameter !== undefined) {
    const r = resolveParameterOutput(dag, spec.taskOutputParameter.producerTask, spec.taskOutputParameter.outputParameterKey);
    if (r.kind === 'missing') return { ok: false, message: r.why };
    return { ok: true, value: parameterValue(r) };
  }
  if (spec.runtimeValue !== undefined) {
    const constant = spec.runtimeValue.constant ?? null;
    if (typeof constant === 'string') {
      if (constant.includes('{{$.workspace_path}}')) return { ok: true, value: constant.split('{{$.workspace_path}}').join(ctx.run.workspacePath) };
      if (constant === '{{$.pipeline_task_name}}') return { ok: true, value: ctx.taskName };
      if (constant === '{{$.pipeline_task_uuid}}') return { ok: true, value: String(dag.executionId) };
      const known = ctx.run.constants[constant];
      if (known !== undefined) return { ok: true, value: known };
    }
    return { ok: true, value: constant };
  }
  if (spec.taskFinalStatus !== undefined) {
    // The backend takes the first dependent task, whatever producerTask says.
    const producer = ctx.dependentTasks[0];
    const node = producer === undefined ? undefined : dag.nodes.get(producer);
    if (node === undefined) return { ok: false, message: 'a PipelineTaskFinalStatus input needs the task to follow another task' };
    return {
      ok: true,
      value: { state: finalStatusState(node.state), pipelineTaskName: node.name, pipelineJobResourceName: ctx.run.runResourceName, error: {} },
    };
  }
  return { ok: false, message: 'the input has no value source' };
}

export function resolveTaskInputs(ctx: TaskContext): InputResolution {
  const defs = ctx.component.inputDefinitions?.parameters ?? {};
  const parameters: Record<string, JsonValue> = {};
  const nulls = new Set<string>();
  if (ctx.isDag) {
    for (const [name, def] of Object.entries(defs)) {
      if (ctx.inputs.parameters?.[name] !== undefined || def.isOptional !== true) continue;
      if (def.defaultValue !== undefined) parameters[name] = def.defaultValue;
      else nulls.add(name);
    }
  }
  for (const [name, spec] of Object.entries(ctx.inputs.parameters ?? {})) {
    const def = defs[name];
    if (def?.parameterType === 'TASK_CONFIG') continue;
    const resolved = resolveParameterSpec(ctx, spec);
    if (!resolved.ok) {
      if (def?.isOptional === true) continue;
      return { ok: false, message: `input "${name}": ${resolved.message}` };
    }
    let value = resolved.value;
    if (value === undefined) {
      if (def?.isOptional === true) continue;
      return { ok: false, message: `input "${name}" resolved to null, and the input is not optional` };
    }
    if (spec.parameterExpressionSelector !== undefined && spec.parameterExpressionSelector !== '') {
      const selected = evaluateSelector(spec.parameterExpressionSelector, value);
      if (!selected.ok) return { ok: false, message: `input "${name}": evaluating ${spec.parameterExpressionSelector} failed: ${selected.message}` };
      value = selected.value;
    }
    if (def?.literals !== undefined && def.literals.length > 0 && !def.literals.some((l) => jsonEqual(l, value))) {
      return { ok: false, message: `input "${name}" is ${JSON.stringify(value)}, not one of its allowed values ${JSON.stringify(def.literals)}` };
    }
    parameters[name] = value;
  }
  for (const [name, def] of Object.entries(defs)) {
    if (ctx.skipTypeCheck?.has(name)) continue;
    const value = parameters[name];
    if (value === undefined) {
      if (nulls.has(name)) parameters[name] = null;
      else if (def.isOptional !== true && def.defaultValue === undefined) return { ok: false, message: `input "${name}" has neither a value nor a default` };
      continue;
    }
    const checked = checkParameterType(value, def.parameterType);
    if (!checked.ok) return { ok: false, message: `input "${name}": ${checked.message}` };
    parameters[name] = checked.value;
  }
  const artifacts: Record<string, readonly LocalArtifact[]> = {};
  const artifactDefs = ctx.component.inputDefinitions?.artifacts ?? {};
  for (const [name, spec] of Object.entries(ctx.inputs.artifacts ?? {})) {
    const optional = artifactDefs[name]?.isOptional === true;
    let list: readonly LocalArtifact[] | undefined;
    let why = '';
    if (spec.componentInputArtifact !== undefined) {
      list = ctx.dag.artifacts.get(spec.componentInputArtifact);
      why = `the enclosing DAG has no input artifact "${spec.componentInputArtifact}"`;
    } else if (spec.taskOutputArtifact !== undefined) {
      const r = resolveArtifactOutput(ctx.dag, spec.taskOutputArtifact.producerTask, spec.taskOutputArtifact.outputArtifactKey);
      list = artifactValue(r);
      if (r.kind === 'missing') why = r.why;
    }
    if (list === undefined) {
      if (optional) continue;
      return { ok: false, message: `input artifact "${name}": ${why || 'no value source'}` };
    }
    artifacts[name] = list;
  }
  return { ok: true, parameters, artifacts };
}
