import type { PassContext } from './context.ts';
import { diagnostic } from '../diagnostics.ts';
import { valueFitsParameterType } from '../dsl/parameter-values.ts';
import { artifactTypeProblem } from './io-spec-rules.ts';

const PIPELINE_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** Pipeline-level checks: the name rule, declarations, and problems the body recorded. */
export function checkPipeline(ctx: PassContext, taskName: (id: string) => string | undefined = () => undefined): void {
  const { pipeline: p, report } = ctx;
  const pipelineParameters = ctx.options.pipelineParameters;
  for (const prob of p.problems) {
    const task = prob.task === undefined ? undefined : taskName(prob.task);
    report(diagnostic(prob.code, [p.name, ...(task !== undefined ? [task] : []), ...prob.path], prob.message));
  }
  // kfp: "Task is missing from pipeline."
  if (p.children.length === 0 && p.problems.length === 0)
    report(diagnostic('pipeline/no-tasks', [p.name], `pipeline '${p.name}' has no tasks; add at least one task to its body`));
  if (!PIPELINE_NAME.test(p.name))
    report(
      diagnostic(
        'pipeline/invalid-name',
        [p.name, 'name'],
        `the pipeline name '${p.name}' is not valid: the KFP backend requires lower-case letters, digits and '-', starting with a letter or digit, at most 128 characters (^[a-z0-9][a-z0-9-]{0,127}$); e.g. '${p.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'my-pipeline'}'`,
      ),
    );
  for (const [name, spec] of Object.entries(p.interface.inputs)) {
    const path = [p.name, 'inputs', name];
    if (spec.kind === 'invalid') report(diagnostic('pipeline/invalid-input', path, spec.message));
    const typeProblem = artifactTypeProblem(spec);
    if (typeProblem) report(diagnostic('pipeline/invalid-artifact-type', path, typeProblem));
    else if (spec.kind === 'parameter' && spec.defaultValue !== undefined && !valueFitsParameterType(spec.defaultValue, spec.parameterType))
      report(diagnostic('pipeline/default-type', path, `the default ${JSON.stringify(spec.defaultValue)} is not a ${spec.parameterType}`));
  }
  for (const [name, value] of Object.entries(pipelineParameters ?? {})) {
    const spec = p.interface.inputs[name];
    const path = [p.name, 'inputs', name];
    if (!spec) report(diagnostic('pipeline/unknown-parameter', path, `--pipeline-parameters names '${name}', which is not a parameter of the pipeline (it has: ${Object.keys(p.interface.inputs).join(', ') || 'none'})`));
    else if (spec.kind !== 'parameter') report(diagnostic('pipeline/parameter-kind', path, `'${name}' is an artifact input; only parameters can be given default values`));
    else if (!valueFitsParameterType(value, spec.parameterType))
      report(diagnostic('pipeline/parameter-type', path, `the value ${JSON.stringify(value)} for '${name}' is not a ${spec.parameterType}`));
  }
}
