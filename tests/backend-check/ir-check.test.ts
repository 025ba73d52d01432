/**
 * The KFP backend's own code (API server template parser + Argo workflow compiler, commit
 * 0c355f1, tag sdk-2.17.0-1) over the kfp 2.17.0 corpus: what it accepts and what it rejects.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkIrFiles, ensureBackendBuilt, reportBackendCount, type IrCheckResult } from '../support/backend.ts';
import { sharedDir } from '../support/repo.ts';

const CORPUS = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0');
const VALID = path.join(CORPUS, 'test_data', 'sdk_compiled_pipelines', 'valid');
const INVALID = path.join(CORPUS, 'test_data', 'sdk_compiled_pipelines', 'invalid');
const SNAPSHOTS = path.join(CORPUS, 'kubernetes_platform_snapshot');

/**
 * Valid kfp 2.17.0 output that the backend at the same tag still refuses. The one entry is a
 * ParallelFor over a list of artifacts (dsl.ParallelFor(items=dsl.Collected(...)) of artifacts,
 * GH-12033): the Argo compiler has no artifact iterator (argocompiler/dag.go), so uploading works
 * and creating a run fails.
 */
const EXPECTED_REJECTIONS: Record<string, { template: string; argo: string }> = {
  'test_data/sdk_compiled_pipelines/valid/pipeline_with_parallelfor_list_artifacts_GH-12033.yaml': {
    template: 'ok',
    argo: 'compiling DAG "root": artifact iterator not implemented yet',
  },
};

function yamlFiles(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { recursive })
    .map(String)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(dir, f))
    .sort();
}

function rejected(results: readonly IrCheckResult[]): Record<string, { template: string; argo: string }> {
  return Object.fromEntries(
    results
      .filter((r) => r.template !== 'ok' || r.argo !== 'ok')
      .map((r) => [path.relative(CORPUS, r.file), { template: r.template, argo: r.argo }]),
  );
}

beforeAll(async () => {
  await ensureBackendBuilt();
}, 45 * 60_000); // a cold build of the backend and its Kubernetes dependencies takes minutes

describe('ir-check: the KFP backend over the kfp 2.17.0 corpus', () => {
  test('GIVEN every valid/ and kubernetes snapshot document WHEN checked THEN all but the known Argo-compiler gap are accepted', async () => {
    const files = [...yamlFiles(VALID, true), ...yamlFiles(SNAPSHOTS, false)];
    expect(files.length).toBe(112 + 14); // the corpus README's counts; fails if ../shared changed

    const results = await checkIrFiles(files);

    expect(results.map((r) => r.file)).toEqual(files);
    expect(rejected(results)).toEqual(EXPECTED_REJECTIONS);
    expect(results.filter((r) => r.template === 'ok')).toHaveLength(126);
    expect(results.filter((r) => r.argo === 'ok')).toHaveLength(125);
    reportBackendCount(`corpus (kfp 2.17.0 valid/ + kubernetes snapshots): ${results.filter((r) => r.template === 'ok').length}/${results.length} accepted by the upload parser, ${results.filter((r) => r.argo === 'ok').length}/${results.length} by the Argo compiler`);
  });

  test('GIVEN the corpus invalid/ documents WHEN checked THEN the template parser rejects each', async () => {
    const files = yamlFiles(INVALID, false);
    expect(files.map((f) => path.basename(f))).toEqual(['empty_file.yaml', 'invalid_yaml.yaml', 'no_name.yaml']);

    const results = await checkIrFiles(files);

    for (const r of results) {
      expect(r).toEqual({
        file: r.file,
        template: 'InvalidInputError: unknown template format: pipeline spec is invalid',
        argo: 'not run: the template parser rejected the document',
      });
    }
  });
});

describe('ir-check: deliberately broken documents', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kfp-ts-ir-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a corpus document with one textual edit, failing if the edit did not apply. */
  function broken(name: string, source: string, from: string, to: string): string {
    const text = readFileSync(source, 'utf8');
    expect(text, `${source} should contain ${JSON.stringify(from)}`).toContain(from);
    const file = path.join(dir, name);
    writeFileSync(file, text.replace(from, to));
    return file;
  }

  test('GIVEN one edit per document WHEN checked THEN the backend stage that owns the rule rejects it', async () => {
    const hello = path.join(VALID, 'hello_world.yaml');
    const secretVol = path.join(SNAPSHOTS, 'secret_as_vol.yaml');
    const files = [
      broken('schema-version.yaml', hello, 'schemaVersion: 2.1.0', 'schemaVersion: 2.0.0'),
      broken('unknown-field.yaml', hello, '  dag:\n    tasks:', '  dag:\n    taskz:'),
      broken('missing-component.yaml', hello, 'name: comp-echo', 'name: comp-missing'),
      broken('missing-executor.yaml', hello, 'executorLabel: exec-echo', 'executorLabel: exec-missing'),
      broken('unknown-k8s-field.yaml', secretVol, 'secretName: my-secret', 'secretNameX: my-secret'),
    ];

    const results = await checkIrFiles(files);

    const notRun = 'not run: the template parser rejected the document';
    expect(results.map(({ template, argo }) => ({ template, argo }))).toEqual([
      {
        template: 'InvalidInputError: KFP only supports schema version 2.1.0, but the pipeline spec has version 2.0.0: pipeline spec is invalid',
        argo: notRun,
      },
      // Strict protobuf JSON parsing: an unknown field makes the document unrecognisable.
      { template: 'InvalidInputError: unknown template format: pipeline spec is invalid', argo: notRun },
      { template: 'ok', argo: 'error processing component name="root": cannot find component ref name="comp-missing"' },
      { template: 'ok', argo: 'error processing component name="comp-echo": executor(label="exec-missing") not found in deployment config' },
      // Executor configs are opaque Structs to the upload parser; the compiler parses them strictly.
      {
        template: 'ok',
        argo: 'compiling DAG "root": compiling task "comp": error creating executor for "comp": failed to unmarshal kubernetes config: proto: (line 1:128): unknown field "secretNameX"',
      },
    ]);
  });

  test('GIVEN a platform document whose top-level key is misspelt WHEN checked THEN the backend silently ignores it', async () => {
    // A backend behaviour worth knowing, not a wish: a second document that does not parse as a
    // PlatformSpec with a "kubernetes" entry is skipped (template.IsPlatformSpecWithKubernetesConfig),
    // so kfp-ts must validate its own platforms: document.
    const file = broken('platformz.yaml', path.join(SNAPSHOTS, 'secret_as_vol.yaml'), '\nplatforms:\n', '\nplatformz:\n');

    const [result] = await checkIrFiles([file]);

    expect(result).toEqual({ file, template: 'ok', argo: 'ok' });
  });
});
