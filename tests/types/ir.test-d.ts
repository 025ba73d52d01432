/**
 * The IR types (src/ir): oneofs take one member, narrowing one member rules out the others,
 * enums are closed, everything is readonly, fragments build without casts, and every message is
 * a JSON object. Each `@ts-expect-error` sits on the one line that must fail.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { CompileResult, emitPipelineYaml, ir } from '../../src/index.ts';
import type { PipelinePackage } from '../../src/client/pipeline-file.ts';
import type { ComponentSpec, DagSpec, InputParameterSpec, JsonObject, KubernetesExecutorConfig, ParameterType, PipelineSpec, PipelineTaskSpec } from '../../src/ir/index.ts';

describe('IR oneofs', () => {
  it('a ComponentSpec has a dag or an executorLabel, never both', () => {
    const dag: ComponentSpec = { dag: { tasks: {} } };
    const executor: ComponentSpec = { executorLabel: 'exec-a', inputDefinitions: {} };
    const neither: ComponentSpec = { inputDefinitions: {} };
    // @ts-expect-error both members of oneof implementation
    const both: ComponentSpec = { dag: { tasks: {} }, executorLabel: 'exec-a' };
    expectTypeOf([dag, executor, neither, both]).toBeArray();
  });

  it('a task input parameter has one source', () => {
    const fromTask: InputParameterSpec = { taskOutputParameter: { producerTask: 'a', outputParameterKey: 'Output' } };
    const constant: InputParameterSpec = { runtimeValue: { constant: 3 }, parameterExpressionSelector: 'x' };
    // @ts-expect-error taskOutputParameter and componentInputParameter are one oneof
    const twoSources: InputParameterSpec = { taskOutputParameter: { producerTask: 'a' }, componentInputParameter: 'x' };
    expectTypeOf([fromTask, constant, twoSources]).toBeArray();
  });

  it('testing one member narrows the others to undefined', () => {
    const readDag = (c: ComponentSpec) => {
      if (c.dag !== undefined) {
        expectTypeOf(c.dag).toEqualTypeOf<DagSpec>();
        expectTypeOf(c.executorLabel).toEqualTypeOf<undefined>();
      } else if (c.executorLabel !== undefined) {
        expectTypeOf(c.executorLabel).toEqualTypeOf<string>();
      }
    };
    const readSource = (p: InputParameterSpec) => {
      if (p.componentInputParameter !== undefined) {
        expectTypeOf(p.taskOutputParameter).toEqualTypeOf<undefined>();
        expectTypeOf(p.runtimeValue).toEqualTypeOf<undefined>();
      }
    };
    expectTypeOf(readDag).toBeFunction();
    expectTypeOf(readSource).toBeFunction();
  });

  it('a member value that may be undefined still builds (none set is valid proto3)', () => {
    const label = undefined as string | undefined;
    const c: ComponentSpec = { executorLabel: label };
    expectTypeOf(c).toExtend<ComponentSpec>();
  });
});

describe('IR scalars and enums', () => {
  it('enums are the value names', () => {
    const t: ParameterType = 'NUMBER_INTEGER';
    // @ts-expect-error not a ParameterType value
    const wrong: ParameterType = 'INTEGER';
    expectTypeOf([t, wrong]).toBeArray();
    expectTypeOf<NonNullable<ComponentSpec['inputDefinitions']>>().toHaveProperty('parameters');
  });

  it('int64 takes the string kfp writes and a number; int32 a number', () => {
    const k: KubernetesExecutorConfig = { activeDeadlineSeconds: '20', tolerations: [{ tolerationSeconds: 10 }] };
    // @ts-expect-error maxRetryCount is an int32
    const retry: PipelineTaskSpec = { retryPolicy: { maxRetryCount: '3' } };
    expectTypeOf([k, retry]).toBeArray();
  });

  it('Struct and Value fields hold JSON', () => {
    const p: InputParameterSpec = { runtimeValue: { constant: { a: [1, 'b', null, { c: true }] } } };
    // @ts-expect-error a function is not JSON
    const f: InputParameterSpec = { runtimeValue: { constant: () => 1 } };
    expectTypeOf([p, f]).toBeArray();
  });
});

describe('building and reading IR', () => {
  it('is readonly for readers, and builds from mutable locals without casts', () => {
    const tasks: Record<string, PipelineTaskSpec> = {};
    tasks['a'] = { taskInfo: { name: 'a' }, componentRef: { name: 'comp-a' } };
    const command: string[] = ['python'];
    const spec: PipelineSpec = {
      pipelineInfo: { name: 'p' },
      root: { dag: { tasks } },
      deploymentSpec: { executors: { 'exec-a': { container: { image: 'python:3.11', command } } } },
    };
    // @ts-expect-error readonly
    spec.pipelineInfo = { name: 'q' };
    // @ts-expect-error readonly lists
    spec.deploymentSpec?.executors?.['exec-a']?.container?.command?.push('x');
    expectTypeOf(spec).toEqualTypeOf<PipelineSpec>();
  });

  it('every message is a JSON object (so generic JSON code such as the emitter takes it)', () => {
    expectTypeOf<PipelineSpec>().toExtend<JsonObject>();
    expectTypeOf<ir.PlatformSpec>().toExtend<JsonObject>();
    expectTypeOf<KubernetesExecutorConfig>().toExtend<JsonObject>();
  });

  it('deploymentSpec and the kubernetes platform executors are typed', () => {
    expectTypeOf<NonNullable<NonNullable<PipelineSpec['deploymentSpec']>['executors']>[string]>().toEqualTypeOf<ir.ExecutorSpec>();
    type K8sExecutors = NonNullable<NonNullable<NonNullable<NonNullable<ir.PlatformSpec['platforms']>['kubernetes']>['deploymentSpec']>['executors']>;
    expectTypeOf<K8sExecutors[string]>().toEqualTypeOf<KubernetesExecutorConfig>();
  });

  it('the compiler, the emitter and the client speak the IR types', () => {
    expectTypeOf<CompileResult['pipelineSpec']>().toEqualTypeOf<PipelineSpec | undefined>();
    expectTypeOf<CompileResult['platformSpec']>().toEqualTypeOf<ir.PlatformSpec | undefined>();
    expectTypeOf<typeof emitPipelineYaml>().parameter(0).toEqualTypeOf<PipelineSpec>();
    expectTypeOf<PipelinePackage['pipelineSpec']>().toEqualTypeOf<PipelineSpec>();
    expectTypeOf<PipelinePackage['rootParameters'][string]['parameterType']>().toEqualTypeOf<ParameterType | undefined>();
  });

  it('the package root exports the model as the `ir` namespace', () => {
    expectTypeOf<ir.PipelineSpec>().toEqualTypeOf<PipelineSpec>();
    expectTypeOf<ir.ComponentSpec>().toEqualTypeOf<ComponentSpec>();
  });
});
