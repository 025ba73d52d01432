import { backoffDelay } from './retry.ts';
import { KfpError, isKfpError } from './errors.ts';
import type { KfpClient, UploadFile } from './kfp-client.ts';
import { MAX_PIPELINE_FILE_BYTES } from './pipeline-file.ts';
import type { Pipeline, PipelineVersion } from './schemas.ts';

/** What {@link publishPipeline} uploads: the file, the pipeline name, optionally a version name and description. */
export interface PublishRequest {
  readonly file: UploadFile;
  /** The pipeline's name (unique per namespace). */
  readonly name: string;
  /**
   * The version's name. Without it, a new pipeline's first version is named like the pipeline (the
   * server's rule), and a version added to an existing pipeline is named after the file's content,
   * `sha256-<12 hex>`, so uploading the same file twice is recognised instead of duplicated.
   */
  readonly versionName?: string;
  readonly description?: string;
  readonly namespace?: string;
  /** sha256 of the file, hex; computed by the caller who already has it. */
  readonly sha256: string;
}

/** Whether a pipeline was created, a version added, or the file was already there. */
export type PublishOutcome =
  /** A new pipeline with its first version. */
  | 'created'
  /** A new version of an existing pipeline. */
  | 'versioned'
  /** The content-named version already existed: nothing was uploaded. */
  | 'unchanged';

/** The pipeline and version after {@link publishPipeline}, and what happened. */
export interface PublishResult {
  readonly outcome: PublishOutcome;
  readonly pipeline: Pipeline;
  readonly version: PipelineVersion;
  /** Lines worth telling the user, e.g. that an uncertain failure was resolved by looking. */
  readonly notes: readonly string[];
}

/** Backend limits (validation/length.go): pipeline names 128 bytes, version names 127. */
const MAX_PIPELINE_NAME_BYTES = 128;
const MAX_VERSION_NAME_BYTES = 127;

/** The version name used when none is given: `sha256-` and the first 12 hex digits of the file's hash. */
export function defaultVersionName(sha256: string): string {
  return `sha256-${sha256.slice(0, 12)}`;
}

/**
 * Create-or-version: upload a new pipeline, or add a version when one of that name exists (the CI
 * case). Uploads are never retried blind. When an upload fails in a way that may hide success
 * (connection dropped after sending, gateway 502/503/504), the pipeline or version is looked up by
 * its unique name first; the upload is repeated only if it is not there. A 409 (someone — or our
 * own earlier attempt — created it meanwhile) is resolved the same way.
 */
export async function publishPipeline(kfp: KfpClient, req: PublishRequest): Promise<PublishResult> {
  checkRequest(req);
  const notes: string[] = [];
  const existing = await kfp.findPipelineByName(req.name, req.namespace);
  if (existing !== undefined) return addVersion(kfp, req, existing, notes);
  if (req.versionName === undefined) return createWithUpload(kfp, req, notes);
  return createThenVersion(kfp, req, notes);
}

function checkRequest(req: PublishRequest): void {
  if (req.file.content.byteLength > MAX_PIPELINE_FILE_BYTES) {
    throw new KfpError({
      code: 'client/file-too-large',
      operation: 'UploadPipeline',
      message: `The pipeline file is ${req.file.content.byteLength} bytes; Kubeflow Pipelines accepts at most ${MAX_PIPELINE_FILE_BYTES} (32 MiB). Nothing was sent.`,
    });
  }
  if (req.name.trim() === '') throw new KfpError({ code: 'client/invalid-input', operation: 'UploadPipeline', message: 'The pipeline name is empty.' });
  if (Buffer.byteLength(req.name) > MAX_PIPELINE_NAME_BYTES) {
    throw new KfpError({ code: 'client/invalid-input', operation: 'UploadPipeline', message: `The pipeline name is ${Buffer.byteLength(req.name)} bytes; the server allows ${MAX_PIPELINE_NAME_BYTES}.` });
  }
  if (req.versionName !== undefined) {
    if (req.versionName.trim() === '') throw new KfpError({ code: 'client/invalid-input', operation: 'UploadPipelineVersion', message: 'The version name is empty.' });
    if (Buffer.byteLength(req.versionName) > MAX_VERSION_NAME_BYTES) {
      throw new KfpError({
        code: 'client/invalid-input',
        operation: 'UploadPipelineVersion',
        message: `The version name is ${Buffer.byteLength(req.versionName)} bytes; the server allows ${MAX_VERSION_NAME_BYTES}.`,
      });
    }
  }
}

/** Failures after which the create may or may not have happened. */
function isUncertain(err: unknown): boolean {
  return isKfpError(err) && err.uncertain;
}

