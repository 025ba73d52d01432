import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { IoSpec } from '../dsl/component-node.ts';
import { diagnostic } from '../diagnostics.ts';
import type { PassContext } from './context.ts';
import { artifactTypesCompatible } from './artifact-compatible.ts';

function describeChannel(ch: ChannelNode): string {
  if (ch.kind === 'parameterChannel') return `a ${ch.parameterType} value`;
  return ch.isList ? `a list of ${ch.artifactType.schemaTitle} artifacts` : `a ${ch.artifactType.schemaTitle} artifact`;
}

function describeOutput(spec: Extract<IoSpec, { kind: 'artifact' | 'parameter' }>): string {
  if (spec.kind === 'parameter') return `a ${spec.parameterType} output`;
  return spec.isList ? `a list-of-${spec.artifactType.schemaTitle} output` : `a ${spec.artifactType.schemaTitle} output`;
}

/**
 * kfp's type check of what a pipeline returns (`_validate_dag_output_types`, the same rules as for
 * task arguments): parameter types must be equal (an int is not surfaced as a float), an artifact
 * must match in list-ness and in type, where the generic `system.Artifact` on either side matches
 * any type. The types catch this in TypeScript; this is for `as any` and plain JavaScript. Outputs
 * that are not channels at all are reported where the outputs are lowered.
 */
export function checkPipelineOutputs(ctx: PassContext): void {
  const p = ctx.pipeline;
  for (const [name, ch] of Object.entries(p.outputs)) {
    const spec = p.interface.outputs[name];
    if (!spec || spec.kind === 'invalid' || !isChannel(ch)) continue;
    let compatible: boolean;
    if (ch.kind === 'parameterChannel') compatible = spec.kind === 'parameter' && ch.parameterType === spec.parameterType;
    else compatible = spec.kind === 'artifact' && ch.isList === spec.isList && artifactTypesCompatible(ch.artifactType, spec.artifactType);
    if (!compatible)
      ctx.report(
        diagnostic(
          'pipeline/output-type',
          [p.name, 'outputs', name],
          `pipeline '${p.name}' returns ${describeChannel(ch)} as ${describeOutput(spec)} '${name}'; return an output of the declared type or change the declaration`,
        ),
      );
  }
}
