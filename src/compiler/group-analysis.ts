import type { ChannelNode } from '../dsl/channels.ts';
import type { ConditionNode } from '../dsl/conditions.ts';
import { isChannel } from '../dsl/channels.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { channelFullName, producerId, taskChannelInputs } from './channel-names.ts';
import { uncommonAncestors, type GroupEntry, type Structure, type TaskEntry } from './structure.ts';

/** A channel a group (or task) receives, and the sibling that produces it when there is one. */
export interface GroupInput {
  readonly channel: ChannelNode;
  readonly fullName: string;
}

export interface Analysis {
  /** Per group name: the channels it must receive as `pipelinechannel--…` inputs. */
  readonly inputs: Map<string, Map<string, GroupInput>>;
  /** Per task or group name: the sibling names it depends on. */
  readonly dependencies: Map<string, Set<string>>;
  readonly diagnostics: Diagnostic[];
}

export function conditionChannels(conditions: readonly ConditionNode[]): ChannelNode[] {
  return conditions.flatMap((c) => ([c.left, c.right] as unknown[]).filter((o): o is ChannelNode => isChannel(o)));
}

/** Channels used by the conditions of every condition group around a task. */
function enclosingConditionChannels(t: TaskEntry): ChannelNode[] {
  const out: ChannelNode[] = [];
  for (let g: GroupEntry | undefined = t.parent; g; g = g.parent) {
    if (g.node.kind === 'conditionGroup') out.push(...conditionChannels(g.node.conditions));
  }
  return out;
}

/**
 * kfp's "punch the hole": a channel crossing into a group becomes an input of every group between
 * its producer's DAG and its consumer; and a dependency on a task inside another group becomes a
 * dependency between the first siblings of the two chains.
 */
export function analyse(s: Structure): Analysis {
  const inputs = new Map<string, Map<string, GroupInput>>();
  const dependencies = new Map<string, Set<string>>();
  const diagnostics: Diagnostic[] = [];
  const addInput = (group: string, channel: ChannelNode) => {
    const fullName = channelFullName(channel, s);
    let m = inputs.get(group);
    if (!m) inputs.set(group, (m = new Map()));
    if (!m.has(fullName)) m.set(fullName, { channel, fullName });
  };
  const addDep = (downstream: string, upstream: string) => {
    let set = dependencies.get(downstream);
    if (!set) dependencies.set(downstream, (set = new Set()));
    set.add(upstream);
  };

  for (const t of s.tasks) {
    const channels = [...taskChannelInputs(t.node), ...enclosingConditionChannels(t)];
    const upstreamIds = new Set<string>();
    for (const ch of channels) {
      const pid = producerId(ch);
      if (pid) {
        const producer = s.tasksById.get(pid);
        if (!producer) continue;
        upstreamIds.add(pid);
        const [, down] = uncommonAncestors(producer.chain, t.chain);
        for (const g of down) addInput(g, ch);
      } else {
        if (t.isExitTask) continue;
        for (const g of t.chain) addInput(g, ch);
      }
    }
    for (const a of t.node.after) upstreamIds.add(a);
    for (const uid of upstreamIds) {
      const up = s.tasksById.get(uid);
      if (!up) continue;
      const [upNames, downNames] = uncommonAncestors(up.chain, t.chain);
      const upGroups = upNames.slice(0, -1);
      if (upGroups.length > 0) {
        const g = s.byName.get(upGroups[0]!);
        const kind = g?.kind === 'group' ? g.node.kind : undefined;
        const dataExchange = channels.some((c) => producerId(c) === uid);
        if (kind === 'conditionGroup' || kind === 'conditionBranches' || kind === 'exitHandler' || (kind === 'parallelFor' && dataExchange)) {
          diagnostics.push(
            diagnostic(
              'graph/cross-group-dependency',
              `pipeline/${t.name}`,
              `task '${t.name}' depends on '${up.name}', which runs inside ${upGroups[0]}; a task outside a condition, exit handler or loop cannot use its tasks' outputs. Move '${t.name}' into the same group${kind === 'parallelFor' ? ' or collect the outputs with Collected' : ''}.`,
            ),
          );
          continue;
        }
      }
      if (downNames.length > 0 && upNames.length > 0) addDep(downNames[0]!, upNames[0]!);
    }
  }
  return { inputs, dependencies, diagnostics };
}
