import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import { readPipelineSpec, readPlatformSpec, type ComponentInputParameterSpec, type PipelineSpec, type PlatformSpec } from '../ir/index.ts';

/** A document as parsed from the file, not validated: what a run sends, so the server judges the file as written. */
type ParsedDocument = Readonly<Record<string, unknown>>;

/** The API server refuses pipeline files larger than this (backend common.MaxFileLength = 32 << 20). */
export const MAX_PIPELINE_FILE_BYTES = 32 * 1024 * 1024;

/**
 * A pipeline input as the root's `inputDefinitions.parameters` declares it: its `parameterType`,
 * `isOptional`, `defaultValue`, and the `literals` the backend restricts it to.
 */
export type RootParameterSpec = ComponentInputParameterSpec;

/**
 * A compiled pipeline ready to send: the bytes for upload, the parsed documents for runs — the
 * PipelineSpec plus the optional second `platforms:` document kfp-kubernetes writes — and their
 * typed view for reading.
 */
export interface PipelinePackage {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** The PipelineSpec, read into the typed IR (readIr: proto field names resolved, unfit parts left out). */
  readonly pipelineSpec: PipelineSpec;
  /** The platform document, read into the typed IR. */
  readonly platformSpec: PlatformSpec | undefined;
  /** The documents as parsed, unchanged: what a run sends, so the server judges the file as written. */
  readonly documents: { readonly pipelineSpec: ParsedDocument; readonly platformSpec: ParsedDocument | undefined };
  /** `pipelineInfo.name`: the default pipeline name, as the Python client uses. */
  readonly pipelineName: string | undefined;
  readonly rootParameters: Readonly<Record<string, RootParameterSpec>>;
  /** sha256 of the bytes, hex. */
  readonly sha256: string;
}

/** The pipeline a file holds, or why it holds none. */
export type LoadResult = { readonly ok: true; readonly pkg: PipelinePackage } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses IR YAML text; problems come back as diagnostics (`file` set when given), never thrown. */
export function loadPipelinePackage(text: string, file?: string): LoadResult {
  const bytes = Buffer.from(text, 'utf8');
  const diags: Diagnostic[] = [];
  const at = (code: DiagnosticCode, path: string, message: string): Diagnostic => diagnostic(code, path, message, file);
  if (bytes.byteLength > MAX_PIPELINE_FILE_BYTES) {
    return {
      ok: false,
      diagnostics: [
        at(
          'client/file-too-large',
          'file',
          `The pipeline file is ${bytes.byteLength} bytes; Kubeflow Pipelines accepts at most ${MAX_PIPELINE_FILE_BYTES} (32 MiB). Move large embedded code or data into a container image or object storage.`,
        ),
      ],
    };
  }
  const docs = parseAllDocuments(text);
  const values: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const e of doc.errors) diags.push(at('pipeline-file/yaml', e.linePos ? `line ${e.linePos[0].line}` : 'yaml', e.message.split('\n')[0] ?? e.message));
    if (doc.errors.length === 0) values.push(doc.toJS());
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  const nonEmpty = values.filter((v) => v !== null && v !== undefined);
  const spec = nonEmpty[0];
  if (!isRecord(spec) || !isRecord(spec['root'])) {
    return { ok: false, diagnostics: [at('pipeline-file/not-ir', 'document', 'This is not a compiled KFP pipeline (no `root` in the first YAML document). Compile it first, or pass the .ts file.')] };
  }
  let platformDocument: ParsedDocument | undefined;
  for (const extra of nonEmpty.slice(1)) {
    if (!isRecord(extra)) {
      diags.push(at('pipeline-file/platform-spec', 'platforms', 'The second YAML document must be a mapping (the `platforms:` document).'));
      continue;
    }
    platformDocument = { ...(platformDocument ?? {}), ...extra };
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  const pipelineSpec = readPipelineSpec(spec);
  return {
    ok: true,
    pkg: {
      text,
      bytes,
      pipelineSpec,
      platformSpec: platformDocument === undefined ? undefined : readPlatformSpec(platformDocument),
      documents: { pipelineSpec: spec, platformSpec: platformDocument },
      pipelineName: pipelineSpec.pipelineInfo?.name,
      rootParameters: pipelineSpec.root?.inputDefinitions?.parameters ?? {},
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/**
 * The `pipeline_spec` of a CreateRun request: the spec alone, or — when the file carries a platform
 * document — `{pipeline_spec, platform_spec}`, the form the Python client sends and the API server
 * unpacks.
 */
export function runPipelineSpec(pkg: PipelinePackage): ParsedDocument {
  const { pipelineSpec, platformSpec } = pkg.documents;
  if (platformSpec === undefined || Object.keys(platformSpec).length === 0) return pipelineSpec;
  return { pipeline_spec: pipelineSpec, platform_spec: platformSpec };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
