/**
 * kfp's names of channels (`name`, `full_name`, the injected `pipelinechannel--…` inputs) and
 * where a channel is read from, over the fixed names of the compile.
 */
import type { ChannelNode } from '../dsl/channels.ts';
import type { ParallelForNode } from '../dsl/nodes.ts';
import type { Naming } from './context.ts';

/** The ParallelFor a loop item belongs to. */
export function loopOf(ch: ChannelNode, s: Naming): ParallelForNode | undefined {
  if (ch.source.kind !== 'loopItem') return undefined;
  const g = s.byName.get(`for-loop-${ch.source.loopId}`);
  return g?.kind === 'group' && g.node.kind === 'parallelFor' ? g.node : undefined;
}

/** The task whose output a channel comes from, through loops over task outputs (kfp's `channel.task_name`). */
export function producerId(ch: ChannelNode, s: Naming): string | undefined {
  if (ch.source.kind === 'taskOutput') return ch.source.taskId;
  const loop = loopOf(ch, s);
  return loop?.items.kind === 'channel' ? producerId(loop.items.channel, s) : undefined;
}

/** Whether a loop item (or one of its fields) iterates literal items (kfp's `is_with_items_loop_argument`). */
export function isWithItems(ch: ChannelNode, s: Naming): boolean {
  return loopOf(ch, s)?.items.kind === 'raw';
}

/**
 * kfp's `name` of a channel: the output key or input name; for a loop item
 * `loop-item-param-<n>` (literal items) or `<items name>-loop-item`, plus `-subvar-<field>`.
 */
export function channelShortName(ch: ChannelNode, s: Naming): string {
  const src = ch.source;
  switch (src.kind) {
    case 'pipelineInput':
      return src.name;
    case 'taskOutput':
      return src.output;
    case 'loopItem': {
      const loop = loopOf(ch, s);
      const base = !loop || loop.items.kind === 'raw' ? `loop-item-param-${loop?.itemCode ?? src.loopId}` : `${channelShortName(loop.items.channel, s)}-loop-item`;
      return src.subvar !== undefined ? `${base}-subvar-${src.subvar}` : base;
    }
    case 'collected':
      return surfacedAt(src, s)?.key ?? channelShortName(src.inner, s);
    case 'oneOf':
      return surfacedAt(src, s)?.key ?? `oneof-${src.seq}`;
  }
}

/** Where a collected()/oneOf() value surfaces: for its own consumer, else where the same output first does. */
function surfacedAt(source: ChannelNode['source'], s: Naming): { readonly group: string; readonly key: string } | undefined {
  return s.collected.bySource.get(source) ?? s.collected.surfaced.get(JSON.stringify(source));
}

/**
 * The task or group a channel is read from: its producer task, the task whose output list a loop
 * iterates, or the loop group that surfaces a collected output.
 */
export function producerName(ch: ChannelNode, s: Naming): string | undefined {
  if (ch.source.kind === 'collected' || ch.source.kind === 'oneOf') return surfacedAt(ch.source, s)?.group;
  const pid = producerId(ch, s);
  return pid ? (s.tasksById.get(pid)?.name ?? pid) : undefined;
}

/** kfp's `full_name` of a channel: `<task>-<name>` when a task produces it, else its name. */
export function channelFullName(ch: ChannelNode, s: Naming): string {
  const producer = producerName(ch, s);
  const name = channelShortName(ch, s);
  return producer ? `${producer}-${name}` : name;
}

/**
 * kfp's chain from a channel to what it is drawn from: a field → its loop item → the loop's items
 * channel → (when that is itself a loop item) … → the outermost channel. Literal items end it.
 */
export function loopChain(ch: ChannelNode, s: Naming): ChannelNode[] {
  const out: ChannelNode[] = [];
  let cur: ChannelNode | undefined = ch;
  while (cur && cur.source.kind === 'loopItem') {
    out.push(cur);
    const loop = loopOf(cur, s);
    if (!loop) return out;
    cur = cur.source.subvar !== undefined ? loop.item : loop.items.kind === 'channel' ? loop.items.channel : undefined;
  }
  if (cur) out.push(cur);
  return out;
}

/** The compiler-injected input name for a channel (kfp: `pipelinechannel--<full name>`). */
export function injectedName(fullName: string): string {
  return `pipelinechannel--${fullName}`;
}

/** How a task's command line or settings read a channel: the placeholder of its injected input. */
export function channelPlaceholder(ch: ChannelNode, s: Naming): string {
  return `{{$.inputs.parameters['${injectedName(channelFullName(ch, s))}']}}`;
}
