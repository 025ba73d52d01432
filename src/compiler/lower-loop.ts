import type { ChannelNode } from '../dsl/channels.ts';
import type { ParallelForNode } from '../dsl/task-node.ts';
import { channelFullName, channelShortName, injectedName, isWithItems, loopOf, producerId, producerName } from './channel-names.ts';
import type { DagView } from './lower-task.ts';
import { pythonJsonDumps } from './python-json.ts';
import type { GroupEntry, Structure } from './structure.ts';

type Json = Record<string, unknown>;

const selector = (field: string): string => `parseJson(string_value)["${field}"]`;

/**
 * The inputs of a ParallelFor group, as kfp "punches the hole": the channels its body needs
 * (minus fields and items of literal loops that are not its own or an enclosing loop's), then
 * the items channel, then the loop item itself.
 */
export function loopGroupChannels(g: GroupEntry, needed: readonly ChannelNode[], s: Structure): ChannelNode[] {
  const node = g.node as ParallelForNode;
  const loopsAround: ParallelForNode[] = [];
  for (let e: GroupEntry | undefined = g; e; e = e.parent) if (e.node.kind === 'parallelFor') loopsAround.push(e.node);
  const kept = needed.filter(
    (c) =>
      !(c.source.kind === 'loopItem' && isWithItems(c, s)) ||
      loopsAround.some((l) => channelShortName(l.item, s).includes(channelShortName(c, s))),
  );
  return [...kept, ...(node.items.kind === 'channel' ? [node.items.channel] : []), node.item];
}

/**
 * How a group task receives one of its channels from the DAG around it (kfp's
 * `build_task_spec_for_group`): a sibling's output, else the DAG's input — by its bare name at the
 * root, as `pipelinechannel--…` below. A loop item's field is read from the item's input with a
 * `parameterExpressionSelector`.
 */
export function groupInputSource(c: ChannelNode, s: Structure, dag: DagView, parentIsRoot: boolean): Json {
  const loop = loopOf(c, s);
  const field = c.source.kind === 'loopItem' ? c.source.subvar : undefined;
  const fullName = field !== undefined && loop ? channelFullName(loop.item, s) : channelFullName(c, s);
  const key =
    field !== undefined && loop && loop.items.kind === 'channel' ? channelShortName(loop.items.channel, s) : channelShortName(c, s);
  const pid = producerId(c, s);
  // A collected()/oneOf() output is read from the group that surfaces it.
  const producer = c.source.kind === 'collected' || c.source.kind === 'oneOf' ? producerName(c, s) : pid ? s.tasksById.get(pid)?.name : undefined;
  let out: Json;
  if (c.kind === 'artifactChannel') {
    out =
      producer && dag.siblings.has(producer)
        ? { taskOutputArtifact: { outputArtifactKey: key, producerTask: producer } }
        : { componentInputArtifact: parentIsRoot ? fullName : injectedName(fullName) };
  } else if (producer && dag.siblings.has(producer)) {
    out = { taskOutputParameter: { outputParameterKey: key, producerTask: producer } };
  } else {
    out = { componentInputParameter: parentIsRoot ? fullName : injectedName(fullName) };
  }
  if (field !== undefined) out.parameterExpressionSelector = selector(field);
  return out;
}

/** A task's argument that is a loop item or one of its fields: always the enclosing DAG's item input. */
export function loopItemInput(c: ChannelNode, s: Structure): Json {
  const loop = loopOf(c, s);
  const field = c.source.kind === 'loopItem' ? c.source.subvar : undefined;
  if (field !== undefined && loop)
    return { componentInputParameter: injectedName(channelFullName(loop.item, s)), parameterExpressionSelector: selector(field) };
  if (c.kind === 'artifactChannel') return { componentInputArtifact: injectedName(channelFullName(c, s)) };
  return { componentInputParameter: injectedName(channelFullName(c, s)) };
}

/**
 * The iterator of a ParallelFor task: over literal items (written as Python's
 * `json.dumps(items, sort_keys=True)`), over a LIST input, or over a list-of-artifacts input; the
 * item's own input is dropped from the task's inputs (the backend fills it per iteration).
 */
export function addLoopIterator(node: ParallelForNode, spec: Json, s: Structure): void {
  const itemInput = injectedName(channelFullName(node.item, s));
  const inputs = (spec.inputs ?? {}) as { parameters?: Json; artifacts?: Json };
  if (node.items.kind === 'channel' && node.items.channel.kind === 'artifactChannel') {
    spec.artifactIterator = { itemInput, items: { inputArtifact: injectedName(channelFullName(node.items.channel, s)) } };
    if (inputs.artifacts) {
      delete inputs.artifacts[itemInput];
      if (Object.keys(inputs.artifacts).length === 0) delete inputs.artifacts;
    }
  } else if (node.items.kind === 'raw') {
    spec.parameterIterator = { itemInput, items: { raw: pythonJsonDumps(node.items.values, true) } };
  } else {
    const items = node.items.channel;
    const itemsInput = injectedName(channelFullName(items, s));
    spec.parameterIterator = { itemInput, items: { inputParameter: itemsInput } };
    // Iterating a field of an outer loop's item: read the field out of that item.
    const field = items.source.kind === 'loopItem' ? items.source.subvar : undefined;
    const outer = loopOf(items, s);
    if (field !== undefined && outer && inputs.parameters)
      inputs.parameters[itemsInput] = { componentInputParameter: injectedName(channelFullName(outer.item, s)), parameterExpressionSelector: selector(field) };
  }
  if (inputs.parameters) {
    delete inputs.parameters[itemInput];
    if (Object.keys(inputs.parameters).length === 0) delete inputs.parameters;
  }
  if (spec.inputs && Object.keys(spec.inputs).length === 0) delete spec.inputs;
  if (node.parallelism > 0) spec.iteratorPolicy = { parallelismLimit: node.parallelism };
}
