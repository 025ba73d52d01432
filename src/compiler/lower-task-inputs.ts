import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import { isRuntimePlaceholder } from '../dsl/placeholders.ts';
import type { ArgNode } from '../dsl/task-config.ts';
import type { InputArtifactSpec, InputParameterSpec, JsonValue, TaskInputsSpec } from '../ir/index.ts';
import { nestedChannels } from './arg-channels.ts';
import { channelFullName, channelPlaceholder, channelShortName, injectedName, loopOf, producerName } from './channel-names.ts';
import type { DagView, Naming, TaskEntry } from './context.ts';

/** A loop item's field read out of the item (`parseJson(string_value)["field"]`). */
export const fieldSelector = (field: string): string => `parseJson(string_value)["${field}"]`;

/** The task or group a task-output, collected() or oneOf() channel is read from; undefined for other channels. */
function readFrom(ch: ChannelNode, s: Naming): string | undefined {
  return ch.source.kind === 'taskOutput' || ch.source.kind === 'collected' || ch.source.kind === 'oneOf' ? producerName(ch, s) : undefined;
}

/** How a parameter channel reaches a task inside `dag`: from a sibling's output or from the DAG's inputs. */
export function parameterSource(ch: ChannelNode, s: Naming, dag: DagView): InputParameterSpec {
  const fullName = channelFullName(ch, s);
  const producer = readFrom(ch, s);
  if (producer !== undefined) {
    if (dag.siblings.has(producer)) return { taskOutputParameter: { outputParameterKey: channelShortName(ch, s), producerTask: producer } };
    return { componentInputParameter: injectedName(fullName) };
  }
  return { componentInputParameter: dag.inputParameters.has(fullName) ? fullName : injectedName(fullName) };
}

/** How an artifact channel reaches a task inside `dag`. */
export function artifactSource(ch: ChannelNode, s: Naming, dag: DagView): InputArtifactSpec {
  const fullName = channelFullName(ch, s);
  const producer = readFrom(ch, s);
  if (producer !== undefined) {
    if (dag.siblings.has(producer)) return { taskOutputArtifact: { outputArtifactKey: channelShortName(ch, s), producerTask: producer } };
    return { componentInputArtifact: injectedName(fullName) };
  }
  return { componentInputArtifact: dag.inputArtifacts.has(fullName) ? fullName : injectedName(fullName) };
}

/** A task's argument that is a loop item or one of its fields: always the enclosing DAG's item input. */
export function loopItemParameter(c: ChannelNode, s: Naming): InputParameterSpec {
  const loop = loopOf(c, s);
  const field = c.source.kind === 'loopItem' ? c.source.subvar : undefined;
  if (field !== undefined && loop) return { componentInputParameter: injectedName(channelFullName(loop.item, s)), parameterExpressionSelector: fieldSelector(field) };
  return { componentInputParameter: injectedName(channelFullName(c, s)) };
}

/**
 * A constant with its channels replaced by `{{$.inputs.parameters['pipelinechannel--…']}}`, and
 * runtime placeholders by their text (kfp's `dsl.*_PLACEHOLDER` are plain strings).
 */
function constantJson(arg: unknown, s: Naming): JsonValue {
  if (isChannel(arg)) return channelPlaceholder(arg, s);
  if (isRuntimePlaceholder(arg)) return arg.ref.expression;
  if (arg === null || typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean') return arg;
  if (Array.isArray(arg)) return arg.map((v: unknown) => constantJson(v, s));
  if (typeof arg === 'object') {
    if ((arg as { kind?: unknown }).kind === 'stringTemplate') return (arg as { parts: readonly unknown[] }).parts.map((p) => constantJson(p, s)).join('');
    return Object.fromEntries(Object.entries(arg).filter(([, v]) => v !== undefined).map(([k, v]) => [k, constantJson(v, s)]));
  }
  // What JSON cannot hold (undefined in a list, a function): null, as JSON.stringify writes it.
  return null;
}

/**
 * `inputs` of a task spec: each argument, plus the injected inputs its templates need; `extra`
 * are arguments the task's settings add (kfp passes parameter-valued resources and images as inputs).
 */
export function lowerTaskInputs(t: TaskEntry, s: Naming, dag: DagView, extra: Readonly<Record<string, ArgNode>> = {}): TaskInputsSpec | undefined {
  const parameters: Record<string, InputParameterSpec> = {};
  const artifacts: Record<string, InputArtifactSpec> = {};
  for (const [name, arg] of Object.entries({ ...t.node.args, ...extra })) {
    if (arg === undefined) continue;
    if (isChannel(arg)) {
      if (arg.kind === 'artifactChannel') artifacts[name] = arg.source.kind === 'loopItem' ? { componentInputArtifact: injectedName(channelFullName(arg, s)) } : artifactSource(arg, s, dag);
      else parameters[name] = arg.source.kind === 'loopItem' ? loopItemParameter(arg, s) : parameterSource(arg, s, dag);
      continue;
    }
    for (const ch of nestedChannels(arg)) {
      const injected = injectedName(channelFullName(ch, s));
      // A loop item's field the DAG does not receive as such is read out of the item (kfp feeds
      // the field from an input that does not exist).
      const fromItem = ch.source.kind === 'loopItem' && ch.source.subvar !== undefined && !dag.inputParameters.has(injected);
      parameters[injected] = fromItem ? loopItemParameter(ch, s) : parameterSource(ch, s, dag);
    }
    parameters[name] = { runtimeValue: { constant: constantJson(arg, s) } };
  }
  const hasP = Object.keys(parameters).length > 0;
  const hasA = Object.keys(artifacts).length > 0;
  return hasP || hasA ? { ...(hasA ? { artifacts } : {}), ...(hasP ? { parameters } : {}) } : undefined;
}
