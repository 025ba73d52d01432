import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { ArgNode, TaskNode } from '../dsl/task-node.ts';
import { kubernetesChannels } from './lower-kubernetes.ts';
import type { Structure } from './structure.ts';

/** kfp's `full_name` of a channel: `<task>-<output>` for task outputs, the name for inputs. */
export function channelFullName(ch: ChannelNode, s: Structure): string {
  const src = ch.source;
  switch (src.kind) {
    case 'pipelineInput':
      return src.name;
    case 'taskOutput':
      return `${s.tasksById.get(src.taskId)?.name ?? src.taskId}-${src.output}`;
    case 'loopItem':
      return `loop-item-param-${src.loopId}${src.subvar ? `-subvar-${src.subvar}` : ''}`;
    case 'collected':
      return channelFullName(src.inner, s);
  }
}

/** The compiler-injected input name for a channel (kfp: `pipelinechannel--<full name>`). */
export function injectedName(fullName: string): string {
  return `pipelinechannel--${fullName}`;
}

export function producerId(ch: ChannelNode): string | undefined {
  return ch.source.kind === 'taskOutput' ? ch.source.taskId : undefined;
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

function resourceChannels(task: TaskNode): ChannelNode[] {
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
