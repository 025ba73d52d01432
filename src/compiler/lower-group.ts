import type { ChannelNode } from '../dsl/channels.ts';
import type {
  ComponentInputArtifactSpec,
  ComponentInputParameterSpec,
  ComponentInputsSpec,
  ComponentOutputArtifactSpec,
  ComponentOutputParameterSpec,
  ComponentOutputsSpec,
  DagOutputArtifactSpec,
  DagOutputParameterSpec,
  DagOutputsSpec,
  InputArtifactSpec,
  InputParameterSpec,
  PipelineTaskSpec,
} from '../ir/index.ts';
import { channelFullName, channelShortName, injectedName, loopOf, producerId, producerName } from './channel-names.ts';
import type { DagView, GroupEntry, LowerContext, Naming } from './context.ts';
import { conditionChannels } from './group-analysis.ts';
import { lowerCondition } from './lower-condition.ts';
import { loopGroupChannels, lowerLoop } from './lower-loop.ts';
import { fieldSelector } from './lower-task-inputs.ts';

/** Channels a group receives: those its tasks need, plus (for conditions) those it tests; each once. */
export function groupChannels(ctx: LowerContext, g: GroupEntry): ChannelNode[] {
  const s = ctx.naming;
  const fromTasks = [...(ctx.analysis.inputs.get(g.name)?.values() ?? [])].map((i) => i.channel);
  const own = g.node.kind === 'conditionGroup' ? conditionChannels(g.node.conditions) : [];
  const all = g.node.kind === 'parallelFor' ? loopGroupChannels(g, g.node, fromTasks, s) : [...fromTasks, ...own];
  const seen = new Set<string>();
  return all.filter((c) => {
    const k = channelFullName(c, s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A group component's `inputDefinitions`: one `pipelinechannel--…` input per channel it receives. */
export function lowerGroupInputs(s: Naming, channels: readonly ChannelNode[]): ComponentInputsSpec | undefined {
  const parameters: Record<string, ComponentInputParameterSpec> = {};
  const artifacts: Record<string, ComponentInputArtifactSpec> = {};
  for (const c of channels) {
    const name = injectedName(channelFullName(c, s));
    if (c.kind === 'artifactChannel')
      artifacts[name] = { artifactType: { schemaTitle: c.artifactType.schemaTitle, schemaVersion: c.artifactType.schemaVersion }, ...(c.isList ? { isArtifactList: true } : {}) };
    else parameters[name] = { parameterType: c.parameterType };
  }
  const hasP = Object.keys(parameters).length > 0;
  const hasA = Object.keys(artifacts).length > 0;
  return hasP || hasA ? { ...(hasA ? { artifacts } : {}), ...(hasP ? { parameters } : {}) } : undefined;
}

/** Where a group's channel comes from, in the parent's DAG, and under which key. */
function groupInputOrigin(c: ChannelNode, s: Naming, dag: DagView, parentIsRoot: boolean): { readonly sibling?: { readonly producer: string; readonly key: string }; readonly input: string; readonly field?: string } {
  const loop = loopOf(c, s);
  const field = c.source.kind === 'loopItem' ? c.source.subvar : undefined;
  const fullName = field !== undefined && loop ? channelFullName(loop.item, s) : channelFullName(c, s);
  const key = field !== undefined && loop && loop.items.kind === 'channel' ? channelShortName(loop.items.channel, s) : channelShortName(c, s);
  const pid = producerId(c, s);
  // A collected()/oneOf() output is read from the group that surfaces it.
  const producer = c.source.kind === 'collected' || c.source.kind === 'oneOf' ? producerName(c, s) : pid ? s.tasksById.get(pid)?.name : undefined;
  return {
    ...(producer && dag.siblings.has(producer) ? { sibling: { producer, key } } : {}),
    input: parentIsRoot ? fullName : injectedName(fullName),
    ...(field !== undefined ? { field } : {}),
  };
}

/**
 * How a group task receives one parameter channel from the DAG around it (kfp's
 * `build_task_spec_for_group`): a sibling's output, else the DAG's input — by its bare name at the
 * root, as `pipelinechannel--…` below. A loop item's field is read from the item's input with a
 * `parameterExpressionSelector`.
 */
function groupParameterSource(c: ChannelNode, s: Naming, dag: DagView, parentIsRoot: boolean): InputParameterSpec {
  const o = groupInputOrigin(c, s, dag, parentIsRoot);
  const selector = o.field !== undefined ? { parameterExpressionSelector: fieldSelector(o.field) } : {};
  return o.sibling ? { taskOutputParameter: { outputParameterKey: o.sibling.key, producerTask: o.sibling.producer }, ...selector } : { componentInputParameter: o.input, ...selector };
}

function groupArtifactSource(c: ChannelNode, s: Naming, dag: DagView, parentIsRoot: boolean): InputArtifactSpec {
  const o = groupInputOrigin(c, s, dag, parentIsRoot);
  return o.sibling ? { taskOutputArtifact: { outputArtifactKey: o.sibling.key, producerTask: o.sibling.producer } } : { componentInputArtifact: o.input };
}

/**
 * The task that runs a group in its parent's DAG: its inputs, dependencies, and what the group
 * kind adds — a condition's trigger, a loop's iterator (whose item is no input of the task; the
 * backend fills it per iteration).
 */
export function lowerGroupTask(ctx: LowerContext, g: GroupEntry, channels: readonly ChannelNode[], dag: DagView, parentIsRoot: boolean, componentName: string): PipelineTaskSpec {
  const s = ctx.naming;
  const loop = g.node.kind === 'parallelFor' ? lowerLoop(g.node, s) : undefined;
  const parameters: Record<string, InputParameterSpec> = {};
  const artifacts: Record<string, InputArtifactSpec> = {};
  for (const c of channels) {
    const key = injectedName(channelFullName(c, s));
    if (c.kind === 'artifactChannel') artifacts[key] = groupArtifactSource(c, s, dag, parentIsRoot);
    else parameters[key] = groupParameterSource(c, s, dag, parentIsRoot);
  }
  if (loop?.itemsFromOuterItem && Object.keys(parameters).length) parameters[loop.itemsFromOuterItem.name] = loop.itemsFromOuterItem.source;
  if (loop) {
    delete parameters[loop.itemInput];
    delete artifacts[loop.itemInput];
  }
  const hasP = Object.keys(parameters).length > 0;
  const hasA = Object.keys(artifacts).length > 0;
  const deps = ctx.analysis.dependencies.get(g.name);
  const displayName = 'displayName' in g.node ? g.node.displayName : undefined;
  return {
    taskInfo: { name: displayName || g.name },
    componentRef: { name: componentName },
    ...(hasP || hasA ? { inputs: { ...(hasA ? { artifacts } : {}), ...(hasP ? { parameters } : {}) } } : {}),
    ...(deps && deps.size ? { dependentTasks: [...deps].sort() } : {}),
    ...(g.node.kind === 'conditionGroup' ? { triggerPolicy: { condition: lowerCondition(ctx, g, g.node.conditions) } } : {}),
    ...(loop ? { ...loop.iterator, ...(loop.iteratorPolicy ? { iteratorPolicy: loop.iteratorPolicy } : {}) } : {}),
  };
}

/** A group's `outputDefinitions` and `dag.outputs` for the collected()/oneOf() outputs it surfaces. */
export function lowerGroupOutputs(s: Naming, group: string): { outputDefinitions?: ComponentOutputsSpec; dagOutputs?: DagOutputsSpec } {
  const outputs = s.collected.groupOutputs.get(group);
  if (!outputs || outputs.size === 0) return {};
  const defParams: Record<string, ComponentOutputParameterSpec> = {};
  const defArtifacts: Record<string, ComponentOutputArtifactSpec> = {};
  const dagParams: Record<string, DagOutputParameterSpec> = {};
  const dagArtifacts: Record<string, DagOutputArtifactSpec> = {};
  for (const [key, o] of outputs) {
    const selectors = o.kind === 'oneOf' ? o.selectors : [{ producerSubtask: o.producerSubtask, outputKey: o.outputKey }];
    const isList = o.kind === 'child' && o.isList;
    if (o.channel.kind === 'artifactChannel') {
      const t = o.channel.artifactType;
      defArtifacts[key] = { artifactType: { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion }, ...(isList ? { isArtifactList: true } : {}) };
      dagArtifacts[key] = { artifactSelectors: selectors.map((x) => ({ outputArtifactKey: x.outputKey, producerSubtask: x.producerSubtask })) };
    } else {
      defParams[key] = { parameterType: isList ? 'LIST' : o.channel.parameterType };
      const params = selectors.map((x) => ({ outputParameterKey: x.outputKey, producerSubtask: x.producerSubtask }));
      dagParams[key] = o.kind === 'oneOf' ? { valueFromOneof: { parameterSelectors: params } } : { valueFromParameter: params[0] };
    }
  }
  const pack = <A, P>(artifacts: Record<string, A>, parameters: Record<string, P>) => ({
    ...(Object.keys(artifacts).length ? { artifacts } : {}),
    ...(Object.keys(parameters).length ? { parameters } : {}),
  });
  return { outputDefinitions: pack(defArtifacts, defParams), dagOutputs: pack(dagArtifacts, dagParams) };
}
