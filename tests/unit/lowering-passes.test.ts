/**
 * Each lowering pass on its own: a built pipeline gives the pass its context (names, analysis,
 * Python programs), the pass gets one node, and what it returns is the expected IR fragment —
 * nothing else is run, and nothing it was given is changed.
 */
import { describe, expect, it } from 'vitest';
import { Dataset, collected, containerComponent, eq, input, kubernetes, output, pipeline, z, type Pipeline } from '../../src/index.ts';
import { compilePipeline } from '../../src/compiler/compile.ts';
import type { DagView, GroupEntry, LowerContext, TaskEntry } from '../../src/compiler/context.ts';
import { analyse } from '../../src/compiler/group-analysis.ts';
import { lowerCondition } from '../../src/compiler/lower-condition.ts';
import { lowerDag } from '../../src/compiler/lower-dag.ts';
import { groupChannels, lowerGroupInputs, lowerGroupOutputs, lowerGroupTask } from '../../src/compiler/lower-group.ts';
import { importerSpec } from '../../src/compiler/lower-importer.ts';
import { lowerInterface } from '../../src/compiler/lower-interface.ts';
import { mergeSubPipeline } from '../../src/compiler/merge-subpipeline.ts';
import { lowerKubernetes } from '../../src/compiler/lower-kubernetes.ts';
import { lowerLoop } from '../../src/compiler/lower-loop.ts';
import { lowerPipelineConfig } from '../../src/compiler/lower-pipeline-config.ts';
import { lowerPipelineOutputs } from '../../src/compiler/lower-pipeline.ts';
import { lowerResources } from '../../src/compiler/lower-resources.ts';
import { lowerRetry } from '../../src/compiler/lower-retry.ts';
import { lowerTaskInputs } from '../../src/compiler/lower-task-inputs.ts';
import { lowerExecutor, lowerTaskSpec } from '../../src/compiler/lower-task.ts';
import { lowerTrigger } from '../../src/compiler/lower-trigger.ts';
import { IrTables } from '../../src/compiler/ir-tables.ts';
import { buildNaming } from '../../src/compiler/naming.ts';
import { resolvePython } from '../../src/compiler/python/resolve.ts';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { echo, fit, make } from './support.ts';

/** The context the lowering of `p` runs in, and its entries by name. */
function contextOf(p: Pipeline, options: CompileOptions = {}) {
  const diagnostics: Diagnostic[] = [];
  const base = { pipeline: p.build(), options, report: (d: Diagnostic) => void diagnostics.push(d) };
  const naming = buildNaming(base);
  const named = { ...base, naming };
  const ctx: LowerContext = { ...named, analysis: analyse(named), python: resolvePython(named), compileInner: compilePipeline };
  const task = (name: string): TaskEntry => {
    const e = naming.byName.get(name);
    if (e?.kind !== 'task') throw new Error(`no task ${name}`);
    return e;
  };
  const group = (name: string): GroupEntry => {
    const e = naming.byName.get(name);
    if (e?.kind !== 'group') throw new Error(`no group ${name}`);
    return e;
  };
  const rootInputs = lowerInterface(base.pipeline.interface).inputDefinitions;
  const root: DagView = {
    inputParameters: new Set(Object.keys(rootInputs?.parameters ?? {})),
    inputArtifacts: new Set(Object.keys(rootInputs?.artifacts ?? {})),
    siblings: new Set(naming.rootChildren.map((c) => c.name)),
  };
  return { ctx, diagnostics, task, group, root };
}

describe('lowerInterface', () => {
  it('GIVEN an interface with a defaulted parameter, an optional artifact list and descriptions WHEN lowered THEN its input and output definitions', () => {
    const c = containerComponent({
      name: 'c',
      inputs: { n: z.int().default(3), parts: input(Dataset, { list: true, optional: true }) },
      outputs: { model: output(Dataset) },
      implementation: () => ({ image: 'alpine' }),
    });
    expect(lowerInterface(c.node.interface, {}, { inputs: new Map([['n', 'how many']]), outputs: new Map() })).toEqual({
      inputDefinitions: {
        parameters: { n: { parameterType: 'NUMBER_INTEGER', isOptional: true, defaultValue: 3, description: 'how many' } },
        artifacts: { parts: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, isArtifactList: true, isOptional: true } },
      },
      outputDefinitions: { artifacts: { model: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } } } },
    });
  });
});

