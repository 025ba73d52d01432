/**
 * The typed IR model (src/ir): kfp's own compiled pipelines fit it as they are, a typed reader
 * that narrows every oneof finds what it expects in each of them, and readIr turns the other
 * spellings proto3 JSON allows into the canonical form.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  executorKind,
  isDagComponent,
  isExecutorComponent,
  readIr,
  readPipelineSpec,
  readPlatformSpec,
  type ComponentSpec,
  type InputArtifactSpec,
  type InputParameterSpec,
  type KubernetesExecutorConfig,
  type PipelineSpec,
  type PipelineTaskSpec,
  type PlatformSpec,
  type PvcMount,
} from '../../src/ir/index.ts';
import { parseYamlDocuments } from '../../src/yaml/yaml-documents.ts';
import { sharedDir } from '../support/repo.ts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const full = path.join(dir, f);
      return statSync(full).isDirectory() ? yamlFiles(full) : f.endsWith('.yaml') ? [full] : [];
    });
}

const corpus = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0');
const files = [...yamlFiles(path.join(corpus, 'test_data', 'sdk_compiled_pipelines', 'valid')), ...yamlFiles(path.join(corpus, 'kubernetes_platform_snapshot'))];

/** How often each oneof choice occurs; a key ending in `none` counts messages with no member set. */
type Tally = Map<string, number>;

