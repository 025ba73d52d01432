import { isChannel } from '../dsl/channels.ts';
import type { IoSpec } from '../dsl/component-node.ts';
import { valueFitsParameterType } from '../dsl/parameter-values.ts';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { artifactTypesCompatible } from './artifact-compatible.ts';
import { nestedChannels } from './channel-names.ts';
import { withRuntimeText } from './runtime-text.ts';
import { pathAt, type Structure, type TaskEntry } from './structure.ts';

const PIPELINE_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;

function describeSpec(spec: IoSpec): string {
  if (spec.kind === 'parameter') return `a ${spec.parameterType} parameter`;
  if (spec.kind === 'artifact') return `${spec.isList ? 'a list of' : 'an'} artifact ${spec.artifactType.schemaTitle}`;
  return 'an invalid declaration';
}

/**
 * kfp's rules for an artifact type (`validate_bundled_artifact_type`): a `system` or `google`
 * namespace, one name, and a three-part version.
 */
function artifactTypeProblem(spec: IoSpec): string | undefined {
  if (spec.kind !== 'artifact') return undefined;
  const { schemaTitle, schemaVersion } = spec.artifactType;
  const parts = schemaTitle.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || !['system', 'google'].includes(parts[0]))
    return `the artifact type '${schemaTitle}' is not accepted by kfp: a schema title is '<namespace>.<Name>' with the namespace 'system' or 'google' (e.g. 'google.BQTable')`;
  if (schemaVersion.split('.').length !== 3)
    return `the artifact type '${schemaTitle}' has the version '${schemaVersion}'; kfp needs three-part semantic versioning (e.g. '0.0.1')`;
  return undefined;
}

