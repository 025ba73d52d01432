/**
 * Every pipeline the test suite compiles from TypeScript (seed pipelines, cross-compile cases,
 * corpus ports) goes through the KFP backend's own code too: the API server's template parser and
 * the Argo workflow compiler (tests/backend, commit 0c355f1). Both must accept each file, except
 * where the backend itself refuses kfp's own output for the same pipeline; those refusals are
 * exactly the ones kfp-ts warns about when it compiles them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkIrFiles, reportBackendCount } from '../support/backend.ts';
import { refusalMismatches } from '../support/refusal-parity.ts';
import { compileSuitePipelines, type CompiledSuitePipeline } from '../support/suite-pipelines.ts';

/**
 * A ParallelFor over a list of artifacts has no Argo lowering in this backend (GH-12033, the
 * corpus golden pipeline_with_parallelfor_list_artifacts_GH-12033 is refused the same way): the
 * upload parser accepts these files, the workflow compiler does not. The two cross cases are
 * equal to kfp 2.17.3's compile of their Python twins, so kfp's own files are refused alike.
 */
const ARTIFACT_ITERATOR = 'compiling DAG "root": artifact iterator not implemented yet';
/**
 * A workspace configured with a size only (kfp's `WorkspaceConfig(size=...)`, no pvcSpecPatch): kfp
 * writes no accessModes and the Argo compiler requires them. A condition whose only task has
 * ignoreUpstreamFailure (trigger strategy ALL_UPSTREAM_TASKS_COMPLETED): the Argo compiler takes
 * every such task for an exit task and wants a non-exit task in each DAG (argocompiler/dag.go).
 * kfp 2.17.3's compiles of these cases' Python twins get the same refusals from ir-check.
 */
const NO_ACCESS_MODES = 'workspace PVC spec must specify accessModes';
const ARGO_REFUSES: Record<string, string> = {
  'tests/cross/cases/composition_edges.ts': NO_ACCESS_MODES,
  'tests/cross/cases/fan_in.ts': ARTIFACT_ITERATOR,
  'tests/cross/cases/nested_artifact_lists.ts': ARTIFACT_ITERATOR,
  'tests/cross/cases/settings_from_channels.ts': NO_ACCESS_MODES,
  'tests/cross/cases/upstream_failure_in_groups.ts': 'compiling DAG "comp-condition-2": DAG comp-condition-2 must contain one or more non-exit tasks',
  'tests/ports/pipelines/pipeline_with_parallelfor_list_artifacts_GH-12033.ts': ARTIFACT_ITERATOR,
};
/** Modules among the suite's pipeline folders that hold shared pieces, not a pipeline. */
const NOT_PIPELINES = ['pipelines/minio.ts'];

let outDir = '';
beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'kfp-ts-suite-backend-'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let compiled: CompiledSuitePipeline[] | undefined;
async function compiledOnce(): Promise<CompiledSuitePipeline[]> {
  compiled ??= await compileSuitePipelines(outDir);
  return compiled;
}

test('GIVEN every module of the suite\'s pipeline folders WHEN compiled THEN each default-exports a pipeline that compiles', async () => {
  const all = await compiledOnce();
  const problems = all.filter((c) => c.problem !== undefined && !NOT_PIPELINES.includes(c.source));
  expect(problems, 'every suite pipeline compiles').toEqual([]);
  expect(all.filter((c) => c.yamlFile).length).toBeGreaterThan(150);
});

test('GIVEN every pipeline the suite compiles WHEN the backend checks it THEN the upload parser and the Argo compiler accept it, and each refusal is a compile warning', { timeout: 45 * 60_000 }, async () => {
  const all = await compiledOnce();
  const files = all.flatMap((c) => (c.yamlFile ? [c.yamlFile] : []));
  expect(files.length).toBeGreaterThan(150);

  const results = await checkIrFiles(files);

  const sourceOf = new Map(all.map((c) => [c.yamlFile, c.source]));
  const refused = Object.fromEntries(
    results.filter((r) => r.template !== 'ok' || r.argo !== 'ok').map((r) => [sourceOf.get(r.file), `${r.template} / ${r.argo}`]),
  );
  const expected = Object.fromEntries(Object.entries(ARGO_REFUSES).map(([k, v]) => [k, `ok / ${v}`]));
  expect(refused).toEqual(expected);
  // kfp-ts warns at compile time about exactly these, quoting the backend (src/validate/backend-refusals.ts).
  const compiledOf = new Map(all.map((c) => [c.yamlFile, c]));
  expect(refusalMismatches(results, (f) => compiledOf.get(f)?.warnings ?? [], (f) => sourceOf.get(f) ?? f)).toEqual([]);
  reportBackendCount(
    `suite pipelines (pipelines/, tests/cross/cases, tests/ports/pipelines): ${results.filter((r) => r.template === 'ok').length}/${results.length} accepted by the upload parser, ${results.filter((r) => r.argo === 'ok').length}/${results.length} by the Argo compiler; ${Object.keys(refused).length} refusals, each warned about at compile time`,
  );
});
