import type { ImporterImplementation } from '../dsl/component-node.ts';
import type { MetadataDictNode, MetadataKeyNode, MetadataNode } from '../dsl/importer-metadata.ts';
import type { PlaceholderNode, TemplateNode } from '../dsl/placeholders.ts';
import type { ImporterSpec, JsonObject, JsonValue } from '../ir/index.ts';
import { placeholderText } from './lower-executor.ts';

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
function lowerMetadata(v: MetadataNode): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (isList(v)) return v.map(lowerMetadata);
  if (v.kind === 'metadataDict') return lowerDict(v);
  return text(v);
}

function lowerDict(v: MetadataDictNode): JsonObject {
  return Object.fromEntries(v.entries.map(([k, x]) => [lowerKey(k), lowerMetadata(x)]));
}

function isList(v: MetadataNode): v is readonly MetadataNode[] {
  return Array.isArray(v);
}

/**
 * kfp's ImporterSpec: a constant URI is written in place; a run-time one is read from the task's
 * `uri` input. `reimport` and `downloadToWorkspace` appear only when true (proto3 defaults).
 */
export function importerSpec(impl: ImporterImplementation): ImporterSpec {
  return {
    artifactUri: impl.constantUri !== undefined ? { constant: impl.constantUri } : { runtimeParameter: 'uri' },
    typeSchema: { schemaTitle: impl.artifactType.schemaTitle, schemaVersion: impl.artifactType.schemaVersion },
    ...(impl.reimport ? { reimport: true } : {}),
    ...(impl.metadata && impl.metadata.entries.length ? { metadata: lowerDict(impl.metadata) } : {}),
    ...(impl.downloadToWorkspace ? { downloadToWorkspace: true } : {}),
  };
}
