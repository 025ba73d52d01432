/**
 * Every cross case and corpus port made only of lightweight Python components and importers,
 * compiled by kfp-ts and run by its local runner (the test venv as `venv`, two pipelines at a
 * time). Each run must end as local-run-expectations.ts says — SUCCEEDED unless listed, with the
 * reason — and its pipeline outputs must equal kfp 2.17.3's local runner's on the same YAML
 * wherever kfp's runner succeeded. Where kfp's runner fails, or differs, the case is listed with
 * both results and kfp-ts's result is checked against values the pipeline's semantics require.
 *
 * kfp's results come from kfp-local-results.json, made by kfp_local_run.py (kfp's runner runs
 * each task's pip prelude: ~15 s a pipeline, too slow for every test run). A case whose compiled
 * YAML or arguments differ from the recorded ones is run with kfp's runner live here (and the
 * test says to refresh the file); `UPDATE_GOLDEN=1` records kfp's results in the file for every case whose YAML or arguments
 * changed (remove the file to rerun every case).
 *
 * Prints `local runs: N succeeded / M`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadPipelinePackage } from '../../src/client/pipeline-file.ts';
import type { JsonValue } from '../../src/ir/index.ts';
import { runLocal, type LocalRunResult } from '../../src/runner/index.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { compileSuitePipelines } from '../support/suite-pipelines.ts';
import { EXPECTATIONS, type Expectation } from './local-run-expectations.ts';
import { NOT_HERE, WITH_INSTALLS, argumentsFor, inputArtifactsFor, isLocalCase, secretsFor, summarise, type KfpResult, type OutputSummary } from './local-runs.ts';
import { TempRoot, VENV } from './support.ts';

const GOLDEN = path.join(REPO, 'tests', 'runner', 'kfp-local-results.json');
const root = new TempRoot();
afterAll(() => root.remove());

interface Case {
  readonly source: string;
  readonly yamlFile: string;
  readonly yamlSha256: string;
  readonly args: Record<string, JsonValue>;
  readonly argsTemplate: Record<string, JsonValue>;
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

async function localCases(): Promise<Case[]> {
  const dir = root.path('yaml');
  mkdirSync(dir, { recursive: true });
  const compiled = await compileSuitePipelines(dir);
  const cases: Case[] = [];
  for (const c of compiled) {
    if (!c.source.startsWith('tests/') || c.yamlFile === undefined || c.source in NOT_HERE) continue;
    const text = readFileSync(c.yamlFile, 'utf8');
    const loaded = loadPipelinePackage(text, c.yamlFile);
    if (!loaded.ok || !isLocalCase(loaded.pkg.pipelineSpec)) continue;
    const tmp = root.path('tmp', c.source.replace(/[\\/]/g, '__'));
    mkdirSync(tmp, { recursive: true });
    cases.push({
      source: c.source,
      yamlFile: c.yamlFile,
      yamlSha256: createHash('sha256').update(text).digest('hex'),
      args: argumentsFor(c.source, loaded.pkg.pipelineSpec, tmp),
      argsTemplate: argumentsFor(c.source, loaded.pkg.pipelineSpec, '{{tmp}}'),
    });
  }
  return cases;
}

/** kfp's runner on the cases whose recorded result is missing or stale (written into the file with UPDATE_GOLDEN=1). */
function kfpResults(cases: readonly Case[]): { results: Record<string, KfpResult>; rerun: string[] } {
  const recorded: Record<string, { yaml: string; args: Record<string, JsonValue>; state: 'SUCCEEDED' | 'FAILED'; outputs?: OutputSummary; error?: string }> = existsSync(GOLDEN)
    ? JSON.parse(readFileSync(GOLDEN, 'utf8'))
    : {};
  const update = process.env['UPDATE_GOLDEN'] === '1';
  const stale = cases.filter((c) => update || recorded[c.source]?.yaml !== c.yamlSha256 || stable(recorded[c.source]?.args) !== stable(c.argsTemplate));
  if (stale.length > 0) {
    const jobs = stale.map((c) => ({ name: c.source, yaml: c.yamlFile, yaml_sha256: c.yamlSha256, args: c.args, args_template: c.argsTemplate, root: root.path('kfp-root') }));
    const jobsFile = root.path('kfp-jobs.json');
    const out = update ? GOLDEN : root.path('kfp-results.json');
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'runner', 'kfp_local_run.py'), jobsFile, out], { cwd: root.dir, encoding: 'utf8', timeout: 3_600_000, maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`kfp_local_run.py failed: ${r.stderr.slice(-3000)}`);
    Object.assign(recorded, JSON.parse(readFileSync(out, 'utf8')));
  }
  const results: Record<string, KfpResult> = {};
  for (const c of cases) {
    const r = recorded[c.source];
    if (r !== undefined) results[c.source] = { yamlSha256: r.yaml, args: r.args, state: r.state, ...(r.outputs ? { outputs: r.outputs } : {}), ...(r.error ? { error: r.error } : {}) };
  }
  return { results, rerun: update ? [] : stale.map((c) => c.source) };
}