/** Pipeline-level checks: the name rule, declarations, and problems the body recorded. */
export function checkPipeline(p: PipelineNode, pipelineParameters: Readonly<Record<string, unknown>> | undefined, taskName: (id: string) => string | undefined = () => undefined): Diagnostic[] {
  const ds: Diagnostic[] = [];
  for (const prob of p.problems) {
    const task = prob.task === undefined ? undefined : taskName(prob.task);
    ds.push(diagnostic(prob.code, [p.name, ...(task !== undefined ? [task] : []), ...prob.path], prob.message));
  }
  // kfp: "Task is missing from pipeline."
  if (p.children.length === 0 && p.problems.length === 0)
    ds.push(diagnostic('pipeline/no-tasks', [p.name], `pipeline '${p.name}' has no tasks; add at least one task to its body`));
  if (!PIPELINE_NAME.test(p.name))
    ds.push(
      diagnostic(
        'pipeline/invalid-name',
        [p.name, 'name'],
        `the pipeline name '${p.name}' is not valid: the KFP backend requires lower-case letters, digits and '-', starting with a letter or digit, at most 128 characters (^[a-z0-9][a-z0-9-]{0,127}$); e.g. '${p.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'my-pipeline'}'`,
      ),
    );
  for (const [name, spec] of Object.entries(p.interface.inputs)) {
    const path = [p.name, 'inputs', name];
    if (spec.kind === 'invalid') ds.push(diagnostic('pipeline/invalid-input', path, spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) ds.push(diagnostic('pipeline/invalid-artifact-type', path, typeProblem));
    else if (spec.kind === 'parameter' && spec.defaultValue !== undefined && !valueFitsParameterType(spec.defaultValue, spec.parameterType))
      ds.push(diagnostic('pipeline/default-type', path, `the default ${JSON.stringify(spec.defaultValue)} is not a ${spec.parameterType}`));
  }
  for (const [name, value] of Object.entries(pipelineParameters ?? {})) {
    const spec = p.interface.inputs[name];
    const path = [p.name, 'inputs', name];
    if (!spec) ds.push(diagnostic('pipeline/unknown-parameter', path, `--pipeline-parameters names '${name}', which is not a parameter of the pipeline (it has: ${Object.keys(p.interface.inputs).join(', ') || 'none'})`));
    else if (spec.kind !== 'parameter') ds.push(diagnostic('pipeline/parameter-kind', path, `'${name}' is an artifact input; only parameters can be given default values`));
    else if (!valueFitsParameterType(value, spec.parameterType))
      ds.push(diagnostic('pipeline/parameter-type', path, `the value ${JSON.stringify(value)} for '${name}' is not a ${spec.parameterType}`));
  }
  return ds;
}

/** kfp compares a PipelineTaskFinalStatus as a dict. */
const asDict = (t: string): string => (t === 'TASK_FINAL_STATUS' ? 'STRUCT' : t);

/**
 * Argument checks, for arguments the type system could not see (plain JavaScript, `as any`):
 * unknown inputs, missing required inputs, wrong kinds, constants of the wrong type, references to
 * outputs or tasks that do not exist.
 */
export function checkTaskArgs(t: TaskEntry, s: Structure, pipeline: PipelineNode): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const comp = t.node.component;
  ds.push(...checkLoopItemsInScope(t, s), ...checkExitTaskIndependent(t, s));
  for (const [name, spec] of Object.entries(comp.interface.inputs)) {
    if (spec.kind === 'invalid') ds.push(diagnostic('component/invalid-input', pathAt(s, t, 'component', 'inputs', name), spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) ds.push(diagnostic('component/invalid-artifact-type', pathAt(s, t, 'component', 'inputs', name), typeProblem));
  }
  for (const [name, spec] of Object.entries(comp.interface.outputs)) {
    const path = pathAt(s, t, 'component', 'outputs', name);
    if (spec.kind === 'invalid') ds.push(diagnostic('component/invalid-output', path, spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) ds.push(diagnostic('component/invalid-artifact-type', path, typeProblem));
    // kfp: "Output lists of artifacts are only supported for pipelines" (Python and container
    // components only; a pipeline, also one loaded from IR, may output a list).
    const primitive = comp.implementation.kind === 'python' || comp.implementation.kind === 'container';
    if (primitive && spec.kind === 'artifact' && spec.isList)
      ds.push(diagnostic('component/output-artifact-list', path, `component '${comp.name}' declares a list of artifacts as output '${name}'; kfp allows output lists of artifacts only for pipelines: declare one artifact`));
  }

  for (const [name, given] of Object.entries(t.node.args)) {
    const path = pathAt(s, t, 'inputs', name);
    const spec = comp.interface.inputs[name];
    if (given === undefined) continue;
    const arg = withRuntimeText(given) as typeof given;
    if (!spec) {
      ds.push(diagnostic('task/unknown-input', path, `component '${comp.name}' has no input '${name}'; its inputs are: ${Object.keys(comp.interface.inputs).join(', ') || 'none'}`));
      continue;
    }
    if (spec.kind === 'invalid') continue;
    if (isChannel(arg)) {
      const src = arg.source;
      if (src.kind === 'taskOutput') {
        const producer = s.tasksById.get(src.taskId);
        if (!producer) {
          ds.push(diagnostic('task/dangling-reference', path, `the argument refers to a task that is not part of pipeline '${pipeline.name}' (was it created in another pipeline's body?)`));
          continue;
        }
        if (!(src.output in producer.node.component.interface.outputs)) {
          ds.push(diagnostic('task/unknown-output', path, `task '${producer.name}' has no output '${src.output}'; its outputs are: ${Object.keys(producer.node.component.interface.outputs).join(', ') || 'none'}`));
          continue;
        }
      } else if (src.kind === 'pipelineInput' && !(src.name in pipeline.interface.inputs)) {
        ds.push(diagnostic('task/dangling-reference', path, `the argument refers to pipeline input '${src.name}', which pipeline '${pipeline.name}' does not declare`));
        continue;
      }
      if (arg.kind === 'artifactChannel') {
        if (spec.kind !== 'artifact') ds.push(diagnostic('task/kind-mismatch', path, `an artifact (${arg.artifactType.schemaTitle}) was passed to ${describeSpec(spec)}; pass a parameter value`));
        else if (!artifactTypesCompatible(arg.artifactType, spec.artifactType))
          ds.push(diagnostic('task/type-mismatch', path, `a ${arg.artifactType.schemaTitle} artifact was passed to an input of type ${spec.artifactType.schemaTitle}`));
        else if (arg.isList !== spec.isList) ds.push(diagnostic('task/type-mismatch', path, `${arg.isList ? 'a list of artifacts' : 'a single artifact'} was passed to ${describeSpec(spec)}`));
      } else if (spec.kind !== 'parameter') {
        ds.push(diagnostic('task/kind-mismatch', path, `a parameter was passed to ${describeSpec(spec)}; pass an artifact output of another task`));
      } else if (
        // kfp compares PipelineTaskFinalStatus as a dict (STRUCT).
        // An int channel into a float input is refused too (kfp compares the types for equality).
        asDict(arg.parameterType) !== asDict(spec.parameterType) &&
        // kfp does not check loop items whose type it could not tell (its 'String' fallback).
        !(arg.source.kind === 'loopItem' && arg.typeName === 'String')
      ) {
        ds.push(diagnostic('task/type-mismatch', path, `a ${arg.parameterType} value was passed to a ${spec.parameterType} parameter`));
      }
      continue;
    }
    if (spec.kind === 'artifact') {
      ds.push(diagnostic('task/kind-mismatch', path, `a constant (${JSON.stringify(arg)}) was passed to ${describeSpec(spec)}; artifacts come from task outputs, pipeline inputs or an importer`));
      continue;
    }
    if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'stringTemplate') {
      if (spec.parameterType !== 'STRING') ds.push(diagnostic('task/type-mismatch', path, `a string template was passed to a ${spec.parameterType} parameter`));
      continue;
    }
    if (nestedChannels(arg).length === 0 && !valueFitsParameterType(arg, spec.parameterType))
      ds.push(diagnostic('task/type-mismatch', path, `the constant ${JSON.stringify(arg)} is not a ${spec.parameterType} (input '${name}' of component '${comp.name}')`));
  }
  for (const [name, spec] of Object.entries(comp.interface.inputs)) {
    if (spec.kind === 'invalid' || spec.optional || t.node.args[name] !== undefined) continue;
    if (spec.kind === 'parameter' && spec.parameterType === 'TASK_FINAL_STATUS') continue;
    ds.push(diagnostic('task/missing-input', pathAt(s, t, 'inputs', name), `component '${comp.name}' needs input '${name}' (${describeSpec(spec)}) and none was given`));
  }
  for (const a of t.node.after)
    if (!s.tasksById.has(a)) ds.push(diagnostic('task/dangling-reference', pathAt(s, t, 'after'), `.after() names a task that is not part of pipeline '${pipeline.name}'`));
  return ds;
}

/** A loop item exists only inside its loop: kfp cannot wire one captured and used after it. */
function checkLoopItemsInScope(t: TaskEntry, s: Structure): Diagnostic[] {
  const ds: Diagnostic[] = [];
  for (const [name, arg] of Object.entries(t.node.args)) {
    if (arg === undefined) continue;
    for (const ch of isChannel(arg) ? [arg] : nestedChannels(arg)) {
      let src = ch.source;
      while (src.kind === 'collected') src = src.inner.source;
      if (src.kind === 'loopItem' && !t.chain.includes(`for-loop-${src.loopId}`))
        ds.push(
          diagnostic(
            'graph/loop-item-outside-loop',
            pathAt(s, t, 'inputs', name),
            `the item of loop for-loop-${src.loopId} is used outside that loop; use it inside the loop body, or collect a task output with collected()`,
          ),
        );
    }
  }
  return ds;
}

/** kfp: "exit_task cannot depend on any other tasks" — it runs after the handler, whatever happened. */
function checkExitTaskIndependent(t: TaskEntry, s: Structure): Diagnostic[] {
  if (!t.isExitTask) return [];
  const args = Object.values(t.node.args).filter((a) => a !== undefined);
  const fed = args.some((a) => (isChannel(a) ? [a] : nestedChannels(a)).some((c) => c.source.kind === 'taskOutput'));
  // (`.after()` on an exit task is checked with the other cross-group dependencies.)
  if (!fed) return [];
  return [
    diagnostic(
      'graph/exit-task-dependency',
      pathAt(s, t),
      `exit task '${t.name}' depends on other tasks; an exit task may take pipeline parameters and constants only (and its PipelineTaskFinalStatus)`,
    ),
  ];
}

/** Cycles through data and `.after()` edges (possible when a handle is reused across bodies or built by hand). */
export function checkCycles(s: Structure): Diagnostic[] {
  const edges = new Map<string, string[]>();
  for (const t of s.tasks) {
    const ups = new Set<string>(t.node.after);
    for (const arg of Object.values(t.node.args)) {
      const chans = isChannel(arg) ? [arg] : nestedChannels(arg);
      for (const c of chans) if (c.source.kind === 'taskOutput') ups.add(c.source.taskId);
    }
    edges.set(t.node.id, [...ups]);
  }
  const state = new Map<string, 1 | 2>();
  const ds: Diagnostic[] = [];
  const stack: string[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const cycle = [...stack.slice(stack.indexOf(id)), id].map((x) => s.tasksById.get(x)?.name ?? x);
      ds.push(diagnostic('graph/cycle', [s.pipelineName, cycle[0]!], `tasks depend on each other in a cycle: ${cycle.join(' → ')}; remove one of the .after() calls or data links`));
      return;
    }
    state.set(id, 1);
    stack.push(id);
    for (const u of edges.get(id) ?? []) if (s.tasksById.has(u)) visit(u);
    stack.pop();
    state.set(id, 2);
  };
  for (const t of s.tasks) visit(t.node.id);
  return ds;
}
