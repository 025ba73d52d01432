import { isChannel, type ChannelNode } from '../dsl/channels.ts';
import type { PipelineNode } from '../dsl/pipeline-node.ts';
import type { ArgNode, GroupNode, TaskNode } from '../dsl/task-node.ts';
import type { StringTemplate } from '../dsl/typing.ts';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { channelFullName, channelShortName, injectedName, producerName } from './channel-names.ts';
import { checkPipelineOutputs } from './check-pipeline-outputs.ts';
import { checkCycles, checkPipeline, checkTaskArgs } from './check-tasks.ts';
import { checkWorkspace } from './check-workspace.ts';
import { groupOutputSpecs, surfaceCollected } from './collected.ts';
import { analyse, conditionChannels, type Analysis } from './group-analysis.ts';
import { lowerConditions } from './lower-condition.ts';
import { containerOf, pythonContainer } from './lower-executor.ts';
import { importerSpec } from './lower-importer.ts';
import { lowerInterface } from './lower-interface.ts';
import { lowerKubernetesConfig } from './lower-kubernetes.ts';
import { lowerTrigger } from './lower-trigger.ts';
import { mergeSubPipeline } from './merge-subpipeline.ts';
import { addLoopIterator, groupInputSource, loopGroupChannels } from './lower-loop.ts';
import { lowerResources } from './lower-resources.ts';
import { lowerTaskInputs, retryPolicy, type DagView } from './lower-task.ts';
import { asIrDocuments, type CompileResult } from './compile-result.ts';
import { compileLoadedIrAlone, loadedIrAlone } from './ir-alone.ts';
import { DEFAULT_KFP_VERSION, type CompileOptions } from './options.ts';
import type { docstringDescriptions } from './python/docstring.ts';
import { resolvePython, type PythonProgram } from './python/resolve.ts';
import { resolveEmbedded } from './python/resolve-embedded.ts';
import { buildStructure, keysOf, uniqueName, type GroupEntry, type Structure, type TaskEntry } from './structure.ts';

type Json = Record<string, unknown>;

interface Ctx {
  readonly pipeline: PipelineNode;
  readonly options: CompileOptions;
  readonly s: Structure;
  readonly analysis: Analysis;
  readonly functionText: Map<string, PythonProgram>;
  readonly embeddedHelpers: Map<string, string>;
  readonly docDescriptions: Map<string, ReturnType<typeof docstringDescriptions>>;
  readonly components: Json;
  readonly executors: Json;
  readonly platformExecutors: Json;
  readonly ds: Diagnostic[];
}

function dagView(ctx: Ctx, group: GroupEntry | undefined, inputs: Json | undefined, siblings: (TaskEntry | GroupEntry)[]): DagView {
  const defs = (inputs ?? {}) as { parameters?: Json; artifacts?: Json };
  return {
    inputParameters: new Set(Object.keys(defs.parameters ?? {})),
    inputArtifacts: new Set(Object.keys(defs.artifacts ?? {})),
    siblings: new Set(siblings.map((c) => c.name)),
  };
}

function taskKey(fullName: string): string {
  return injectedName(fullName);
}

