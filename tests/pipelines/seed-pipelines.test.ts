/**
 * The README's main command: `kfp-ts compile pipelines/monitoring_pipeline.ts` (and the tuning
 * pipeline) produce files that pass `kfp-ts validate` and the official protobuf parser, contain
 * no credential, and put the alert under a real condition.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REPO, venvPython } from '../support/repo.ts';
import { loadIr } from '../support/yaml-compare.ts';

const out = mkdtempSync(path.join(tmpdir(), 'kfp-ts-seed-'));

function compile(name: string): { file: string; docs: unknown[] } {
  const file = path.join(out, `${name}.yaml`);
  const r = runCli(['compile', `pipelines/${name}.ts`, '-o', file]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { file, docs: loadIr(readFileSync(file, 'utf8')) };
}

function officialVerdicts(cases: { id: string; docs: unknown[] }[]): { id: string; ok: boolean; error: string | null }[] {
  const r = spawnSync(venvPython(), [path.join(REPO, 'tests', 'validate', 'json_format_verdicts.py')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { id: string; ok: boolean; error: string | null }[];
}

describe.each(['monitoring_pipeline', 'tuning_pipeline'])('%s', (name) => {
  it('GIVEN the pipeline file WHEN compiled THEN kfp-ts validate and the official parser accept it', () => {
    const { file, docs } = compile(name);
    const v = runCli(['validate', file]);
    expect(v.stdout).toContain(`ok ${file}`);
    expect(v.code).toBe(0);
    const [verdict] = officialVerdicts([{ id: name, docs }]);
    expect(verdict).toEqual({ id: name, ok: true, error: null });
  });

  it('GIVEN the compiled file THEN no credential is in it: MinIO keys come from the secret by name', () => {
    const { file, docs } = compile(name);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/AKIA[0-9A-Z]{16}/);
    // No container sets a credential as a plain environment variable.
    const executors0 = (docs[0] as { deploymentSpec: { executors: Record<string, { container?: { env?: { name: string }[] } }> } }).deploymentSpec.executors;
    for (const e of Object.values(executors0))
      for (const env of e.container?.env ?? []) expect(env.name).not.toMatch(/KEY|SECRET|PASSWORD|TOKEN/);
    const platform = docs[1] as { platforms: { kubernetes: { deploymentSpec: { executors: Record<string, { secretAsEnv?: { secretName: string }[] }> } } } };
    const executors = platform.platforms.kubernetes.deploymentSpec.executors;
    expect(Object.keys(executors).length).toBeGreaterThan(0);
    for (const e of Object.values(executors)) expect(e.secretAsEnv?.map((s) => s.secretName)).toEqual(['minio-credentials']);
  });
});

it('GIVEN the monitoring pipeline THEN the alert runs only under slack_webhook != "" and reads the metrics artifact', () => {
  const { docs } = compile('monitoring_pipeline');
  const spec = docs[0] as {
    root: { dag: { tasks: Record<string, { triggerPolicy?: { condition?: string }; componentRef: { name: string } }> } };
    components: Record<string, { dag?: { tasks: Record<string, { inputs: { artifacts: Record<string, unknown> } }> } }>;
  };
  const condition = Object.entries(spec.root.dag.tasks).find(([, t]) => t.triggerPolicy?.condition);
  expect(condition?.[1].triggerPolicy?.condition).toBe("inputs.parameter_values['pipelinechannel--slack_webhook'] != ''");
  const group = spec.components[condition![1].componentRef.name]!;
  expect(group.dag?.tasks['check-and-alert']?.inputs.artifacts.metrics).toEqual({ componentInputArtifact: 'pipelinechannel--train-model-metrics' });
});

/**
 * The cache policy (README, "Caching in the seed pipelines"): a task whose result depends on more
 * than its inputs — a file that can change at the same path, the runs in MLflow, a Slack post —
 * runs every time; a task computed from its inputs alone may be cached.
 */
const EXPECTED_CACHING: Record<string, Record<string, boolean>> = {
  monitoring_pipeline: {
    'ingest-data': false,
    'validate-data': true,
    'train-model': true,
    'generate-comparison-report': false,
    'check-and-alert': false,
  },
  tuning_pipeline: {
    'ingest-data': false,
    'validate-data': true,
    'hyperparameter-search': true,
    'generate-comparison-report': false,
  },
};

interface CachingSpec {
  root: { dag: { tasks: Record<string, { cachingOptions?: { enableCache?: boolean }; componentRef: { name: string } }> } };
  components: Record<string, { dag?: CachingSpec['root']['dag'] }>;
}

/** Every container task, in the root DAG and in the groups' DAGs, with its caching switch. */
function cachingByTask(spec: CachingSpec): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const dag of [spec.root.dag, ...Object.values(spec.components).flatMap((c) => (c.dag ? [c.dag] : []))])
    for (const [name, task] of Object.entries(dag.tasks))
      if (!spec.components[task.componentRef.name]?.dag) out[name] = task.cachingOptions?.enableCache === true;
  return out;
}

describe.each(Object.keys(EXPECTED_CACHING))('%s caching', (name) => {
  it('GIVEN the compiled pipeline WHEN each task is read THEN caching is off exactly where the result depends on outside state', () => {
    const spec = compile(name).docs[0] as CachingSpec;
    expect(cachingByTask(spec)).toEqual(EXPECTED_CACHING[name]);
  });
});
