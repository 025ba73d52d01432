/**
 * kfp-ts's warnings for what the KFP backend refuses at run creation (src/validate/backend-refusals.ts)
 * against the backend's own Argo compiler (ir-check): pipelines kfp-ts compiles into each refused
 * shape, hand-edited documents for the shapes only hand-written or loaded IR can take, and
 * workspace sizes against Kubernetes' own quantity parser. Each refusal must be warned about with
 * the backend's exact error first, and nothing the backend accepts may be warned about.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { validateIrText } from '../../src/validate/index.ts';
import { checkIrFiles, ensureBackendBuilt, reportBackendCount } from '../support/backend.ts';
import { isRefusalWarning, refusalMismatches } from '../support/refusal-parity.ts';
import * as fixtures from './fixtures/refusal-pipelines.ts';

type Json = Record<string, any>;

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kfp-ts-refusals-'));
  await ensureBackendBuilt();
}, 45 * 60_000); // a cold build of the backend takes minutes
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pipelines = Object.entries(fixtures).filter((e): e is [string, Pipeline] => e[0] !== 'REFUSED');

async function compiled(name: string, p: Pipeline): Promise<{ file: string; warnings: readonly Diagnostic[]; docs: Json[] }> {
  const result = await compileToYaml(p.build());
  if (result.yamlText === undefined) throw new Error(`${name} did not compile: ${JSON.stringify(result.diagnostics)}`);
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, result.yamlText);
  return { file, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), docs: parseAllDocuments(result.yamlText).map((d) => d.toJS() as Json) };
}

/** Writes edited documents and validates them as `kfp-ts validate` does. */
function edited(name: string, docs: readonly Json[]): { file: string; warnings: readonly Diagnostic[] } {
  const file = path.join(dir, `${name}.yaml`);
  const text = docs.map((d) => stringify(d)).join('---\n');
  writeFileSync(file, text);
  const ds = validateIrText(text, file);
  const errors = ds.filter((d) => d.severity !== 'warning');
  if (errors.length > 0) throw new Error(`${name} is not valid IR: ${JSON.stringify(errors)}`);
  return { file, warnings: ds };
}

async function agree(cases: ReadonlyArray<{ name: string; file: string; warnings: readonly Diagnostic[] }>): Promise<{ refused: number; accepted: number }> {
  const byFile = new Map(cases.map((c) => [c.file, c]));
  const results = await checkIrFiles(cases.map((c) => c.file));
  expect(refusalMismatches(results, (f) => byFile.get(f)!.warnings, (f) => byFile.get(f)!.name)).toEqual([]);
  const refused = results.filter((r) => r.argo !== 'ok').length;
  return { refused, accepted: results.length - refused };
}

