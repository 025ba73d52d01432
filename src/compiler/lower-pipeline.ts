import { isChannel } from '../dsl/channels.ts';
import { diagnostic } from '../diagnostics.ts';
import type { DagOutputArtifactSpec, DagOutputParameterSpec, DagOutputsSpec, PipelineInfo, PipelineSpec, PlatformSpec } from '../ir/index.ts';
import { channelShortName, producerName } from './channel-names.ts';
import type { LowerContext } from './context.ts';
import { IrTables } from './ir-tables.ts';
import { lowerDag } from './lower-dag.ts';
import { lowerInterface } from './lower-interface.ts';
import { lowerPipelineConfig } from './lower-pipeline-config.ts';

/** What the pipeline returns, selected from the tasks (or loop groups) that produce it. */
export function lowerPipelineOutputs(ctx: LowerContext): DagOutputsSpec | undefined {
  const artifacts: Record<string, DagOutputArtifactSpec> = {};
  const parameters: Record<string, DagOutputParameterSpec> = {};
  for (const [name, ch] of Object.entries(ctx.pipeline.outputs)) {
    // A task output of another pipeline's task has no producer here (its id would name no task).
    const foreign = isChannel(ch) && ch.source.kind === 'taskOutput' && !ctx.naming.tasksById.has(ch.source.taskId);
    const producer = isChannel(ch) && !foreign && ['taskOutput', 'collected', 'oneOf'].includes(ch.source.kind) ? producerName(ch, ctx.naming) : undefined;
    if (!isChannel(ch) || producer === undefined) {
      ctx.report(diagnostic('pipeline/invalid-output', [ctx.pipeline.name, 'outputs', name], 'a pipeline output must be an output of one of its tasks, or collected() outputs of a task in a loop'));
      continue;
    }
    const key = channelShortName(ch, ctx.naming);
    if (ch.kind === 'artifactChannel') artifacts[name] = { artifactSelectors: [{ outputArtifactKey: key, producerSubtask: producer }] };
    else parameters[name] = { valueFromParameter: { outputParameterKey: key, producerSubtask: producer } };
  }
  const hasA = Object.keys(artifacts).length > 0;
  const hasP = Object.keys(parameters).length > 0;
  return hasA || hasP ? { ...(hasA ? { artifacts } : {}), ...(hasP ? { parameters } : {}) } : undefined;
}

/** The documents of a compiled pipeline, and the header comment's description. */
export interface LoweredPipeline {
  readonly pipelineSpec: PipelineSpec;
  readonly platformSpec?: PlatformSpec;
  readonly commentDescription?: string;
}

/**
 * The lowering: the root's interface, its DAG and every component, executor and platform
 * setting under it, the pipeline's outputs and config, assembled into the two documents.
 */
export function lowerPipeline(ctx: LowerContext): LoweredPipeline {
  const { pipeline, options, naming } = ctx;
  // A component compiled on its own: kfp's root is the component's spec, docstring descriptions too.
  // Stryker disable next-line ConditionalExpression: pipelineOfComponent always builds a pipeline of exactly one task
  const rootDocs = pipeline.ofComponent && naming.tasks.length === 1 ? ctx.python.docs.get(naming.tasks[0]!.node.id) : undefined;
  const rootInterface = lowerInterface(pipeline.interface, options.pipelineParameters ?? {}, rootDocs);
  const tables = new IrTables();
  const rootDag = lowerDag(ctx, tables, undefined, rootInterface.inputDefinitions, naming.rootChildren);
  const outputs = lowerPipelineOutputs(ctx);
  const pipelineConfig = lowerPipelineConfig(ctx);
  const { components, executors, platformExecutors } = tables.documents();

  const pipelineInfo: PipelineInfo = {
    name: pipeline.name,
    ...(pipeline.displayName ? { displayName: pipeline.displayName } : {}),
    ...(pipeline.description ? { description: pipeline.description } : {}),
  };
  const pipelineSpec: PipelineSpec = {
    ...(Object.keys(components).length ? { components } : {}),
    deploymentSpec: { executors },
    pipelineInfo,
    root: { ...rootInterface, dag: { ...rootDag, ...(outputs ? { outputs } : {}) } },
    ...(pipeline.pipelineRoot ? { defaultPipelineRoot: pipeline.pipelineRoot } : {}),
    schemaVersion: '2.1.0',
    sdkVersion: options.sdkVersion ?? 'kfp-ts',
  };
  const hasExecutors = Object.keys(platformExecutors).length > 0;
  const hasConfig = pipelineConfig !== undefined && Object.keys(pipelineConfig).length > 0;
  const platformSpec: PlatformSpec | undefined =
    hasExecutors || hasConfig
      ? { platforms: { kubernetes: { ...(hasExecutors ? { deploymentSpec: { executors: platformExecutors } } : {}), ...(hasConfig ? { pipelineConfig } : {}) } } }
      : undefined;
  // kfp's header for a component compiled alone shows the component's description: a Python
  // component's docstring summary, a loaded v1 component's `description:`.
  const commentDescription = rootDocs?.summary ?? (pipeline.ofComponent ? naming.tasks[0]?.node.component.description : undefined);
  return { pipelineSpec, ...(platformSpec ? { platformSpec } : {}), ...(commentDescription ? { commentDescription } : {}) };
}
