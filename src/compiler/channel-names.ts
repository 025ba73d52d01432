import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { ArgNode, ParallelForNode, TaskNode } from '../dsl/task-node.ts';
import { kubernetesChannels } from './lower-kubernetes.ts';
import type { Structure } from './structure.ts';

/** The ParallelFor a loop item belongs to. */
export function loopOf(ch: ChannelNode, s: Structure): ParallelForNode | undefined {
  if (ch.source.kind !== 'loopItem') return undefined;
  const g = s.byName.get(`for-loop-${ch.source.loopId}`);
  return g?.kind === 'group' && g.node.kind === 'parallelFor' ? g.node : undefined;
}

/** The task whose output a channel comes from, through loops over task outputs (kfp's `channel.task_name`). */
export function producerId(ch: ChannelNode, s: Structure): string | undefined {
  if (ch.source.kind === 'taskOutput') return ch.source.taskId;
  const loop = loopOf(ch, s);
  return loop?.items.kind === 'channel' ? producerId(loop.items.channel, s) : undefined;
}

/** Whether a loop item (or one of its fields) iterates literal items (kfp's `is_with_items_loop_argument`). */
export function isWithItems(ch: ChannelNode, s: Structure): boolean {
  return loopOf(ch, s)?.items.kind === 'raw';
}

/**
 * kfp's `name` of a channel: the output key or input name; for a loop item
 * `loop-item-param-<n>` (literal items) or `<items name>-loop-item`, plus `-subvar-<field>`.
 */
export function channelShortName(ch: ChannelNode, s: Structure): string {
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
      return (s.collected?.bySource.get(src) ?? s.collected?.surfaced.get(JSON.stringify(src)))?.key ?? channelShortName(src.inner, s);
    case 'oneOf':
      return (s.collected?.bySource.get(src) ?? s.collected?.surfaced.get(JSON.stringify(src)))?.key ?? `oneof-${src.seq}`;
  }
}

/**
 * The task or group a channel is read from: its producer task, the task whose output list a loop
 * iterates, or the loop group that surfaces a collected output.
 */
export function producerName(ch: ChannelNode, s: Structure): string | undefined {
  if (ch.source.kind === 'collected' || ch.source.kind === 'oneOf') return (s.collected?.bySource.get(ch.source) ?? s.collected?.surfaced.get(JSON.stringify(ch.source)))?.group;
  const pid = producerId(ch, s);
  return pid ? (s.tasksById.get(pid)?.name ?? pid) : undefined;
}

/** kfp's `full_name` of a channel: `<task>-<name>` when a task produces it, else its name. */
export function channelFullName(ch: ChannelNode, s: Structure): string {
  const producer = producerName(ch, s);
  const name = channelShortName(ch, s);
  return producer ? `${producer}-${name}` : name;
}

/**
 * kfp's chain from a channel to what it is drawn from: a field → its loop item → the loop's items
 * channel → (when that is itself a loop item) … → the outermost channel. Literal items end it.
 */
export function loopChain(ch: ChannelNode, s: Structure): ChannelNode[] {
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

/** Channels nested in a non-channel argument (string templates, lists, objects). */
export function nestedChannels(arg: ArgNode): ChannelNode[] {
  const out: ChannelNode[] = [];
  const walk = (v: unknown): void => {
    if (isChannel(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ((v as { kind?: unknown }).kind === 'stringTemplate') (v as { parts: unknown[] }).parts.forEach(walk);
      else Object.values(v).forEach(walk);
    }
  };
  walk(arg);
  return out;
}

export function resourceChannels(task: TaskNode): ChannelNode[] {
  const r = task.config.resources ?? {};
  const values: unknown[] = [r.cpuRequest, r.cpuLimit, r.memoryRequest, r.memoryLimit, r.acceleratorType, r.acceleratorCount, task.config.containerImage];
  return values.filter((v): v is ChannelNode => isChannel(v));
}

/**
 * kfp's `task.channel_inputs`: direct channel arguments, then channels inside other arguments,
 * then those the task's settings use (resources, image, kfp-kubernetes parameters).
 */
export function taskChannelInputs(task: TaskNode): ChannelNode[] {
  const args = Object.values(task.args);
  const direct = args.filter(isChannel);
  const nested = args.filter((a) => !isChannel(a)).flatMap(nestedChannels);
  const all = [...direct, ...nested, ...resourceChannels(task), ...kubernetesChannels(task.config.kubernetes)];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = JSON.stringify(c.source);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