/** Channels a group receives: those its tasks need, plus (for conditions) those it tests. */
function groupChannels(ctx: Ctx, g: GroupEntry): ChannelNode[] {
  const fromTasks = [...(ctx.analysis.inputs.get(g.name)?.values() ?? [])].map((i) => i.channel);
  const own = g.node.kind === 'conditionGroup' ? conditionChannels(g.node.conditions) : [];
  const all = g.node.kind === 'parallelFor' ? loopGroupChannels(g, fromTasks, ctx.s) : [...fromTasks, ...own];
  const seen = new Set<string>();
  return all.filter((c) => {
    const k = channelFullName(c, ctx.s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function groupComponent(ctx: Ctx, channels: ChannelNode[]): Json {
  const parameters: Json = {};
  const artifacts: Json = {};
  for (const c of channels) {
    const name = taskKey(channelFullName(c, ctx.s));
    if (c.kind === 'artifactChannel') {
      artifacts[name] = {
        artifactType: { schemaTitle: c.artifactType.schemaTitle, schemaVersion: c.artifactType.schemaVersion },
        ...(c.isList ? { isArtifactList: true } : {}),
      };
    } else parameters[name] = { parameterType: c.parameterType };
  }
  const inputDefinitions: Json = {};
  if (Object.keys(artifacts).length) inputDefinitions.artifacts = artifacts;
  if (Object.keys(parameters).length) inputDefinitions.parameters = parameters;
  return Object.keys(inputDefinitions).length ? { inputDefinitions } : {};
}

function dependentTasks(ctx: Ctx, name: string): string[] | undefined {
  const deps = ctx.analysis.dependencies.get(name);
  return deps && deps.size ? [...deps].sort() : undefined;
}

const RESOURCE_INPUT_KEYS: Record<string, string> = {
  cpuRequest: 'cpu_request',
  cpuLimit: 'cpu_limit',
  memoryRequest: 'memory_request',
  memoryLimit: 'memory_limit',
  acceleratorType: 'accelerator_type',
  acceleratorCount: 'accelerator_count',
};

/** kfp passes parameter-valued resources to the task as extra inputs holding a placeholder string. */
function resourceInputs(task: TaskNode): Record<string, ArgNode> {
  const extra: Record<string, ArgNode> = {};
  for (const [key, value] of Object.entries(task.config.resources ?? {}))
    if (isChannel(value) && value.kind === 'parameterChannel') extra[RESOURCE_INPUT_KEYS[key]!] = { kind: 'stringTemplate', parts: [value] } satisfies StringTemplate;
  const image = task.config.containerImage;
  if (image !== undefined && isChannel(image)) extra.base_image = { kind: 'stringTemplate', parts: [image] };
  return extra;
}

function lowerTask(ctx: Ctx, t: TaskEntry, dag: DagView, dagTasks: Json, exitHandlerName?: string): void {
  const { s, options } = ctx;
  const node = t.node;
  const impl = node.component.implementation;
  const path = `pipeline/${t.name}`;
  if (impl.kind === 'graph' || (impl.kind === 'ir' && !impl.container)) {
    lowerPipelineTask(ctx, t, dag, dagTasks, exitHandlerName);
    return;
  }
  const compName = uniqueName(`comp-${t.name}`, keysOf(ctx.components));
  const execLabel = uniqueName(`exec-${t.name}`, keysOf(ctx.executors));

  ctx.components[compName] = { ...lowerInterface(node.component.interface, {}, ctx.docDescriptions.get(node.id)), executorLabel: execLabel };

  let executor: Json;
  if (impl.kind === 'ir') {
    executor = { container: structuredClone(impl.container) };
  } else if (impl.kind === 'python') {
    const program = ctx.functionText.get(node.id) ?? { text: '', imports: [] };
    executor = { container: pythonContainer(impl, program.text, impl.kfpVersion ?? options.kfpVersion ?? DEFAULT_KFP_VERSION, program.imports, ctx.embeddedHelpers.get(node.id)) };
  } else if (impl.kind === 'container') {
    executor = { container: containerOf(impl) };
  } else {
    executor = { importer: importerSpec(impl) };
  }
  const container = executor.container as Json | undefined;
  if (container) {
    const image = node.config.containerImage;
    if (image !== undefined)
      container.image = isChannel(image) ? `{{$.inputs.parameters['${injectedName(channelFullName(image, s))}']}}` : image;
    const env = Object.entries(node.config.env ?? {});
    // A loaded component's container may carry env already; the task's comes after it and, as in
    // kfp's env dict, replaces a variable of the same name in place.
    if (env.length) {
      const merged = [...((container.env as Json[] | undefined) ?? [])];
      for (const [name, value] of env) {
        const at = merged.findIndex((e) => e.name === name);
        if (at >= 0) merged[at] = { name, value };
        else merged.push({ name, value });
      }
      container.env = merged;
    }
    const resources = node.config.resources ? lowerResources(node.config.resources, s, path, ctx.ds) : undefined;
    if (resources) container.resources = resources;
  }
  ctx.executors[execLabel] = executor;
  if (node.config.kubernetes && Object.keys(node.config.kubernetes).length)
    ctx.platformExecutors[execLabel] = lowerKubernetesConfig(node.config.kubernetes, s, dag, path, ctx.ds);

  dagTasks[t.name] = taskSpec(ctx, t, dag, compName, exitHandlerName);
}

function taskSpec(ctx: Ctx, t: TaskEntry, dag: DagView, compName: string, exitHandlerName: string | undefined): Json {
  const { s, options } = ctx;
  const node = t.node;
  const spec: Json = {
    taskInfo: { name: node.config.displayName ?? t.name },
    componentRef: { name: compName },
    cachingOptions: {
      ...((node.config.caching ?? !options.disableCachingByDefault) ? { enableCache: true } : {}),
      ...(node.config.cacheKey ? { cacheKey: node.config.cacheKey } : {}),
    },
  };
  const inputs = lowerTaskInputs(t, s, dag, resourceInputs(node)) ?? {};
  const deps = dependentTasks(ctx, t.name) ?? [];
  if (exitHandlerName) deps.push(exitHandlerName);
  // kfp compiles a component on its own with is_compiled_component: a PipelineTaskFinalStatus input
  // is then a plain pipeline input, passed through like the others.
  if (!ctx.pipeline.ofComponent) lowerTrigger(t, spec, inputs, deps, exitHandlerName, ctx.ds);
  if (Object.keys(inputs).length) spec.inputs = inputs;
  if (deps.length) spec.dependentTasks = deps;
  if (node.config.retry) spec.retryPolicy = retryPolicy(node.config.retry);
  return spec;
}

/**
 * A pipeline used as a component, or one loaded from IR: its documents are merged into this
 * pipeline (components and executors renamed where they clash) and its root becomes the task's
 * component, named after the task like any other.
 */
function lowerPipelineTask(ctx: Ctx, t: TaskEntry, dag: DagView, dagTasks: Json, exitHandlerName: string | undefined): void {
  const node = t.node;
  const impl = node.component.implementation;
  const path = `pipeline/${t.name}`;
  // kfp: "<setter> can only be used on single-step components, not pipelines used as components".
  const { resources, env, containerImage } = node.config;
  const containerSettings = [
    ...(resources && Object.keys(resources).length ? ['withResources'] : []),
    ...(env && Object.keys(env).length ? ['withEnv'] : []),
    ...(containerImage !== undefined ? ['withContainerImage'] : []),
  ];
  if (containerSettings.length)
    ctx.ds.push(
      diagnostic(
        'task/container-setting-on-pipeline',
        path,
        `${containerSettings.join(', ')} can only be used on single-step components, and '${node.component.name}' is a pipeline; set them on the tasks inside it`,
      ),
    );
  if (node.config.kubernetes && Object.keys(node.config.kubernetes).length)
    ctx.ds.push(
      diagnostic(
        'task/platform-on-pipeline',
        path,
        `Platform-specific features can only be set on primitive components, and '${node.component.name}' is a pipeline; set the kubernetes settings on the tasks inside it`,
      ),
    );
  let docs: { pipelineSpec?: Json; platformSpec?: Json };
  if (impl.kind === 'graph') {
    // Only the root compile is "a component on its own": nested, a pipelineOfComponent(...) is an
    // ordinary one-task pipeline, as a @dsl.pipeline wrapping that component is in kfp.
    const { ofComponent: _alone, ...asPipeline } = impl.pipeline;
    const inner = compilePipeline(asPipeline, { ...ctx.options, pipelineParameters: undefined, file: undefined });
    // The inner paths start at its own root (`pipeline/<task>`): hang them under this task.
    for (const d of inner.diagnostics) ctx.ds.push({ ...d, path: `${path}/${d.path.replace(/^pipeline\//, '')}` });
    docs = inner;
  } else if (impl.kind === 'ir') {
    docs = { pipelineSpec: impl.pipelineSpec as Json, platformSpec: impl.platformSpec as Json | undefined };
  } else throw new Error(`unreachable: ${impl.kind} is not a pipeline`);
  if (!docs.pipelineSpec) return;
  const root = mergeSubPipeline(ctx, docs.pipelineSpec, docs.platformSpec);
  const compName = uniqueName(`comp-${t.name}`, keysOf(ctx.components));
  ctx.components[compName] = root;
  dagTasks[t.name] = taskSpec(ctx, t, dag, compName, exitHandlerName);
}

function lowerGroupTask(ctx: Ctx, g: GroupEntry, parentIsRoot: boolean, dag: DagView, dagTasks: Json): Json {
  const channels = groupChannels(ctx, g);
  const compName = uniqueName(`comp-${g.name}`, keysOf(ctx.components));
  const component: Json = groupComponent(ctx, channels);
  ctx.components[compName] = component;

  const parameters: Json = {};
  const artifacts: Json = {};
  for (const c of channels) {
    const key = taskKey(channelFullName(c, ctx.s));
    (c.kind === 'artifactChannel' ? artifacts : parameters)[key] = groupInputSource(c, ctx.s, dag, parentIsRoot);
  }
  const spec: Json = {
    taskInfo: { name: ('displayName' in g.node && g.node.displayName) || g.name },
    componentRef: { name: compName },
  };
  const inputs: Json = {};
  if (Object.keys(artifacts).length) inputs.artifacts = artifacts;
  if (Object.keys(parameters).length) inputs.parameters = parameters;
  if (Object.keys(inputs).length) spec.inputs = inputs;
  const deps = dependentTasks(ctx, g.name);
  if (deps) spec.dependentTasks = deps;
  if (g.node.kind === 'conditionGroup')
    spec.triggerPolicy = { condition: lowerConditions(g.node.conditions, ctx.s, `pipeline/${g.name}`, ctx.ds) };
  if (g.node.kind === 'parallelFor') addLoopIterator(g.node, spec, ctx.s);
  dagTasks[g.name] = spec;
  return component;
}

/** Lowers one DAG (the root's or a group's): kfp visits sub-groups before tasks. */
function lowerDag(ctx: Ctx, group: GroupEntry | undefined, component: Json, children: (TaskEntry | GroupEntry)[]): void {
  const tasks: Json = {};
  const dag = dagView(ctx, group, component.inputDefinitions as Json | undefined, children);
  const groupChildren = children.filter((c): c is GroupEntry => c.kind === 'group');
  const taskChildren = children.filter((c): c is TaskEntry => c.kind === 'task');
  const pending: [GroupEntry, Json][] = [];
  for (const g of groupChildren) pending.push([g, lowerGroupTask(ctx, g, group === undefined, dag, tasks)]);
  for (const t of taskChildren) if (!t.isExitTask) lowerTask(ctx, t, dag, tasks);
  component.dag = { tasks };
  // A loop (and any group around it) hands collected outputs out to its parent.
  const surfaced = group ? groupOutputSpecs(ctx.s.collected?.groupOutputs.get(group.name)) : {};
  if (surfaced.definitions) component.outputDefinitions = surfaced.definitions;
  if (surfaced.dagOutputs) (component.dag as Json).outputs = surfaced.dagOutputs;
  for (const [g, comp] of pending) lowerDag(ctx, g, comp, g.children);
  // kfp adds exit tasks last (build_exit_handler_groups_recursively, after every group), which
  // decides who gets `comp-x` and who `comp-x-2` when a pipeline's components are merged in.
  for (const t of taskChildren) {
    if (!t.isExitTask) continue;
    const handler = groupChildren.find((g) => g.node.kind === 'exitHandler' && (g.node as Extract<GroupNode, { kind: 'exitHandler' }>).exitTask.id === t.node.id);
    lowerTask(ctx, t, dag, tasks, handler?.name);
  }
}

function pipelineOutputs(ctx: Ctx, root: Json): void {
  const artifacts: Json = {};
  const parameters: Json = {};
  for (const [name, ch] of Object.entries(ctx.pipeline.outputs)) {
    const producer = isChannel(ch) && ['taskOutput', 'collected', 'oneOf'].includes(ch.source.kind) ? producerName(ch, ctx.s) : undefined;
    if (!isChannel(ch) || producer === undefined) {
      ctx.ds.push(diagnostic('pipeline/invalid-output', `pipeline/${ctx.pipeline.name}/outputs/${name}`, 'a pipeline output must be an output of one of its tasks, or collected() outputs of a task in a loop'));
      continue;
    }
    const key = channelShortName(ch, ctx.s);
    if (ch.kind === 'artifactChannel') artifacts[name] = { artifactSelectors: [{ outputArtifactKey: key, producerSubtask: producer }] };
    else parameters[name] = { valueFromParameter: { outputParameterKey: key, producerSubtask: producer } };
  }
  const outputs: Json = {};
  if (Object.keys(artifacts).length) outputs.artifacts = artifacts;
  if (Object.keys(parameters).length) outputs.parameters = parameters;
  if (Object.keys(outputs).length) (root.dag as Json).outputs = outputs;
}

/**
 * Compiles a built pipeline to the KFP IR. Pure: no I/O (Python sources come in `options.sources`),
 * and every problem is returned as a diagnostic rather than thrown.
 */
export function compilePipeline(pipeline: PipelineNode, options: CompileOptions = {}): CompileResult {
  const loaded = loadedIrAlone(pipeline);
  if (loaded) return compileLoadedIrAlone(pipeline, loaded, options);
  const ds: Diagnostic[] = [...checkPipeline(pipeline, options.pipelineParameters), ...checkPipelineOutputs(pipeline)];
  const s = buildStructure(pipeline);
  for (const t of s.tasks) ds.push(...checkTaskArgs(t, s, pipeline));
  ds.push(...checkWorkspace(s, pipeline));
  ds.push(...checkCycles(s));
  const docDescriptions = new Map<string, ReturnType<typeof docstringDescriptions>>();
  const functionText = resolvePython(s, options, ds, docDescriptions);
  const embedded = resolveEmbedded(s, options);
  ds.push(...embedded.diagnostics);
  s.collected = surfaceCollected(s, pipeline);
  ds.push(...s.collected.diagnostics);
  const analysis = analyse(s);
  ds.push(...analysis.diagnostics);
  const withFile = (d: Diagnostic): Diagnostic => (d.file || !options.file ? d : { ...d, file: options.file });
  if (hasErrors(ds)) return { diagnostics: ds.map(withFile) };

  const ctx: Ctx = { pipeline, options, s, analysis, functionText, embeddedHelpers: embedded.helpers, docDescriptions, components: {}, executors: {}, platformExecutors: {}, ds };
  // A component compiled on its own: kfp's root is the component's spec, docstring descriptions too.
  const rootDocs = pipeline.ofComponent && s.tasks.length === 1 ? docDescriptions.get(s.tasks[0]!.node.id) : undefined;
  const root: Json = lowerInterface(pipeline.interface, options.pipelineParameters ?? {}, rootDocs);
  try {
    lowerDag(ctx, undefined, root, s.rootChildren);
  } catch (err) {
    ds.push(diagnostic('compile/invalid-value', `pipeline/${pipeline.name}`, err instanceof Error ? err.message : String(err)));
  }
  pipelineOutputs(ctx, root);
  if (hasErrors(ds)) return { diagnostics: ds.map(withFile) };

  const pipelineInfo: Json = { name: pipeline.name };
  if (pipeline.displayName) pipelineInfo.displayName = pipeline.displayName;
  if (pipeline.description) pipelineInfo.description = pipeline.description;
  const pipelineSpec: Json = {
    components: ctx.components,
    deploymentSpec: { executors: ctx.executors },
    pipelineInfo,
    root,
    ...(pipeline.pipelineRoot ? { defaultPipelineRoot: pipeline.pipelineRoot } : {}),
    schemaVersion: '2.1.0',
    sdkVersion: options.sdkVersion ?? 'kfp-ts',
  };
  if (Object.keys(ctx.components).length === 0) delete pipelineSpec.components;
  let platformSpec: Json | undefined;
  const kubernetes: Json = {};
  if (Object.keys(ctx.platformExecutors).length) kubernetes.deploymentSpec = { executors: ctx.platformExecutors };
  if (pipeline.pipelineConfig && Object.keys(pipeline.pipelineConfig).length) kubernetes.pipelineConfig = pipeline.pipelineConfig;
  if (Object.keys(kubernetes).length) platformSpec = { platforms: { kubernetes } };
  // kfp's header for a component compiled alone shows the component's description: a Python
  // component's docstring summary, a loaded v1 component's `description:`.
  const commentDescription = rootDocs?.summary ?? (pipeline.ofComponent ? s.tasks[0]?.node.component.description : undefined);
  return { ...asIrDocuments(pipelineSpec, platformSpec), ...(commentDescription ? { commentDescription } : {}), diagnostics: ds.map(withFile) };
}