describe('task passes', () => {
  const p = pipeline({ name: 'tasks', inputs: { cpu: z.string(), n: z.int() } }, (p, s) => {
    const a = s.task(make, { n: p.n }).withResources({ cpuLimit: '500m', memoryLimit: p.cpu, acceleratorType: 'nvidia-tesla-t4' }).withRetry({ maxRetryCount: 2, backoffDuration: '2m' });
    s.task(fit, { data: a.outputs.data, n: 3 }).withEnv({ A: '1' }).withContainerImage('python:3.12');
  });
  const { ctx, task, root, diagnostics } = contextOf(p);

  it('GIVEN resources with a constant, a parameter and an accelerator WHEN lowered THEN the ResourceSpec kfp writes', () => {
    expect(lowerResources(ctx, task('make'))).toEqual({
      resourceCpuLimit: '500m',
      cpuLimit: 0.5,
      resourceMemoryLimit: "{{$.inputs.parameters['pipelinechannel--cpu']}}",
      accelerator: { resourceCount: '1', count: '1', resourceType: 'nvidia-tesla-t4', type: 'nvidia-tesla-t4' },
    });
  });

  it('GIVEN a retry config WHEN lowered THEN kfp’s defaults fill it and durations are seconds', () => {
    expect(lowerRetry(task('make'))).toEqual({ backoffDuration: '120s', backoffFactor: 2, backoffMaxDuration: '3600s', maxRetryCount: 2 });
    expect(lowerRetry(task('fit'))).toBeUndefined();
  });

  it('GIVEN a task’s arguments WHEN its inputs are lowered THEN a sibling’s output, a DAG input and a constant', () => {
    expect(lowerTaskInputs(task('fit'), ctx.naming, root)).toEqual({
      artifacts: { data: { taskOutputArtifact: { outputArtifactKey: 'data', producerTask: 'make' } } },
      parameters: { n: { runtimeValue: { constant: 3 } } },
    });
    expect(lowerTaskInputs(task('make'), ctx.naming, root)).toEqual({ parameters: { n: { componentInputParameter: 'n' } } });
  });

  it('GIVEN a container task with env and image WHEN its executor is lowered THEN the container carries them', () => {
    expect(lowerExecutor(ctx, task('fit'))).toEqual({
      container: { image: 'python:3.12', command: ['fit', "{{$.inputs.artifacts['data'].path}}", "{{$.inputs.parameters['n']}}", "{{$.outputs.artifacts['model'].path}}"], env: [{ name: 'A', value: '1' }] },
    });
  });

  it('GIVEN a task WHEN its spec is lowered THEN name, component, caching, inputs, dependencies and retry', () => {
    const spec = lowerTaskSpec(ctx, task('make'), root, 'comp-make', undefined);
    expect(spec).toEqual({
      taskInfo: { name: 'make' },
      componentRef: { name: 'comp-make' },
      cachingOptions: { enableCache: true },
      inputs: {
        parameters: {
          n: { componentInputParameter: 'n' },
          memory_limit: { runtimeValue: { constant: "{{$.inputs.parameters['pipelinechannel--cpu']}}" } },
          'pipelinechannel--cpu': { componentInputParameter: 'cpu' },
        },
      },
      retryPolicy: { backoffDuration: '120s', backoffFactor: 2, backoffMaxDuration: '3600s', maxRetryCount: 2 },
    });
    expect(lowerTaskSpec(ctx, task('fit'), root, 'comp-fit', undefined).dependentTasks).toEqual(['make']);
    expect(diagnostics).toEqual([]);
  });
});

describe('lowerTrigger', () => {
  it('GIVEN an exit task with a PipelineTaskFinalStatus input WHEN its trigger is lowered THEN ALL_UPSTREAM_TASKS_COMPLETED and the status fed by the handler', async () => {
    const { PipelineTaskFinalStatus, pythonComponent } = await import('../../src/index.ts');
    const notify = pythonComponent({ name: 'notify', source: { code: 'def notify(status: PipelineTaskFinalStatus):\n    print(status)\n' }, inputs: { status: PipelineTaskFinalStatus } });
    const p = pipeline({ name: 'exits' }, (_p, s) => {
      const exit = s.task(notify, {});
      s.exitHandler(exit, (s) => void s.task(echo, {}));
    });
    const { ctx, task } = contextOf(p);
    expect(lowerTrigger(ctx, task('notify'), ['exit-handler-1'], 'exit-handler-1')).toEqual({
      triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' },
      finalStatusInputs: { status: { taskFinalStatus: { producerTask: 'exit-handler-1' } } },
    });
  });
});

