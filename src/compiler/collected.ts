import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import { diagnostic } from '../diagnostics.ts';
import { argChannels, nestedChannels } from './arg-channels.ts';
import { pathAt, type CollectedOutputs, type GroupOutput, type PassContext, type Structure, type Surfaced } from './context.ts';
import { uncommonAncestors } from './unique-name.ts';

export const collectedKey = (ch: ChannelNode): string => JSON.stringify(ch.source);

/**
 * Surfaces every `collected(...)` output through the groups between its producer and its
 * consumer: each group from the producer's parent outwards gets an output
 * `pipelinechannel--<task>-<output>` that takes its child's output, and the consumer reads the
 * outermost one. kfp allows this only out of ParallelFor loops (the outermost group left must be
 * one).
 */
export function surfaceCollected(ctx: PassContext, s: Structure): CollectedOutputs {
  const { pipeline, report } = ctx;
  const surfaced = new Map<string, Surfaced>();
  const bySource = new Map<object, Surfaced>();
  const record = (ch: ChannelNode, where: Surfaced) => {
    bySource.set(ch.source, where);
    if (!surfaced.has(collectedKey(ch))) surfaced.set(collectedKey(ch), where);
  };
  const groupOutputs = new Map<string, Map<string, GroupOutput>>();

  const surface = (ch: ChannelNode, up: readonly string[], consumer: string, where: readonly string[], pipelineOutput = false): void => {
    const inner = ch.source.kind === 'collected' ? ch.source.inner : undefined;
    if (!inner || inner.source.kind !== 'taskOutput' || bySource.has(ch.source)) return;
    const producer = s.tasksById.get(inner.source.taskId);
    if (!producer) return;
    const groups = up.slice(0, -1);
    const kinds = groups.map((g) => {
      const e = s.byName.get(g);
      return e?.kind === 'group' ? e.node.kind : undefined;
    });
    // kfp checks only consumer tasks: a pipeline output surfaces through whatever groups hold its producer.
    const legal = pipelineOutput ? groups.length > 0 : kinds.includes('parallelFor') && kinds[0] === 'parallelFor';
    if (!legal) {
      report(
        diagnostic(
          'graph/invalid-collected',
          where,
          kinds.includes('parallelFor')
            ? `'${consumer}' collects outputs of '${producer.name}' from a loop inside ${groups[0]}; a condition or exit handler around the loop must contain '${consumer}' too`
            : `collected() gathers outputs of a task inside a parallelFor for a task outside it; '${producer.name}' is not in a loop that leaves '${consumer}' out`,
        ),
      );
      return;
    }
    const key = `pipelinechannel--${producer.name}-${inner.source.output}`;
    let child = producer.name;
    let childKey = inner.source.output;
    for (const g of [...groups].reverse()) {
      let outs = groupOutputs.get(g);
      if (!outs) groupOutputs.set(g, (outs = new Map()));
      outs.set(key, { kind: 'child', channel: ch, producerSubtask: child, outputKey: childKey, isList: true });
      child = g;
      childKey = key;
    }
    record(ch, { group: groups[0]!, key });
  };

  const addOutput = (group: string, key: string, out: GroupOutput) => {
    let outs = groupOutputs.get(group);
    if (!outs) groupOutputs.set(group, (outs = new Map()));
    outs.set(key, out);
  };
  const oneOfIds = new Map<string, number>();
  /**
   * kfp's OneOf: each branch's output surfaces up to its branch's condition group, and the
   * `condition-branches` group outputs `pipelinechannel--<group>-oneof-<n>` (n counts the group's
   * OneOfs) selecting whichever branch ran.
   */
  const surfaceOneOf = (ch: ChannelNode, where: readonly string[]): void => {
    if (ch.source.kind !== 'oneOf' || surfaced.has(collectedKey(ch))) return;
    const producers = ch.source.channels.map((c) => (c.source.kind === 'taskOutput' ? s.tasksById.get(c.source.taskId) : undefined));
    const branches = producers[0]?.parent?.parent;
    if (!branches || branches.node.kind !== 'conditionBranches' || producers.some((p) => !p || p.parent?.parent !== branches)) {
      report(diagnostic('graph/invalid-one-of', where, 'oneOf() takes one output from each branch of the same If/Elif/Else chain, produced by a task directly inside the branch'));
      return;
    }
    const last = branches.children[branches.children.length - 1];
    if (!(last?.kind === 'group' && last.node.kind === 'conditionGroup' && last.node.isElse)) {
      report(diagnostic('graph/invalid-one-of', where, `oneOf() needs the If/Elif chain of ${branches.name} to end with an Else, so that one branch always runs`));
      return;
    }
    const id = (oneOfIds.get(branches.name) ?? 0) + 1;
    oneOfIds.set(branches.name, id);
    const key = `pipelinechannel--${branches.name}-oneof-${id}`;
    const selectors: { producerSubtask: string; outputKey: string }[] = [];
    ch.source.channels.forEach((inner, i) => {
      const producer = producers[i]!;
      const output = (inner.source as { output: string }).output;
      const innerKey = `pipelinechannel--${producer.name}-${output}`;
      const condition = producer.parent!;
      addOutput(condition.name, innerKey, { kind: 'child', channel: inner, producerSubtask: producer.name, outputKey: output, isList: false });
      selectors.push({ producerSubtask: condition.name, outputKey: innerKey });
    });
    addOutput(branches.name, key, { kind: 'oneOf', channel: ch, selectors });
    record(ch, { group: branches.name, key });
  };

  // kfp numbers OneOfs as they are created.
  const oneOfs = new Map<number, { ch: ChannelNode; where: readonly string[] }>();
  const noteOneOf = (ch: ChannelNode, where: readonly string[]) => {
    if (ch.source.kind === 'oneOf' && !oneOfs.has(ch.source.seq)) oneOfs.set(ch.source.seq, { ch, where });
  };
  for (const t of s.tasks)
    for (const [name, arg] of Object.entries(t.node.args)) {
      if (isChannel(arg)) noteOneOf(arg, pathAt(s, t, 'inputs', name));
      else if (nestedChannels(arg).some((ch) => ch.source.kind === 'oneOf'))
        report(diagnostic('task/one-of-nested', pathAt(s, t, 'inputs', name), 'kfp takes a oneOf() value only as a whole argument, not inside a str`` template, list or object'));
    }
  for (const [name, ch] of Object.entries(pipeline.outputs)) if (isChannel(ch)) noteOneOf(ch, [pipeline.name, 'outputs', name]);
  for (const [, o] of [...oneOfs].sort(([a], [b]) => a - b)) surfaceOneOf(o.ch, o.where);

  for (const t of s.tasks) {
    for (const [name, arg] of Object.entries(t.node.args)) {
      for (const ch of argChannels(arg)) {
        if (ch.source.kind !== 'collected' || ch.source.inner.source.kind !== 'taskOutput') continue;
        const producer = s.tasksById.get(ch.source.inner.source.taskId);
        if (producer) surface(ch, uncommonAncestors(producer.chain, t.chain)[0], t.name, pathAt(s, t, 'inputs', name));
      }
    }
  }
  for (const [name, ch] of Object.entries(pipeline.outputs)) {
    if (!isChannel(ch) || ch.source.kind !== 'collected' || ch.source.inner.source.kind !== 'taskOutput') continue;
    const producer = s.tasksById.get(ch.source.inner.source.taskId);
    if (producer) surface(ch, producer.chain.slice(1), pipeline.name, [pipeline.name, 'outputs', name], true);
  }
  return Object.freeze({ surfaced, bySource, groupOutputs });
}
