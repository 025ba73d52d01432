import { isChannel } from '../dsl/channels.ts';
import { valueFitsParameterType } from '../dsl/parameter-values.ts';
import { diagnostic } from '../diagnostics.ts';
import { argChannels, nestedChannels } from './arg-channels.ts';
import { artifactTypesCompatible } from './artifact-compatible.ts';
import { pathAt, type NamedContext, type TaskEntry } from './context.ts';
import { artifactTypeProblem, describeSpec } from './io-spec-rules.ts';
import { withRuntimeText } from './runtime-text.ts';

/** kfp compares a PipelineTaskFinalStatus as a dict. */
const asDict = (t: string): string => (t === 'TASK_FINAL_STATUS' ? 'STRUCT' : t);

/**
 * Argument checks, for arguments the type system could not see (plain JavaScript, `as any`):
 * unknown inputs, missing required inputs, wrong kinds, constants of the wrong type, references to
 * outputs or tasks that do not exist.
 */
export function checkTaskArgs(ctx: NamedContext, t: TaskEntry): void {
  const { pipeline, naming: s, report } = ctx;
  const comp = t.node.component;
  checkLoopItemsInScope(ctx, t);
  checkExitTaskIndependent(ctx, t);
  for (const [name, spec] of Object.entries(comp.interface.inputs)) {
    if (spec.kind === 'invalid') report(diagnostic('component/invalid-input', pathAt(s, t, 'component', 'inputs', name), spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) report(diagnostic('component/invalid-artifact-type', pathAt(s, t, 'component', 'inputs', name), typeProblem));
  }
  for (const [name, spec] of Object.entries(comp.interface.outputs)) {
    const path = pathAt(s, t, 'component', 'outputs', name);
    if (spec.kind === 'invalid') report(diagnostic('component/invalid-output', path, spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) report(diagnostic('component/invalid-artifact-type', path, typeProblem));
    // kfp: "Output lists of artifacts are only supported for pipelines" (Python and container
    // components only; a pipeline, also one loaded from IR, may output a list).
    const primitive = comp.implementation.kind === 'python' || comp.implementation.kind === 'container';
    if (primitive && spec.kind === 'artifact' && spec.isList)
      report(diagnostic('component/output-artifact-list', path, `component '${comp.name}' declares a list of artifacts as output '${name}'; kfp allows output lists of artifacts only for pipelines: declare one artifact`));
  }

  for (const [name, given] of Object.entries(t.node.args)) {
    const path = pathAt(s, t, 'inputs', name);
    const spec = comp.interface.inputs[name];
    if (given === undefined) continue;
    const arg = withRuntimeText(given) as typeof given;
    if (!spec) {
      report(diagnostic('task/unknown-input', path, `component '${comp.name}' has no input '${name}'; its inputs are: ${Object.keys(comp.interface.inputs).join(', ') || 'none'}`));
      continue;
    }
    if (spec.kind === 'invalid') continue;
    if (isChannel(arg)) {
      const src = arg.source;
      if (src.kind === 'taskOutput') {
        const producer = s.tasksById.get(src.taskId);
        if (!producer) {
          report(diagnostic('task/dangling-reference', path, `the argument refers to a task that is not part of pipeline '${pipeline.name}' (was it created in another pipeline's body?)`));
          continue;
        }
        if (!(src.output in producer.node.component.interface.outputs)) {
          report(diagnostic('task/unknown-output', path, `task '${producer.name}' has no output '${src.output}'; its outputs are: ${Object.keys(producer.node.component.interface.outputs).join(', ') || 'none'}`));
          continue;
        }
      } else if (src.kind === 'pipelineInput' && !(src.name in pipeline.interface.inputs)) {
        report(diagnostic('task/dangling-reference', path, `the argument refers to pipeline input '${src.name}', which pipeline '${pipeline.name}' does not declare`));
        continue;
      }
      if (arg.kind === 'artifactChannel') {
        if (spec.kind !== 'artifact') report(diagnostic('task/kind-mismatch', path, `an artifact (${arg.artifactType.schemaTitle}) was passed to ${describeSpec(spec)}; pass a parameter value`));
        else if (!artifactTypesCompatible(arg.artifactType, spec.artifactType))
          report(diagnostic('task/type-mismatch', path, `a ${arg.artifactType.schemaTitle} artifact was passed to an input of type ${spec.artifactType.schemaTitle}`));
        else if (arg.isList !== spec.isList) report(diagnostic('task/type-mismatch', path, `${arg.isList ? 'a list of artifacts' : 'a single artifact'} was passed to ${describeSpec(spec)}`));
      } else if (spec.kind !== 'parameter') {
        report(diagnostic('task/kind-mismatch', path, `a parameter was passed to ${describeSpec(spec)}; pass an artifact output of another task`));
      } else if (
        // kfp compares PipelineTaskFinalStatus as a dict (STRUCT).
        // An int channel into a float input is refused too (kfp compares the types for equality).
        asDict(arg.parameterType) !== asDict(spec.parameterType) &&
        // kfp does not check loop items whose type it could not tell (its 'String' fallback).
        !(arg.source.kind === 'loopItem' && arg.typeName === 'String')
      ) {
        report(diagnostic('task/type-mismatch', path, `a ${arg.parameterType} value was passed to a ${spec.parameterType} parameter`));
      }
      continue;
    }
    if (spec.kind === 'artifact') {
      report(diagnostic('task/kind-mismatch', path, `a constant (${JSON.stringify(arg)}) was passed to ${describeSpec(spec)}; artifacts come from task outputs, pipeline inputs or an importer`));
      continue;
    }
    // Stryker disable next-line ConditionalExpression: reading .kind of a string, number or boolean gives undefined, so the typeof test matters only for null, which arg !== null refuses too
    if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'stringTemplate') {
      if (spec.parameterType !== 'STRING') report(diagnostic('task/type-mismatch', path, `a string template was passed to a ${spec.parameterType} parameter`));
      continue;
    }
    if (nestedChannels(arg).length === 0 && !valueFitsParameterType(arg, spec.parameterType))
      report(diagnostic('task/type-mismatch', path, `the constant ${JSON.stringify(arg)} is not a ${spec.parameterType} (input '${name}' of component '${comp.name}')`));
  }
  for (const [name, spec] of Object.entries(comp.interface.inputs)) {
    if (spec.kind === 'invalid' || spec.optional || t.node.args[name] !== undefined) continue;
    if (spec.kind === 'parameter' && spec.parameterType === 'TASK_FINAL_STATUS') continue;
    report(diagnostic('task/missing-input', pathAt(s, t, 'inputs', name), `component '${comp.name}' needs input '${name}' (${describeSpec(spec)}) and none was given`));
  }
  for (const a of t.node.after)
    if (!s.tasksById.has(a)) report(diagnostic('task/dangling-reference', pathAt(s, t, 'after'), `.after() names a task that is not part of pipeline '${pipeline.name}'`));
}

/** A loop item exists only inside its loop: kfp cannot wire one captured and used after it. */
function checkLoopItemsInScope(ctx: NamedContext, t: TaskEntry): void {
  for (const [name, arg] of Object.entries(t.node.args)) {
    // Stryker disable next-line ConditionalExpression: argChannels(undefined) is empty, so skipping an undefined argument changes nothing
    if (arg === undefined) continue;
    for (const ch of argChannels(arg)) {
      let src = ch.source;
      while (src.kind === 'collected') src = src.inner.source;
      if (src.kind === 'loopItem' && !t.chain.includes(`for-loop-${src.loopId}`))
        ctx.report(
          diagnostic(
            'graph/loop-item-outside-loop',
            pathAt(ctx.naming, t, 'inputs', name),
            `the item of loop for-loop-${src.loopId} is used outside that loop; use it inside the loop body, or collect a task output with collected()`,
          ),
        );
    }
  }
}

/** kfp: "exit_task cannot depend on any other tasks" — it runs after the handler, whatever happened. */
function checkExitTaskIndependent(ctx: NamedContext, t: TaskEntry): void {
  if (!t.isExitTask) return;
  // Stryker disable next-line MethodExpression,ConditionalExpression: argChannels(undefined) is empty, so an undefined argument feeds nothing either way
  const args = Object.values(t.node.args).filter((a) => a !== undefined);
  const fed = args.some((a) => argChannels(a).some((c) => c.source.kind === 'taskOutput'));
  // (`.after()` on an exit task is checked with the other cross-group dependencies.)
  if (!fed) return;
  ctx.report(
    diagnostic(
      'graph/exit-task-dependency',
      pathAt(ctx.naming, t),
      `exit task '${t.name}' depends on other tasks; an exit task may take pipeline parameters and constants only (and its PipelineTaskFinalStatus)`,
    ),
  );
}
