/**
 * What `kfp-ts run --local` checks before the first task starts (src/runner/preflight.ts), on IR
 * written by hand: every problem found in one pass, each with its registered code and a path that
 * names the task, the input or the setting.
 */
import { describe, expect, it } from 'vitest';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import type { PipelineSpec, PlatformSpec } from '../../src/ir/index.ts';
import { preflight } from '../../src/runner/preflight.ts';

const DATASET = { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' };

/** A pipeline with one of each thing the local runner warns about or cannot do. */
const SPEC: PipelineSpec = {
  pipelineInfo: { name: 'preflight' },
  schemaVersion: '2.1.0',
  sdkVersion: 'kfp-2.17.3',
  root: {
    inputDefinitions: { artifacts: { data: { artifactType: DATASET } } },
    dag: {
      tasks: {
        inner: { taskInfo: { name: 'inner' }, componentRef: { name: 'comp-inner' }, retryPolicy: { maxRetryCount: 2 } },
        'for-loop-1': {
          taskInfo: { name: 'for-loop-1' },
          componentRef: { name: 'comp-for-loop-1' },
          artifactIterator: { items: { inputArtifact: 'data' }, itemInput: 'item' },
        },
        resolve: { taskInfo: { name: 'resolve' }, componentRef: { name: 'comp-resolve' } },
        train: { taskInfo: { name: 'train' }, componentRef: { name: 'comp-train' } },
      },
    },
  },
  components: {
    'comp-inner': { dag: { tasks: {} } },
    'comp-for-loop-1': { dag: { tasks: {} } },
    'comp-resolve': { executorLabel: 'exec-resolve' },
    'comp-train': { executorLabel: 'exec-train' },
  },
  deploymentSpec: {
    executors: {
      'exec-resolve': { resolver: { outputArtifactQueries: {} } },
      'exec-train': { container: { image: 'alpine', command: ['sh', '-c', 'true'], resources: { cpuLimit: 2 } } },
    },
  },
};

const PLATFORM: PlatformSpec = {
  platforms: {
    kubernetes: {
      deploymentSpec: {
        executors: {
          'exec-train': {
            secretAsEnv: [{ secretName: 'api-key', keyToEnv: [{ secretKey: 'token', envVar: 'TOKEN' }] }],
            nodeSelector: { labels: { pool: 'gpu' } },
          },
        },
      },
      pipelineConfig: { workspace: { size: '1Gi' }, resourceTtlOnCompletion: 60 },
    },
  },
};

const summary = (ds: readonly Diagnostic[]) => ds.map((d) => [d.severity ?? 'error', d.code, formatPath(d.path)]);

describe('run --local preflight', () => {
  it('GIVEN a pipeline with every thing a local run cannot do or ignores WHEN checked THEN each is reported at its task, input or setting', () => {
    const { diagnostics, containerTasks } = preflight(SPEC, PLATFORM, {}, {}, { model: { uri: '/tmp/model' } });
    expect(summary(diagnostics)).toEqual([
      ['error', 'runner/artifact-missing', 'artifacts/data'],
      ['error', 'runner/artifact-unknown', 'artifacts/model'],
      ['warning', 'runner/retry-on-pipeline', 'tasks/inner'],
      ['warning', 'runner/artifact-iterator', 'tasks/for-loop-1'],
      ['error', 'runner/unsupported-executor', 'tasks/resolve'],
      ['warning', 'runner/no-local-meaning', 'tasks/train'],
      ['warning', 'runner/no-local-meaning', 'tasks/train'],
      ['error', 'runner/secret-missing', 'tasks/train'],
      ['warning', 'runner/no-local-meaning', 'platforms/kubernetes/pipelineConfig'],
      ['warning', 'runner/workspace', 'platforms/kubernetes/pipelineConfig/workspace'],
    ]);
    expect(diagnostics.find((d) => d.code === 'runner/secret-missing')!.message).toContain('--secret-env api-key=FILE');
    expect(containerTasks).toEqual(['train']);
  });

  it('GIVEN the inputs and secrets it needs WHEN checked THEN only the warnings are left', () => {
    const { diagnostics } = preflight(SPEC, PLATFORM, {}, { 'api-key': { token: 't' } }, { data: { uri: '/tmp/data' } });
    expect(diagnostics.filter((d) => d.severity !== 'warning').map((d) => d.code)).toEqual(['runner/unsupported-executor']);
  });

  it('GIVEN a document without a root DAG WHEN checked THEN runner/not-a-pipeline', () => {
    const { diagnostics } = preflight({ pipelineInfo: { name: 'c' }, root: {} }, undefined, {}, {}, {});
    expect(summary(diagnostics)).toEqual([['error', 'runner/not-a-pipeline', 'root']]);
  });
});

describe('--secret-env', () => {
  it('GIVEN a --secret-env without a file, and one whose file does not exist WHEN read THEN run/secret-env-syntax and run/secret-env name each, no secret kept', async () => {
    const { readSecretEnv } = await import('../../src/cli/secret-env.ts');
    const r = await readSecretEnv(['api-key', 'db=/nonexistent/kfp-ts-secret-file']);
    expect(r.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([
      ['run/secret-env-syntax', '--secret-env api-key'],
      ['run/secret-env', '--secret-env db'],
    ]);
    expect(r.secrets).toEqual({});
  });
});