async function runCase(c: Case): Promise<LocalRunResult> {
  const loaded = loadPipelinePackage(readFileSync(c.yamlFile, 'utf8'), c.yamlFile);
  if (!loaded.ok) throw new Error(`${c.source}: cannot load`);
  const { pipelineSpec, platformSpec } = loaded.pkg;
  return runLocal(pipelineSpec, c.args, {
    ...(platformSpec !== undefined ? { platformSpec } : {}),
    ...(WITH_INSTALLS.has(c.source) ? {} : { venv: VENV }),
    pipelineRoot: root.path('runs'),
    disableCaching: true,
    parallelism: 2,
    secrets: secretsFor(c.source, pipelineSpec, platformSpec, c.args),
    inputArtifacts: inputArtifactsFor(pipelineSpec, root.path('inputs', c.source.replace(/[\\/]/g, '__'))),
  });
}

function without(summary: OutputSummary | undefined, names: readonly string[]): OutputSummary {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k]) => !names.includes(k)));
}

/** What differs from the expectation, in words (empty: as expected). */
function judge(c: Case, result: LocalRunResult, kfp: KfpResult | undefined, expected: Expectation | undefined): string[] {
  const problems: string[] = [];
  const failedTasks = result.tasks.filter((t) => t.state === 'FAILED' && ['container', 'importer'].includes(t.kind));
  const describe = failedTasks.map((t) => `${t.path}: ${t.message}`).join('; ');
  const wantState = expected?.state ?? 'SUCCEEDED';
  if (result.state !== wantState) problems.push(`ran ${result.state}, expected ${wantState}${describe ? ` (${describe})` : ''}`);
  if (expected?.failed !== undefined) {
    const names = [...new Set(failedTasks.map((t) => t.name))].sort();
    if (stable(names) !== stable([...expected.failed].sort())) problems.push(`failed tasks ${JSON.stringify(names)}, expected ${JSON.stringify(expected.failed)} (${describe})`);
  }
  if (expected?.message !== undefined && !result.tasks.some((t) => t.state === 'FAILED' && expected.message!.test(t.message ?? ''))) problems.push(`no failed task's message matches ${expected.message} (${describe})`);
  for (const check of expected?.checks ?? []) {
    const task = check.task === undefined ? undefined : result.tasks.find((t) => t.path === check.task);
    if (check.task !== undefined && task === undefined) {
      problems.push(`no task ${check.task} (tasks: ${result.tasks.map((t) => t.path).join(', ')})`);
      continue;
    }
    if ('parameters' in check) {
      const got = task === undefined ? result.outputs.parameters : task.outputs?.parameters;
      if (stable(got) !== stable(check.parameters)) problems.push(`${check.task ?? 'pipeline'} outputs ${JSON.stringify(got)}, expected ${JSON.stringify(check.parameters)}`);
    } else if ('state' in check) {
      if (task?.state !== check.state) problems.push(`${check.task} ${task?.state}, expected ${check.state}`);
    } else if ('log' in check) {
      const log = task?.logFile !== undefined && existsSync(task.logFile) ? readFileSync(task.logFile, 'utf8') : '';
      if (!check.log.test(log)) problems.push(`${check.task}'s log does not match ${check.log}: ${log.slice(-600)}`);
    } else {
      const uri = task?.outputs?.artifacts[check.artifact]?.[0]?.uri;
      const text = uri !== undefined && existsSync(uri) ? readFileSync(uri, 'utf8') : undefined;
      if (text !== check.text) problems.push(`${check.task}'s ${check.artifact} holds ${JSON.stringify(text)}, expected ${JSON.stringify(check.text)}`);
    }
  }
  const kfpState = expected?.kfp?.state ?? 'SUCCEEDED';
  if (kfp === undefined) problems.push("no result from kfp's local runner");
  else if (kfp.state !== kfpState) problems.push(`kfp's local runner ${kfp.state}${kfp.error ? ` (${kfp.error})` : ''}, the expectations say ${kfpState}`);
  else if (kfp.state === 'SUCCEEDED' && result.state === 'SUCCEEDED') {
    const ours = without(summarise(result.outputs, loaded(c).pipelineSpec), expected?.kfp?.differentOutputs ?? []);
    const theirs = without(kfp.outputs, expected?.kfp?.differentOutputs ?? []);
    if (stable(ours) !== stable(theirs)) problems.push(`outputs differ from kfp's local runner: kfp-ts ${stable(ours)} / kfp ${stable(theirs)}`);
  }
  return problems;
}

