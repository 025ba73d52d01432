import { DiagnosticError } from '../diagnostics.ts';
import { artifactChannel, parameterChannel, type ChannelNode, type ParameterChannel } from './channels.ts';
import { interfaceOf } from './interface.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { checkPipelineCall, checkReturnedOutputs } from './call-guards.ts';
import { bodyProblems } from './body-problems.ts';
import { requireMade } from './value-guards.ts';
import type { PipelineConfigNode } from './kubernetes-settings.ts';
import type { InterfaceNode } from './component-node.ts';
import type { PipelineNode } from './nodes.ts';
import type { RuntimePlaceholder } from './placeholders.ts';
import { BuildState, rootContainer, rootScope, type Scope } from './scope.ts';
import type { ParamsOf, ReturnsOf, StringTemplate } from './typing.ts';
import type { Pipeline } from './pipeline-handle.ts';

export type { Pipeline } from './pipeline-handle.ts';

/** Options of {@link pipeline}: its name, description, inputs and outputs. */
export interface PipelineOptions<I extends InputDecls, O extends OutputDecls> {
  /** The pipeline name; the KFP backend requires `^[a-z0-9][a-z0-9-]{0,127}$`. */
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  /** Where the backend stores this pipeline's artifacts unless a run says otherwise (kfp's `pipeline_root`). */
  readonly pipelineRoot?: string;
  readonly inputs?: I;
  readonly outputs?: O;
  /** kfp-kubernetes pipeline-level settings (workspace, TTL, …): `kubernetes.pipelineConfig({...})`. */
  readonly pipelineConfig?: PipelineConfigNode;
}

/** What a pipeline body returns: its outputs, when it declares any. */
export type PipelineBody<I extends InputDecls, O extends OutputDecls> = (
  params: ParamsOf<I>,
  scope: Scope,
) => keyof O extends never ? void : ReturnsOf<O>;

function paramsOf(iface: InterfaceNode): Record<string, ChannelNode> {
  const params: Record<string, ChannelNode> = {};
  for (const [name, spec] of Object.entries(iface.inputs)) {
    const source = { kind: 'pipelineInput', name } as const;
    if (spec.kind === 'artifact') params[name] = artifactChannel(source, spec.artifactType, spec.isList);
    else if (spec.kind === 'parameter') params[name] = parameterChannel(source, spec.parameterType, spec.typeName);
  }
  return params;
}

type PipelineMeta = Omit<PipelineOptions<InputDecls, OutputDecls>, 'inputs' | 'outputs'>;

/** A pipeline handle over an interface already in node form; the body runs on the first build. */
export function pipelineOf<I extends InputDecls, O extends OutputDecls>(
  options: PipelineMeta,
  iface: InterfaceNode,
  body: (params: Record<string, ChannelNode>, scope: Scope) => unknown,
): Pipeline<I, O> {
  let built: PipelineNode | undefined;
  const build = (): PipelineNode => {
    if (built) return built;
    const state = new BuildState();
    const root = rootContainer();
    let outputs: Record<string, ChannelNode> = {};
    try {
      const returned = body(paramsOf(iface), rootScope(state, root));
      if (returned && typeof returned === 'object') outputs = checkReturnedOutputs({ ...(returned as Record<string, ChannelNode>) }, Object.keys(iface.outputs), options.name);
    } catch (err) {
      state.problems.push(...bodyProblems(err));
    }
    const children = Object.freeze(state.freeze(root));
    state.close();
    built = madeByKfpTs(Object.freeze({
      kind: 'pipeline',
      name: options.name,
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
      ...(options.pipelineRoot !== undefined ? { pipelineRoot: options.pipelineRoot } : {}),
      interface: iface,
      children,
      outputs: Object.freeze(outputs),
      ...(options.pipelineConfig ? { pipelineConfig: options.pipelineConfig.options } : {}),
      problems: Object.freeze([...state.problems]),
    }));
    return built;
  };
  return madeByKfpTs(Object.freeze({ kind: 'pipelineHandle', name: options.name, build }));
}

/**
 * Defines a pipeline. The body receives the typed parameters and a scope to add tasks to.
 *
 * @example
 * export default pipeline(
 *   { name: 'hello', inputs: { who: z.string().default('world') } },
 *   (p, s) => { s.task(sayHello, { name: p.who }); },
 * );
 */
export function pipeline<const I extends InputDecls = {}, const O extends OutputDecls = {}>(
  options: PipelineOptions<I, O>,
  // NoInfer: I and O come from the options only. Inferred from where the result goes (a
  // `Pipeline` parameter) or from the body, O would widen to "any outputs" and the body would
  // have to return them.
  body: PipelineBody<NoInfer<I>, NoInfer<O>>,
): Pipeline<NoInfer<I>, NoInfer<O>> {
  // Plain JavaScript may pass anything; the options are checked and copied here, at the call.
  const checked = checkPipelineCall(options, body) as unknown as PipelineOptions<I, O>;
  return pipelineOf(checked, interfaceOf(checked.inputs, checked.outputs), body as (params: Record<string, ChannelNode>, scope: Scope) => unknown);
}

/**
 * A string argument with run-time values inside it (kfp's f-string arguments):
 * `` str`gs://bucket/${p.run}/data` ``, `` str`${runtime.workspacePath}/data` ``.
 */
export function str(strings: TemplateStringsArray, ...values: readonly (ParameterChannel | RuntimePlaceholder | string | number | boolean)[]): StringTemplate {
  const parts: (string | ParameterChannel | RuntimePlaceholder)[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push(s);
    if (i < values.length) {
      const v = values[i]!;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        requireMade(v, ['parameterChannel', 'placeholder'], 'str', `str\`\`'s value ${i + 1}`, 'a parameter, a runtime placeholder, a string, a number or a boolean');
      parts.push(typeof v === 'object' ? v : String(v));
    }
  });
  return madeByKfpTs(Object.freeze({ kind: 'stringTemplate', parts: Object.freeze(parts) }));
}
