// Uploading and running from a program, with the client the CLI's upload and run commands use.
// It never prints and never reads the environment: everything is an option.
import { readFile } from 'node:fs/promises';
import { KfpClient, ensureExperiment, followRun, loadPipelinePackage, publishPipeline, runPipelineSpec, submitRun } from 'kfp-ts/client';

export async function uploadAndRun(file: string): Promise<string> {
  const kfp = new KfpClient({
    host: 'https://kubeflow.example.com/pipeline',
    credentials: { bearer: { kind: 'token-file', path: '/var/run/secrets/kubeflow/pipelines/token', origin: 'in-cluster' } },
  });
  const loaded = loadPipelinePackage(await readFile(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));

  // A new pipeline, or a new version of the one with this name (unchanged files are not uploaded again).
  const published = await publishPipeline(kfp, {
    file: { content: loaded.pkg.bytes, filename: 'quickstart.yaml' },
    name: 'quickstart',
    sha256: loaded.pkg.sha256,
  });
  console.log(`${published.outcome}: ${published.pipeline.pipeline_id} / ${published.version.pipeline_version_id}`);

  const { experiment } = await ensureExperiment(kfp, 'nightly');
  const { run } = await submitRun(kfp, {
    experimentId: experiment.experiment_id,
    runName: 'quickstart nightly',
    pipelineSpec: runPipelineSpec(loaded.pkg),
    parameters: { source: 'gs://my-bucket/2026-12.csv' },
  });
  const final = await followRun(kfp, run.run_id, { intervalMs: 5000, onEvent: (e) => console.log(e.kind, e.state) });
  return final.state ?? 'unknown';
}