const loadedCache = new Map<string, ReturnType<typeof loadPipelinePackage>>();
function loaded(c: Case) {
  let l = loadedCache.get(c.yamlFile);
  if (l === undefined) loadedCache.set(c.yamlFile, (l = loadPipelinePackage(readFileSync(c.yamlFile, 'utf8'))));
  if (!l.ok) throw new Error('cannot load');
  return l.pkg;
}

it('runs every cross case and corpus port made of Python components and importers as the backend would, and as kfp 2.17.3 local does where it succeeds', async () => {
  const cases = await localCases();
  expect(cases.length).toBeGreaterThan(100);
  const { results: kfp, rerun } = kfpResults(cases);
  const outcomes = new Map<string, LocalRunResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++]!;
      outcomes.set(c.source, await runCase(c));
    }
  };
  await Promise.all([worker(), worker()]);

  const problems: string[] = [];
  for (const c of cases) for (const p of judge(c, outcomes.get(c.source)!, kfp[c.source], EXPECTATIONS[c.source])) problems.push(`${c.source}: ${p}`);
  for (const listed of Object.keys(EXPECTATIONS)) if (!cases.some((c) => c.source === listed)) problems.push(`${listed}: listed in local-run-expectations.ts but not a local case`);
  const succeeded = cases.filter((c) => outcomes.get(c.source)?.state === 'SUCCEEDED').length;
  const asDesigned = cases.filter((c) => outcomes.get(c.source)?.state !== 'SUCCEEDED' && EXPECTATIONS[c.source]?.state === outcomes.get(c.source)?.state).length;
  const kfpFails = cases.filter((c) => kfp[c.source]?.state === 'FAILED').length;
  console.log(`local runs: ${succeeded} succeeded / ${cases.length} (${asDesigned} fail as the pipeline or the backend requires, each listed with its reason; kfp 2.17.3's local runner fails ${kfpFails})`);
  if (rerun.length > 0) console.log(`kfp's local runner was run live for ${rerun.length} case(s) whose YAML or arguments changed; refresh tests/runner/kfp-local-results.json with UPDATE_GOLDEN=1: ${rerun.join(', ')}`);
  expect(problems).toEqual([]);
});