describe('group passes', () => {
  const p = pipeline({ name: 'groups', inputs: { go: z.string(), names: z.array(z.string()) } }, (p, s) => {
    s.if(eq(p.go, 'y'), (s) => void s.task(echo, { x: p.go }));
    s.parallelFor(p.names, (name, s) => void s.task(echo, { x: name }), { parallelism: 2 });
    s.parallelFor([{ a: 1 }, { a: 2 }], (item, s) => void s.task(echo, { x: item as never }));
    s.task(fit, { data: s.task(make, {}).outputs.data, n: 1 });
  });
  const { ctx, group, root } = contextOf(p);

  it('GIVEN a condition group WHEN its condition is lowered THEN the CEL text reading its own input', () => {
    const g = group('condition-1');
    expect(g.node.kind === 'conditionGroup' && lowerCondition(ctx, g, g.node.conditions)).toBe("inputs.parameter_values['pipelinechannel--go'] == 'y'");
  });

  it('GIVEN a condition group WHEN its task is lowered THEN the channels it receives and the trigger', () => {
    const g = group('condition-1');
    const channels = groupChannels(ctx, g);
    expect(lowerGroupInputs(ctx.naming, channels)).toEqual({ parameters: { 'pipelinechannel--go': { parameterType: 'STRING' } } });
    expect(lowerGroupTask(ctx, g, channels, root, true, 'comp-condition-1')).toEqual({
      taskInfo: { name: 'condition-1' },
      componentRef: { name: 'comp-condition-1' },
      inputs: { parameters: { 'pipelinechannel--go': { componentInputParameter: 'go' } } },
      triggerPolicy: { condition: "inputs.parameter_values['pipelinechannel--go'] == 'y'" },
    });
  });

  it('GIVEN loops over a LIST input and over literal items WHEN lowered THEN their iterators, the item left out of the task inputs', () => {
    const overInput = group('for-loop-2');
    expect(overInput.node.kind === 'parallelFor' && lowerLoop(overInput.node, ctx.naming)).toEqual({
      iterator: { parameterIterator: { itemInput: 'pipelinechannel--names-loop-item', items: { inputParameter: 'pipelinechannel--names' } } },
      itemInput: 'pipelinechannel--names-loop-item',
      iteratorPolicy: { parallelismLimit: 2 },
    });
    const task = lowerGroupTask(ctx, overInput, groupChannels(ctx, overInput), root, true, 'comp-for-loop-2');
    expect(task.inputs).toEqual({ parameters: { 'pipelinechannel--names': { componentInputParameter: 'names' } } });
    const literal = group('for-loop-4');
    expect(literal.node.kind === 'parallelFor' && lowerLoop(literal.node, ctx.naming).iterator).toEqual({
      parameterIterator: { itemInput: 'pipelinechannel--loop-item-param-3', items: { raw: '[{"a": 1}, {"a": 2}]' } },
    });
  });

  it('GIVEN a loop whose task output is collected outside it WHEN the loop’s outputs are lowered THEN a LIST output selected from the task', () => {
    const q = pipeline({ name: 'collect' }, (_p, s) => {
      const made = s.parallelFor([1, 2], (n, s) => s.task(echo, { x: n as never }));
      s.task(echo, { x: collected(made.outputs.Output) as never });
    });
    const c = contextOf(q);
    expect(lowerGroupOutputs(c.ctx.naming, 'for-loop-2')).toEqual({
      outputDefinitions: { parameters: { 'pipelinechannel--echo-Output': { parameterType: 'LIST' } } },
      dagOutputs: { parameters: { 'pipelinechannel--echo-Output': { valueFromParameter: { outputParameterKey: 'Output', producerSubtask: 'echo' } } } },
    });
  });

  it('GIVEN the root DAG WHEN lowered THEN one task per child, and the tables hold each component and executor under kfp’s names', () => {
    const tables = new IrTables();
    const before = structuredClone(ctx.naming.rootChildren.map((c) => c.name));
    const dag = lowerDag(ctx, tables, undefined, lowerInterface(ctx.pipeline.interface).inputDefinitions, ctx.naming.rootChildren);
    expect(Object.keys(dag.tasks ?? {}).sort()).toEqual(['condition-1', 'fit', 'for-loop-2', 'for-loop-4', 'make']);
    expect(Object.keys(tables.documents().components).sort()).toEqual(['comp-condition-1', 'comp-echo', 'comp-echo-2', 'comp-echo-3', 'comp-fit', 'comp-for-loop-2', 'comp-for-loop-4', 'comp-make']);
    expect(ctx.naming.rootChildren.map((c) => c.name)).toEqual(before);
  });
});

