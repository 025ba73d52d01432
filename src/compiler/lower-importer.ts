import type { ImporterImplementation } from '../dsl/component-node.ts';
import type { PlaceholderNode, TemplateNode } from '../dsl/placeholders.ts';
import { placeholderText } from './lower-executor.ts';

type Json = Record<string, unknown>;

function isNode<K extends string>(v: unknown, kind: K): v is { kind: K } {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === kind;
}

/** Metadata with its placeholders written out (`{{$.inputs.parameters['metadata']}}`). */
function lowerMetadata(v: unknown): unknown {
  if (isNode(v, 'placeholder')) return placeholderText((v as PlaceholderNode).ref);
  if (isNode(v, 'template')) return (v as TemplateNode).parts.map((p) => (typeof p === 'string' ? p : placeholderText(p.ref))).join('');
  if (Array.isArray(v)) return v.map(lowerMetadata);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lowerMetadata(x)]));
  return v;
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
  if (impl.metadata && Object.keys(impl.metadata).length) spec.metadata = lowerMetadata(impl.metadata);
  if (impl.downloadToWorkspace) spec.downloadToWorkspace = true;
  return spec;
}
