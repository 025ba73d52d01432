import type { ImporterImplementation } from '../dsl/component-node.ts';
import type { MetadataKeyNode, MetadataNode } from '../dsl/importer-metadata.ts';
import type { PlaceholderNode, TemplateNode } from '../dsl/placeholders.ts';
import { placeholderText } from './lower-executor.ts';

type Json = Record<string, unknown>;

function text(v: PlaceholderNode | TemplateNode): string {
  return v.kind === 'placeholder' ? placeholderText(v.ref) : v.parts.map((p) => (typeof p === 'string' ? p : placeholderText(p.ref))).join('');
}

function lowerKey(k: MetadataKeyNode): string {
  return typeof k === 'string' ? k : text(k);
}

/**
 * Metadata with its placeholders written out (`{{$.inputs.parameters['metadata']}}`), in keys as in
 * values: kfp writes a run-time key as the placeholder of its input, which the backend fills in.
 */
function lowerMetadata(v: MetadataNode): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(lowerMetadata);
  const node = v as Exclude<MetadataNode, readonly MetadataNode[] | string | number | boolean | null>;
  if (node.kind === 'metadataDict') return Object.fromEntries(node.entries.map(([k, x]) => [lowerKey(k), lowerMetadata(x)]));
  return text(node);
}

/**
 * kfp's ImporterSpec: a constant URI is written in place; a run-time one is read from the task's
 * `uri` input. `reimport` and `downloadToWorkspace` appear only when true (proto3 defaults).
 */
export function importerSpec(impl: ImporterImplementation): Json {
  const spec: Json = {
    artifactUri: impl.constantUri !== undefined ? { constant: impl.constantUri } : { runtimeParameter: 'uri' },
    typeSchema: { schemaTitle: impl.artifactType.schemaTitle, schemaVersion: impl.artifactType.schemaVersion },
  };
  if (impl.reimport) spec.reimport = true;
  if (impl.metadata && impl.metadata.entries.length) spec.metadata = lowerMetadata(impl.metadata);
  if (impl.downloadToWorkspace) spec.downloadToWorkspace = true;
  return spec;
}