describe('platform and pipeline passes', () => {
  it('GIVEN kubernetes settings, one reading a pipeline input WHEN lowered THEN the KubernetesExecutorConfig with the input referenced', () => {
    const p = pipeline({ name: 'k8s', inputs: { secret: z.string() } }, (p, s) => {
      const t = s.task(echo, {});
      kubernetes.useSecretAsEnv(t, { secretName: p.secret, secretKeyToEnv: { password: 'PASSWORD' } });
      kubernetes.setTimeout(t, 30);
      kubernetes.addToleration(t, { key: 'gpu', operator: 'Exists' });
    });
    const { ctx, task, root } = contextOf(p);
    expect(lowerKubernetes(ctx, task('echo'), root)).toEqual({
      secretAsEnv: [{ keyToEnv: [{ envVar: 'PASSWORD', secretKey: 'password' }], optional: false, secretNameParameter: { componentInputParameter: 'secret' } }],
      activeDeadlineSeconds: '30',
      tolerations: [{ key: 'gpu', operator: 'Exists' }],
    });
  });

  it('GIVEN a pipeline config WHEN lowered THEN the PipelineConfig, zero durations left out', () => {
    const p = pipeline({ name: 'cfg', pipelineConfig: kubernetes.pipelineConfig({ workspace: { size: ' 5Gi ', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } }, ttlSecondsAfterFinished: 0, activeDeadlineSeconds: 60 }) }, (_p, s) => void s.task(echo, {}));
    expect(lowerPipelineConfig(contextOf(p).ctx)).toEqual({ activeDeadlineSeconds: 60, workspace: { size: '5Gi', kubernetes: { pvcSpecPatch: { accessModes: ['ReadWriteOnce'] } } } });
  });

  it('GIVEN a pipeline returning a task output WHEN its outputs are lowered THEN selected from that task', () => {
    const p = pipeline({ name: 'outs', outputs: { data: output(Dataset) } }, (_p, s) => ({ data: s.task(make, {}).outputs.data }));
    expect(lowerPipelineOutputs(contextOf(p).ctx)).toEqual({ artifacts: { data: { artifactSelectors: [{ outputArtifactKey: 'data', producerSubtask: 'make' }] } } });
  });
});

describe('importer and sub-pipeline passes', () => {
  it('GIVEN an importer with a constant URI and one read at run time WHEN lowered THEN the ImporterSpec kfp writes, defaults left out', () => {
    const artifactType = { kind: 'artifactType', schemaTitle: 'system.Model', schemaVersion: '0.0.1' } as const;
    expect(importerSpec({ kind: 'importer', artifactType, reimport: true, constantUri: 'gs://bucket/model' })).toEqual({
      artifactUri: { constant: 'gs://bucket/model' },
      typeSchema: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' },
      reimport: true,
    });
    expect(importerSpec({ kind: 'importer', artifactType, reimport: false, downloadToWorkspace: true })).toEqual({
      artifactUri: { runtimeParameter: 'uri' },
      typeSchema: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' },
      downloadToWorkspace: true,
    });
  });

  it('GIVEN a sub-pipeline whose names clash with the outer ones WHEN merged THEN renamed executors, components, references and platform executors, the inputs untouched', () => {
    const tables = new IrTables();
    tables.defineComponent('comp-train', { executorLabel: 'exec-train' });
    tables.defineExecutor('exec-train', { container: { image: 'outer' } });
    const inner = {
      pipelineInfo: { name: 'inner' },
      root: { dag: { tasks: { train: { taskInfo: { name: 'train' }, componentRef: { name: 'comp-train' } } } } },
      components: { 'comp-train': { executorLabel: 'exec-train' } },
      deploymentSpec: { executors: { 'exec-train': { container: { image: 'inner' } } } },
    };
    const platform = { platforms: { kubernetes: { deploymentSpec: { executors: { 'exec-train': { nodeSelector: { labels: { pool: 'gpu' } } } } } } } };
    const before = JSON.stringify([inner, platform]);
    expect(mergeSubPipeline(tables, inner, platform)).toEqual({
      root: { dag: { tasks: { train: { taskInfo: { name: 'train' }, componentRef: { name: 'comp-train-2' } } } } },
      components: [['comp-train-2', { executorLabel: 'exec-train-2' }]],
      executors: [['exec-train-2', { container: { image: 'inner' } }]],
      platformExecutors: [['exec-train-2', { nodeSelector: { labels: { pool: 'gpu' } } }]],
    });
    expect(JSON.stringify([inner, platform])).toBe(before);
  });
});
