import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { nestedChannels } from './channel-names.ts';
import { uncommonAncestors, type Structure } from './structure.ts';

/** Where a collected output surfaces: an output of the outermost loop the consumer is outside of. */
export interface Surfaced {
  readonly group: string;
  readonly key: string;
}

/** One output a group surfaces for a Collected (kfp's `get_outputs_for_all_groups`). */
export interface GroupOutput {
  readonly channel: ChannelNode;
  readonly producerSubtask: string;
  readonly outputKey: string;
}

export interface CollectedOutputs {
  /** Per collected inner channel (by source): where it surfaces. */
  readonly surfaced: Map<string, Surfaced>;
  /** Per group name: its outputs by key, in the order kfp adds them. */
  readonly groupOutputs: Map<string, Map<string, GroupOutput>>;
  readonly diagnostics: Diagnostic[];
}

export const collectedKey = (ch: ChannelNode): string => JSON.stringify(ch.source);

/**
 * Surfaces every `collected(...)` output through the groups between its producer and its
 * consumer: each group from the producer's parent outwards gets an output
 * `pipelinechannel--<task>-<output>` that takes its child's output, and the consumer reads the
 * outermost one. kfp allows this only out of ParallelFor loops (the outermost group left must be
 * one).
 */
export function surfaceCollected(s: Structure, pipeline: PipelineNode): CollectedOutputs {
  const surfaced = new Map<string, Surfaced>();
  const groupOutputs = new Map<string, Map<string, GroupOutput>>();
  const ds: Diagnostic[] = [];

  const surface = (ch: ChannelNode, up: readonly string[], consumer: string): void => {
    const inner = ch.source.kind === 'collected' ? ch.source.inner : undefined;
    if (!inner || inner.source.kind !== 'taskOutput' || surfaced.has(collectedKey(ch))) return;
    const producer = s.tasksById.get(inner.source.taskId);
    if (!producer) return;
    const groups = up.slice(0, -1);
    const kinds = groups.map((g) => {
      const e = s.byName.get(g);
      return e?.kind === 'group' ? e.node.kind : undefined;
    });
    if (!kinds.includes('parallelFor') || kinds[0] !== 'parallelFor') {
      ds.push(
        diagnostic(
          'graph/invalid-collected',
          `pipeline/${consumer}`,
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
      outs.set(key, { channel: ch, producerSubtask: child, outputKey: childKey });
      child = g;
      childKey = key;
    }
    surfaced.set(collectedKey(ch), { group: groups[0]!, key });
  };

  for (const t of s.tasks) {
    for (const arg of Object.values(t.node.args)) {
      for (const ch of isChannel(arg) ? [arg] : nestedChannels(arg)) {
        if (ch.source.kind !== 'collected' || ch.source.inner.source.kind !== 'taskOutput') continue;
        const producer = s.tasksById.get(ch.source.inner.source.taskId);
        if (producer) surface(ch, uncommonAncestors(producer.chain, t.chain)[0], t.name);
      }
    }
  }
  for (const ch of Object.values(pipeline.outputs)) {
    if (!isChannel(ch) || ch.source.kind !== 'collected' || ch.source.inner.source.kind !== 'taskOutput') continue;
    const producer = s.tasksById.get(ch.source.inner.source.taskId);
    if (producer) surface(ch, producer.chain.slice(1), pipeline.name);
  }
  return { surfaced, groupOutputs, diagnostics: ds };
}

type Json = Record<string, unknown>;

/** A group's `outputDefinitions` and `dag.outputs` for the collected outputs it surfaces. */
export function groupOutputSpecs(outputs: ReadonlyMap<string, GroupOutput> | undefined): { definitions?: Json; dagOutputs?: Json } {
  if (!outputs || outputs.size === 0) return {};
  const defParams: Json = {};
  const defArtifacts: Json = {};
  const dagParams: Json = {};
  const dagArtifacts: Json = {};
  for (const [key, o] of outputs) {
    if (o.channel.kind === 'artifactChannel') {
      const t = o.channel.artifactType;
      defArtifacts[key] = { artifactType: { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion }, isArtifactList: true };
      dagArtifacts[key] = { artifactSelectors: [{ outputArtifactKey: o.outputKey, producerSubtask: o.producerSubtask }] };
    } else {
      defParams[key] = { parameterType: 'LIST' };
      dagParams[key] = { valueFromParameter: { outputParameterKey: o.outputKey, producerSubtask: o.producerSubtask } };
    }
  }
  const pack = (artifacts: Json, parameters: Json): Json => ({
    ...(Object.keys(artifacts).length ? { artifacts } : {}),
    ...(Object.keys(parameters).length ? { parameters } : {}),
  });
  return { definitions: pack(defArtifacts, defParams), dagOutputs: pack(dagArtifacts, dagParams) };
}