function count(tally: Tally, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/**
 * Reads a PipelineSpec through its types alone: every oneof is narrowed by testing one member,
 * after which the type says the others are undefined — checked at run time too, so a document
 * the union model does not fit fails here.
 */
function walkPipelineSpec(spec: PipelineSpec, tally: Tally): void {
  const components: ComponentSpec[] = [...Object.values(spec.components ?? {}), ...(spec.root ? [spec.root] : [])];
  for (const component of components) {
    if (isDagComponent(component)) {
      expect(component.executorLabel).toBeUndefined();
      count(tally, 'component:dag');
      for (const task of Object.values(component.dag.tasks ?? {})) walkTask(task, tally);
      for (const output of Object.values(component.dag.outputs?.parameters ?? {})) {
        if (output.valueFromParameter !== undefined) {
          expect(output.valueFromOneof).toBeUndefined();
          count(tally, 'dagOutput:valueFromParameter');
        } else if (output.valueFromOneof !== undefined) {
          count(tally, `dagOutput:valueFromOneof:${(output.valueFromOneof.parameterSelectors?.length ?? 0) > 0 ? 'selectors' : 'empty'}`);
        } else count(tally, 'dagOutput:none');
      }
    } else if (isExecutorComponent(component)) {
      const executor = spec.deploymentSpec?.executors?.[component.executorLabel];
      expect(executor, `executor ${component.executorLabel}`).toBeDefined();
      count(tally, 'component:executor');
    } else count(tally, 'component:none');
    for (const parameter of Object.values(component.inputDefinitions?.parameters ?? {})) count(tally, `parameterType:${parameter.parameterType ?? 'none'}`);
    for (const artifact of Object.values(component.inputDefinitions?.artifacts ?? {})) {
      const type = artifact.artifactType;
      if (type?.schemaTitle !== undefined) {
        expect(type.instanceSchema).toBeUndefined();
        count(tally, 'artifactType:schemaTitle');
      } else if (type?.instanceSchema !== undefined) count(tally, 'artifactType:instanceSchema');
      else count(tally, 'artifactType:other');
    }
  }
  for (const executor of Object.values(spec.deploymentSpec?.executors ?? {})) {
    const kind = executorKind(executor);
    count(tally, `executor:${kind ?? 'none'}`);
    switch (kind) {
      case 'container':
        expect(typeof executor.container?.image).toBe('string');
        expect(executor.importer).toBeUndefined();
        break;
      case 'importer': {
        const uri = executor.importer?.artifactUri;
        count(tally, `importerUri:${uri?.constant !== undefined ? 'constant' : uri?.runtimeParameter !== undefined ? 'runtimeParameter' : 'other'}`);
        break;
      }
      default:
        break;
    }
  }
}

function walkTask(task: PipelineTaskSpec, tally: Tally): void {
  expect(typeof task.componentRef?.name).toBe('string');
  if (task.parameterIterator !== undefined) {
    expect(task.artifactIterator).toBeUndefined();
    const items = task.parameterIterator.items;
    count(tally, `iterator:parameter:${items?.raw !== undefined ? 'raw' : items?.inputParameter !== undefined ? 'inputParameter' : 'none'}`);
  } else if (task.artifactIterator !== undefined) count(tally, 'iterator:artifact');
  for (const input of Object.values(task.inputs?.parameters ?? {})) count(tally, `inputParameter:${parameterSource(input)}`);
  for (const input of Object.values(task.inputs?.artifacts ?? {})) count(tally, `inputArtifact:${artifactSource(input)}`);
}

function parameterSource(input: InputParameterSpec): string {
  if (input.taskOutputParameter !== undefined) {
    expect([input.runtimeValue, input.componentInputParameter, input.taskFinalStatus]).toEqual([undefined, undefined, undefined]);
    return 'taskOutputParameter';
  }
  if (input.runtimeValue !== undefined) return input.runtimeValue.constant !== undefined ? 'runtimeValue.constant' : 'runtimeValue.other';
  if (input.componentInputParameter !== undefined) return 'componentInputParameter';
  if (input.taskFinalStatus !== undefined) return 'taskFinalStatus';
  return 'none';
}

function artifactSource(input: InputArtifactSpec): string {
  if (input.taskOutputArtifact !== undefined) {
    expect(input.componentInputArtifact).toBeUndefined();
    return 'taskOutputArtifact';
  }
  return input.componentInputArtifact !== undefined ? 'componentInputArtifact' : 'none';
}

function walkPlatformSpec(platform: PlatformSpec, tally: Tally): void {
  for (const config of Object.values(platform.platforms?.kubernetes?.deploymentSpec?.executors ?? {})) {
    walkKubernetes(config, tally);
  }
}

function walkKubernetes(config: KubernetesExecutorConfig, tally: Tally): void {
  for (const mount of config.pvcMount ?? []) count(tally, `pvcMount:${pvcReference(mount)}`);
  for (const secret of config.secretAsEnv ?? []) count(tally, `secretAsEnv:${secret.secretNameParameter ? parameterSource(secret.secretNameParameter) : 'none'}`);
  for (const toleration of config.tolerations ?? []) count(tally, `toleration:${toleration.tolerationJson ? 'json' : 'fields'}`);
  if (config.activeDeadlineSeconds !== undefined) count(tally, `activeDeadlineSeconds:${typeof config.activeDeadlineSeconds}`);
}

function pvcReference(mount: PvcMount): string {
  // The deprecated oneof next to pvcNameParameter, which kfp-kubernetes still fills.
  if (mount.constant !== undefined) {
    expect(mount.taskOutputParameter).toBeUndefined();
    return 'constant';
  }
  if (mount.taskOutputParameter !== undefined) return 'taskOutputParameter';
  if (mount.componentInputParameter !== undefined) return 'componentInputParameter';
  return 'none';
}

describe('the IR types against kfp 2.17 compiled pipelines', () => {
  it('GIVEN every corpus golden WHEN read with readIr THEN it is unchanged (kfp writes the canonical form) and a typed reader narrows every oneof in it', () => {
    const tally: Tally = new Map();
    const changed: string[] = [];
    for (const file of files) {
      const { docs, diagnostics } = parseYamlDocuments(readFileSync(file, 'utf8'), file);
      expect(diagnostics).toEqual([]);
      const spec = readPipelineSpec(docs[0]);
      if (!isDeepStrictEqual(spec, docs[0])) changed.push(path.relative(corpus, file));
      walkPipelineSpec(spec, tally);
      if (docs[1] !== undefined) {
        const platform = readPlatformSpec(docs[1]);
        if (!isDeepStrictEqual(platform, docs[1])) changed.push(`${path.relative(corpus, file)} (platforms)`);
        walkPlatformSpec(platform, tally);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(126);
    expect(changed).toEqual([]);
    // Every component has exactly one implementation, every executor a kind, every task input a source.
    expect([...tally.keys()].filter((k) => k.endsWith(':none'))).toEqual([]);
    // Each oneof choice the corpus uses was reached (so the narrowing above is not vacuous).
    for (const key of [
      'component:dag', 'component:executor', 'executor:container', 'executor:importer', 'importerUri:constant', 'importerUri:runtimeParameter',
      'inputParameter:taskOutputParameter', 'inputParameter:runtimeValue.constant', 'inputParameter:componentInputParameter', 'inputParameter:taskFinalStatus',
      'inputArtifact:taskOutputArtifact', 'inputArtifact:componentInputArtifact', 'iterator:parameter:raw', 'iterator:parameter:inputParameter',
      'iterator:artifact', 'dagOutput:valueFromParameter', 'dagOutput:valueFromOneof:selectors', 'artifactType:schemaTitle',
      'pvcMount:taskOutputParameter', 'pvcMount:componentInputParameter', 'secretAsEnv:runtimeValue.constant',
      'toleration:fields', 'activeDeadlineSeconds:string', 'parameterType:NUMBER_INTEGER', 'parameterType:TASK_FINAL_STATUS',
    ]) {
      expect(tally.get(key), key).toBeGreaterThan(0);
    }
  });
});

describe('readIr: any proto3 JSON spelling to the canonical form', () => {
  it('GIVEN proto field names WHEN read THEN they become camelCase; given both spellings, the later one wins', () => {
    const spec = readPipelineSpec({
      pipeline_info: { name: 'p', display_name: 'P' },
      root: { dag: { tasks: { t: { component_ref: { name: 'comp-a' }, componentRef: { name: 'comp-b' }, task_info: { name: 't' } } } } },
    });
    expect(spec).toEqual({
      pipelineInfo: { name: 'p', displayName: 'P' },
      root: { dag: { tasks: { t: { componentRef: { name: 'comp-b' }, taskInfo: { name: 't' } } } } },
    });
  });

  it('GIVEN nulls WHEN read THEN they clear the field, except a google.protobuf.Value, where null is the value', () => {
    const spec = readPipelineSpec({
      sdkVersion: null,
      root: { inputDefinitions: { parameters: { x: { parameterType: 'STRING', defaultValue: null, description: null } } } },
    });
    expect(spec).toEqual({ root: { inputDefinitions: { parameters: { x: { parameterType: 'STRING', defaultValue: null } } } } });
  });

  it('GIVEN enum numbers and numbers written as strings WHEN read THEN enums are names, int32 and double are numbers, int64 stays as written', () => {
    const spec = readPipelineSpec({
      root: { inputDefinitions: { parameters: { a: { parameterType: 2 }, b: { parameterType: 99 } } } },
      components: {
        c: { dag: { tasks: { t: { retryPolicy: { maxRetryCount: '3', backoffFactor: '2.5', backoffDuration: '1s' }, iteratorPolicy: { parallelismLimit: 4 } } } } },
      },
    });
    expect(spec.root?.inputDefinitions?.parameters).toEqual({ a: { parameterType: 'NUMBER_INTEGER' }, b: {} });
    expect(spec.components?.['c']?.dag?.tasks?.['t']).toEqual({
      retryPolicy: { maxRetryCount: 3, backoffFactor: 2.5, backoffDuration: '1s' },
      iteratorPolicy: { parallelismLimit: 4 },
    });
    const k8s = readIr('KubernetesExecutorConfig', { activeDeadlineSeconds: 20, tolerations: [{ tolerationSeconds: '10' }] });
    expect(k8s).toEqual({ activeDeadlineSeconds: 20, tolerations: [{ tolerationSeconds: '10' }] });
  });

  it('GIVEN two members of one oneof WHEN read THEN the later one wins', () => {
    const spec = readPipelineSpec({ root: { executorLabel: 'exec-a', dag: { tasks: {} } }, components: { c: { dag: {}, executor_label: 'exec-c' } } });
    expect(spec.root).toEqual({ dag: { tasks: {} } });
    expect(spec.components?.['c']).toEqual({ executorLabel: 'exec-c' });
  });

  it('GIVEN unknown fields and values of the wrong type WHEN read THEN they are left out, a list with one bad item as a whole', () => {
    const spec = readPipelineSpec({
      schemaVersion: 2,
      typo: 'x',
      pipelineInfo: 'not a message',
      root: {
        dag: {
          tasks: {
            good: { dependentTasks: ['a', 'b'], taskInfo: { name: 'good', extra: 1 } },
            bad: { dependentTasks: ['a', 3], cachingOptions: { enableCache: 'yes' } },
            notATask: 'x',
          },
        },
      },
    });
    expect(spec).toEqual({
      root: { dag: { tasks: { good: { dependentTasks: ['a', 'b'], taskInfo: { name: 'good' } }, bad: { cachingOptions: {} } } } },
    });
    expect(readPipelineSpec('not a document')).toEqual({});
    // A Struct must hold JSON: a Date (a YAML timestamp) is not.
    expect(readIr('PipelineDeploymentConfig', { executors: { e: { importer: { metadata: { when: new Date(0) } } } } })).toEqual({ executors: { e: { importer: {} } } });
  });

  it('GIVEN a platform spec WHEN read THEN kubernetes executors are read as KubernetesExecutorConfig and other platforms keep their Struct executors', () => {
    const platform = readPlatformSpec({
      platforms: {
        kubernetes: { deploymentSpec: { executors: { 'exec-a': { secret_as_env: [{ secret_name: 's', key_to_env: [{ secret_key: 'k', env_var: 'K' }] }], unknown: 1 } } } },
        other: { deployment_spec: { executors: { 'exec-a': { secret_as_env: 1 } } } },
      },
    });
    expect(platform).toEqual({
      platforms: {
        kubernetes: { deploymentSpec: { executors: { 'exec-a': { secretAsEnv: [{ secretName: 's', keyToEnv: [{ secretKey: 'k', envVar: 'K' }] }] } } } },
        other: { deploymentSpec: { executors: { 'exec-a': { secret_as_env: 1 } } } },
      },
    });
  });
});
