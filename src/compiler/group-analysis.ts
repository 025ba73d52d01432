import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { ConditionNode } from '../dsl/conditions.ts';
import { diagnostic } from '../diagnostics.ts';
import { resourceChannels, taskChannelInputs } from './arg-channels.ts';
import { channelFullName, isWithItems, loopChain, producerId, producerName } from './channel-names.ts';
import { pathAt, type Analysis, type GroupEntry, type GroupInput, type NamedContext, type TaskEntry } from './context.ts';
import { uncommonAncestors } from './unique-name.ts';

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

/** Sources of the channels a task uses only as resource values (cpu, memory, accelerator). */
function resourceOnlySources(t: TaskEntry): Set<string> {
  const res = resourceChannels(t.node, false).map((c) => JSON.stringify(c.source));
  const others = taskChannelInputs(t.node, false).map((c) => JSON.stringify(c.source));
  return new Set(res.filter((k) => !others.includes(k)));
}

/**
 * kfp's "punch the hole": a channel crossing into a group becomes an input of every group between
 * its producer's DAG and its consumer; and a dependency on a task inside another group becomes a
 * dependency between the first siblings of the two chains.
 */
export function analyse(ctx: NamedContext): Analysis {
  const s = ctx.naming;
  const inputs = new Map<string, Map<string, GroupInput>>();
  const dependencies = new Map<string, Set<string>>();
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

  /**
   * kfp's walk in `get_inputs_for_all_groups`: each group gets the chain's current end; at a loop
   * whose item's full name contains that channel's full name (kfp tests a substring), the end is
   * used up and the groups below get the next one.
   */
  const passDown = (groups: readonly string[], chain: ChannelNode[], end: 'outermost' | 'innermost') => {
    const left = [...chain];
    for (const g of groups) {
      const current = end === 'outermost' ? left[left.length - 1]! : left[0]!;
      addInput(g, current);
      const entry = s.byName.get(g);
      if (entry?.kind === 'group' && entry.node.kind === 'parallelFor') {
        if (channelFullName(entry.node.item, s).includes(channelFullName(current, s))) {
          if (end === 'outermost') left.pop();
          else left.shift();
          if (!left.length) break;
        }
      }
    }
  };

  for (const t of s.tasks) {
    const channels = [...taskChannelInputs(t.node), ...enclosingConditionChannels(t)];
    // kfp turns channel-valued resources into placeholder strings without registering them as the
    // task's channel inputs, so their producers are not dependencies (the container image is).
    const resourceOnly = resourceOnlySources(t);
    const upstreamIds = new Set<string>();
    for (const ch of channels) {
      // A loop item reaches its loop through its items channel: each group on the way gets the
      // outermost channel still needed, and a loop drops the channel it iterates.
      const chain = loopChain(ch, s);
      const pid = producerId(ch, s);
      if (ch.source.kind === 'collected' || ch.source.kind === 'oneOf') {
        // Read from the loop group that surfaces it; the task depends on that group.
        const group = s.byName.get(producerName(ch, s) ?? '');
        if (!group) continue;
        const [up, down] = uncommonAncestors(group.chain, t.chain);
        passDown(down, chain, 'outermost');
        if (up.length && down.length) addDep(down[0]!, up[0]!);
      } else if (pid) {
        const producer = s.tasksById.get(pid);
        if (!producer) continue;
        if (!resourceOnly.has(JSON.stringify(ch.source))) upstreamIds.add(pid);
        const [, down] = uncommonAncestors(producer.chain, t.chain);
        passDown(down, chain, 'outermost');
      } else {
        if (t.isExitTask) continue;
        // Literal loop items start inside the DAG, so kfp walks those from the task upwards.
        if (ch.source.kind === 'loopItem' && isWithItems(ch, s)) passDown([...t.chain].reverse(), chain, 'innermost');
        else passDown(t.chain, chain, 'outermost');
      }
    }
    for (const a of t.node.after) upstreamIds.add(a);
    for (const uid of upstreamIds) {
      const up = s.tasksById.get(uid);
      if (!up) continue;
      const [upNames, downNames] = uncommonAncestors(up.chain, t.chain);
      const upGroups = upNames.slice(0, -1);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with no groups, g is undefined and no kind matches below, so nothing is reported either way
      if (upGroups.length > 0) {
        const g = s.byName.get(upGroups[0]!);
        const kind = g?.kind === 'group' ? g.node.kind : undefined;
        const dataExchange = channels.some((c) => producerId(c, s) === uid);
        if (kind === 'conditionGroup' || kind === 'conditionBranches' || kind === 'exitHandler' || (kind === 'parallelFor' && dataExchange)) {
          ctx.report(
            diagnostic(
              'graph/cross-group-dependency',
              pathAt(s, t),
              `task '${t.name}' depends on '${up.name}', which runs inside ${upGroups[0]}; a task outside a condition, exit handler or loop cannot use its tasks' outputs. Move '${t.name}' into the same group${kind === 'parallelFor' ? ' or collect the outputs with Collected' : ''}.`,
            ),
          );
          continue;
        }
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: two different tasks always leave both chains non-empty (a task depending on itself is a cycle, refused before)
      if (downNames.length > 0 && upNames.length > 0) addDep(downNames[0]!, upNames[0]!);
    }
  }
  return Object.freeze({ inputs, dependencies });
}