describe('backend refusal warnings against the Argo compiler', () => {
  test('GIVEN pipelines kfp-ts compiles into each refused shape, and controls WHEN checked by the backend THEN the warnings match its refusals exactly', async () => {
    const cases = [];
    for (const [name, p] of pipelines) cases.push({ name, ...(await compiled(name, p)) });

    const { refused, accepted } = await agree(cases);

    // Each fixture hits the refusal it was written for (so none silently stopped exercising it).
    expect(Object.fromEntries(cases.flatMap((c) => (c.warnings.some(isRefusalWarning) ? [[c.name, c.warnings.filter(isRefusalWarning)[0]!.code]] : [])))).toEqual(fixtures.REFUSED);
    expect(accepted).toBeGreaterThanOrEqual(4);
    reportBackendCount(`refusal fixtures (tests/backend-check/fixtures): ${refused} refused by the Argo compiler and warned about, ${accepted} accepted without a warning`);
  });

  test('GIVEN documents edited into shapes only hand-written or loaded IR takes WHEN validated and checked THEN the warnings match the refusals exactly', async () => {
    const base = (await compiled('importer-base', fixtures.importerControl)).docs;
    const clone = (): Json[] => structuredClone(base);
    const rootTasks = (docs: Json[]) => docs[0]!['root'].dag.tasks as Json;
    const importerTask = (docs: Json[]) => Object.values(rootTasks(docs)).find((t: Json) => t.componentRef.name.startsWith('comp-importer')) as Json;
    const ws = (docs: Json[]) => docs[1]!['platforms'].kubernetes.pipelineConfig.workspace as Json;
    const withEdit = (edit: (docs: Json[]) => void): Json[] => {
      const docs = clone();
      edit(docs);
      return docs;
    };
    const docsByName: Record<string, Json[]> = {
      'importer-condition': withEdit((d) => void (importerTask(d).triggerPolicy = { condition: '1 == 1' })),
      // An iterator task's body is compiled as the task "iteration-item", two wrappers deeper.
      'importer-condition-in-iterator': withEdit((d) => {
        Object.assign(importerTask(d), { triggerPolicy: { condition: '1 == 1' }, parameterIterator: { itemInput: 'item', items: { raw: '["a", "b"]' } } });
      }),
      'resolver-executor': withEdit((d) => {
        const label = d[0]!['components'][importerTask(d).componentRef.name].executorLabel as string;
        d[0]!['deploymentSpec'].executors[label] = { resolver: { outputArtifactQueries: {} } };
      }),
      'workspace-no-size': withEdit((d) => void (ws(d).size = '')),
      'workspace-patch-field': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.volumeMode = 'Filesystem')),
      'workspace-access-modes-string': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.accessModes = 'ReadWriteOnce')),
      'workspace-access-mode-number': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.accessModes = [1])),
      'workspace-storage-class-number': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.storageClassName = 5)),
      'workspace-no-access-modes': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.accessModes = [])),
      'workspace-negative': withEdit((d) => void (ws(d).size = '-1Gi')),
      // Controls: no Kubernetes part means no PVC and nothing checked; a null access mode is still one.
      'workspace-without-kubernetes': withEdit((d) => void delete ws(d).kubernetes),
      'workspace-null-access-mode': withEdit((d) => void (ws(d).kubernetes.pvcSpecPatch.accessModes = [null])),
      'base': clone(),
    };
    const cases = Object.entries(docsByName).map(([name, docs]) => ({ name, ...edited(name, docs) }));

    const { refused, accepted } = await agree(cases);

    expect(Object.fromEntries(cases.map((c) => [c.name, c.warnings.filter(isRefusalWarning).map((d) => d.code)[0] ?? 'accepted']))).toEqual({
      'importer-condition': 'backend/argo-importer-condition',
      'importer-condition-in-iterator': 'backend/argo-importer-condition',
      'resolver-executor': 'backend/argo-executor-kind',
      'workspace-no-size': 'backend/argo-workspace-size',
      'workspace-patch-field': 'backend/argo-workspace-patch',
      'workspace-access-modes-string': 'backend/argo-workspace-patch',
      'workspace-access-mode-number': 'backend/argo-workspace-patch',
      'workspace-storage-class-number': 'backend/argo-workspace-patch',
      'workspace-no-access-modes': 'backend/argo-workspace-access-modes',
      'workspace-negative': 'backend/argo-workspace-size',
      'workspace-without-kubernetes': 'accepted',
      'workspace-null-access-mode': 'accepted',
      'base': 'accepted',
    });
    reportBackendCount(`refusal edits (hand-edited IR): ${refused} refused by the Argo compiler and warned about, ${accepted} accepted without a warning`);
  });

  test('GIVEN workspace sizes WHEN the backend parses them (Kubernetes ParseQuantity) THEN the size warnings agree on each', async () => {
    const base = (await compiled('size-base', fixtures.workspaceControl)).docs;
    const sizes = [
      '1Gi', '10Ki', '1.5Gi', '0', '000', '-0', '+1Gi', '1e3', '1E3', '1e-3', '1E', '.5', '1.', 'Gi', '+', '1m', '12345678901234567890',
      '10K', '1gi', '1KiB', '1e', '1k5', '1Ki5', '1.5.3', '1 Gi', '1Gi ', ' 1Gi', 'one', '-1Gi', '-0.5', '1,000',
    ];
    const cases = sizes.map((size, i) => {
      const docs = structuredClone(base);
      docs[1]!['platforms'].kubernetes.pipelineConfig.workspace.size = size;
      return { name: `size ${JSON.stringify(size)}`, ...edited(`size-${i}`, docs) };
    });

    const { refused, accepted } = await agree(cases);

    // Both verdicts occur, so the comparison is not vacuous.
    expect(refused).toBeGreaterThanOrEqual(8);
    expect(accepted).toBeGreaterThanOrEqual(10);
    reportBackendCount(`workspace sizes: ${sizes.length} through Kubernetes' ParseQuantity, ${refused} refused and warned about, ${accepted} accepted`);
  });
});