/**
 * Runs `create`; on an uncertain failure, waits (backoff), runs `lookup`, and returns what it finds
 * — or creates again if nothing is there. On 409 returns the lookup. Bounded by the retry policy.
 */
async function createOnce<T>(
  kfp: KfpClient,
  what: string,
  create: () => Promise<T>,
  lookup: () => Promise<T | undefined>,
  notes: string[],
): Promise<{ value: T; found: boolean }> {
  const max = kfp.http.retry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await create(), found: false };
    } catch (err) {
      const conflict = isKfpError(err) && err.code === 'client/conflict';
      if (!conflict && !isUncertain(err)) throw err;
      if (!conflict) await kfp.http.sleep(backoffDelay(attempt, kfp.http.retry));
      const found = await lookup();
      if (found !== undefined) {
        notes.push(conflict ? `${what} already existed when it was created (409); using it.` : `The ${what} request failed uncertainly (${(err as KfpError).code}); it had in fact been applied, so it was not sent again.`);
        return { value: found, found: true };
      }
      if (conflict || attempt >= max) throw err;
      notes.push(`The ${what} request failed (${(err as KfpError).code}) and nothing was created; sent it again.`);
    }
  }
}

/** The new pipeline's fields, the same whether it is created by an upload or empty. */
function newPipelineFields(req: PublishRequest): { name: string; display_name: string; description?: string; namespace?: string } {
  return {
    name: req.name,
    display_name: req.name,
    ...(req.description !== undefined ? { description: req.description } : {}),
    ...(req.namespace !== undefined ? { namespace: req.namespace } : {}),
  };
}

async function createWithUpload(kfp: KfpClient, req: PublishRequest, notes: string[]): Promise<PublishResult> {
  const created = await createOnce(
    kfp,
    'pipeline upload',
    () => kfp.uploadPipeline(req.file, newPipelineFields(req)),
    () => kfp.findPipelineByName(req.name, req.namespace),
    notes,
  );
  const pipeline = created.value;
  // The upload answers with the pipeline only; its single version carries the pipeline's name.
  const version = (await kfp.findPipelineVersionByName(pipeline.pipeline_id, req.name)) ?? (await latestVersion(kfp, pipeline.pipeline_id));
  if (version === undefined) {
    // A 409 race: the pipeline exists (created by someone else) but has no version yet — add ours.
    return addVersion(kfp, req, pipeline, notes);
  }
  return { outcome: 'created', pipeline, version, notes };
}

/** `--version` on the first upload (kubeflow/pipelines#13753): create the pipeline empty, then upload its first version with that name. */
async function createThenVersion(kfp: KfpClient, req: PublishRequest, notes: string[]): Promise<PublishResult> {
  const created = await createOnce(
    kfp,
    'pipeline creation',
    () => kfp.createPipeline(newPipelineFields(req)),
    () => kfp.findPipelineByName(req.name, req.namespace),
    notes,
  );
  const result = await addVersion(kfp, req, created.value, notes);
  return { ...result, outcome: 'created' };
}

async function addVersion(kfp: KfpClient, req: PublishRequest, pipeline: Pipeline, notes: string[]): Promise<PublishResult> {
  const explicit = req.versionName !== undefined;
  const versionName = req.versionName ?? defaultVersionName(req.sha256);
  const already = await kfp.findPipelineVersionByName(pipeline.pipeline_id, versionName);
  if (already !== undefined) {
    if (!explicit) return { outcome: 'unchanged', pipeline, version: already, notes: [...notes, `Version ${versionName} already holds this exact file; nothing uploaded.`] };
    throw new KfpError({
      code: 'client/conflict',
      operation: 'UploadPipelineVersion',
      status: 409,
      message: `Pipeline "${req.name}" already has a version named "${versionName}". Choose another --version, or leave it out to name the version after the file's content.`,
    });
  }
  const created = await createOnce(
    kfp,
    'version upload',
    () =>
      kfp.uploadPipelineVersion(req.file, {
        pipelineid: pipeline.pipeline_id,
        name: versionName,
        display_name: versionName,
        ...(req.description !== undefined ? { description: req.description } : {}),
      }),
    () => kfp.findPipelineVersionByName(pipeline.pipeline_id, versionName),
    notes,
  );
  return { outcome: 'versioned', pipeline, version: created.value, notes };
}

async function latestVersion(kfp: KfpClient, pipelineId: string): Promise<PipelineVersion | undefined> {
  const res = await kfp.listPipelineVersions(pipelineId, { pageSize: 1, sortBy: 'created_at desc' });
  return res.pipeline_versions?.[0];
}
