import type { ChannelNode } from '../dsl/channels.ts';
import type { ParallelForNode } from '../dsl/nodes.ts';
import type { ArtifactIteratorSpec, InputParameterSpec, IteratorPolicy, ParameterIteratorSpec } from '../ir/index.ts';
import { channelFullName, channelShortName, injectedName, isWithItems, loopOf } from './channel-names.ts';
import type { GroupEntry, Naming } from './context.ts';
import { fieldSelector } from './lower-task-inputs.ts';
import { pythonJsonDumps } from './python-json.ts';

/**
 * The inputs of a ParallelFor group, as kfp "punches the hole": the channels its body needs
 * (minus fields and items of literal loops that are not its own or an enclosing loop's), then
 * the items channel, then the loop item itself.
 */
export function loopGroupChannels(g: GroupEntry, node: ParallelForNode, needed: readonly ChannelNode[], s: Naming): ChannelNode[] {
  const loopsAround: ParallelForNode[] = [];
  for (let e: GroupEntry | undefined = g; e; e = e.parent) if (e.node.kind === 'parallelFor') loopsAround.push(e.node);
  const kept = needed.filter(
    (c) => !(c.source.kind === 'loopItem' && isWithItems(c, s)) || loopsAround.some((l) => channelShortName(l.item, s).includes(channelShortName(c, s))),
  );
  return [...kept, ...(node.items.kind === 'channel' ? [node.items.channel] : []), node.item];
}

/** What a ParallelFor adds to its group task. */
export interface LoopFragment {
  readonly iterator: { readonly parameterIterator: ParameterIteratorSpec } | { readonly artifactIterator: ArtifactIteratorSpec };
  /** The loop item's own input, which the task does not receive (the backend fills it per iteration). */
  readonly itemInput: string;
  /** Iterating a field of an outer loop's item: the items input, read out of that item. */
  readonly itemsFromOuterItem?: { readonly name: string; readonly source: InputParameterSpec };
  readonly iteratorPolicy?: IteratorPolicy;
}

/**
 * The iterator of a ParallelFor task: over literal items (written as Python's
 * `json.dumps(items, sort_keys=True)`), over a LIST input, or over a list-of-artifacts input.
 */
export function lowerLoop(node: ParallelForNode, s: Naming): LoopFragment {
  const itemInput = injectedName(channelFullName(node.item, s));
  const policy = node.parallelism > 0 ? { iteratorPolicy: { parallelismLimit: node.parallelism } } : {};
  if (node.items.kind === 'raw') return { iterator: { parameterIterator: { itemInput, items: { raw: pythonJsonDumps(node.items.values, true) } } }, itemInput, ...policy };
  const items = node.items.channel;
  const itemsInput = injectedName(channelFullName(items, s));
  if (items.kind === 'artifactChannel') return { iterator: { artifactIterator: { itemInput, items: { inputArtifact: itemsInput } } }, itemInput, ...policy };
  const field = items.source.kind === 'loopItem' ? items.source.subvar : undefined;
  const outer = loopOf(items, s);
  return {
    iterator: { parameterIterator: { itemInput, items: { inputParameter: itemsInput } } },
    itemInput,
    ...(field !== undefined && outer
      ? { itemsFromOuterItem: { name: itemsInput, source: { componentInputParameter: injectedName(channelFullName(outer.item, s)), parameterExpressionSelector: fieldSelector(field) } } }
      : {}),
    ...policy,
  };
}
