import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { TaskNode } from '../dsl/nodes.ts';
import type { ArgNode } from '../dsl/task-config.ts';
import { kubernetesChannels } from './kubernetes-fold.ts';

/** Channels nested in a non-channel argument (string templates, lists, objects). */
export function nestedChannels(arg: ArgNode): ChannelNode[] {
  const out: ChannelNode[] = [];
  const walk = (v: unknown): void => {
    if (isChannel(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      // Stryker disable next-line ConditionalExpression,StringLiteral: the other branch walks Object.values of the template, which are its kind (a string) and its parts, so the same channels are found
      if ((v as { kind?: unknown }).kind === 'stringTemplate') (v as { parts: unknown[] }).parts.forEach(walk);
      else Object.values(v).forEach(walk);
    }
  };
  walk(arg);
  return out;
}

/** An argument's channels: itself when it is one, else those nested in it. */
export function argChannels(arg: ArgNode): ChannelNode[] {
  return isChannel(arg) ? [arg] : nestedChannels(arg);
}

/** The channels a task's resources use (cpu, memory, accelerator), and its container image when asked. */
export function resourceChannels(task: TaskNode, withImage = true): ChannelNode[] {
  const r = task.config.resources ?? {};
  // Stryker disable next-line ArrayDeclaration: the list is filtered to channels, so a string in it is dropped
  const values: unknown[] = [r.cpuRequest, r.cpuLimit, r.memoryRequest, r.memoryLimit, r.acceleratorType, r.acceleratorCount, ...(withImage ? [task.config.containerImage] : [])];
  return values.filter((v): v is ChannelNode => isChannel(v));
}

/**
 * kfp's `task.channel_inputs`: direct channel arguments, then channels inside other arguments,
 * then those the task's settings use (resources — unless left out —, image, kfp-kubernetes
 * parameters), each source once.
 */
export function taskChannelInputs(task: TaskNode, withResources = true): ChannelNode[] {
  const args = Object.values(task.args);
  const direct = args.filter(isChannel);
  const nested = args.filter((a) => !isChannel(a)).flatMap(nestedChannels);
  const image = task.config.containerImage;
  const settings = withResources ? resourceChannels(task) : isChannel(image) ? [image] : [];
  const all = [...direct, ...nested, ...settings, ...kubernetesChannels(task.config.kubernetes)];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = JSON.stringify(c.source);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
