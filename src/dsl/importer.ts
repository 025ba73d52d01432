import type { ArtifactType } from './artifacts.ts';
import { isChannel, type ParameterChannel } from './channels.ts';
import type { ComponentNode } from './nodes.ts';
import type { InterfaceNode, IoSpec } from './component-node.ts';
import type { Component } from './component.ts';
import type { ArtifactOutputDecl } from './io.ts';
import type { ImporterMetadata, ImporterMetadataKey, ImporterMetadataValue, MetadataDictNode, MetadataKeyNode, MetadataNode } from './importer-metadata.ts';
import { isRuntimePlaceholder, placeholder, type PlaceholderNode, type RuntimePlaceholder, type TemplateNode } from './placeholders.ts';
import type { ArgNode } from './task-config.ts';
import type { StringTemplate } from './typing.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';

/** What `scope.importer(...)` takes (kfp's `dsl.importer`). */
export interface ImporterOptions<T extends string> {
  /**
   * Where the artifact already is: a constant URI, a parameter holding one, or a runtime
   * placeholder (kfp writes `dsl.PIPELINE_ROOT_PLACEHOLDER` there as the constant it is). No str``
   * template: kfp writes a URI f-string with its run-time values unresolved.
   */
  readonly artifactUri: string | ParameterChannel<string> | RuntimePlaceholder;
  readonly artifactType: ArtifactType<T>;
  /** Import again even when the URI was imported before (default false). */
  readonly reimport?: boolean;
  /**
   * Metadata for the artifact. Values may be run-time values (parameters, task outputs, str``,
   * runtime placeholders); so may keys, given as a list of `[key, value]` entries or a Map.
   * @example metadata: [['name', p.name], [made.outputs.Output, 'gs://bucket/x']]
   */
  readonly metadata?: ImporterMetadata;
  readonly downloadToWorkspace?: boolean;
}

/** The outputs of an importer task: `artifact`, of the imported type. */
export type ImporterOutputs<T extends string> = { readonly artifact: ArtifactOutputDecl<T, false> };

function isTemplate(v: unknown): v is StringTemplate {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'stringTemplate';
}

/**
 * The importer component for one call, and the arguments of its task. As kfp does, each distinct
 * run-time value in the metadata, key or value, becomes an input (`metadata`, `metadata-2`, … in
 * the order met, each key before its value) and its place in the metadata a placeholder for that
 * input.
 */
export function importerCall<T extends string>(options: ImporterOptions<T>): { component: Component<{}, ImporterOutputs<T>>; args: Record<string, ArgNode> } {
  const args: Record<string, ArgNode> = { uri: options.artifactUri };
  const inputs: Record<string, IoSpec> = { uri: { kind: 'parameter', parameterType: 'STRING', optional: false } };
  const names = new Map<string, string>();
  const inputFor = (ch: ParameterChannel): PlaceholderNode => {
    const key = JSON.stringify(ch.source);
    let name = names.get(key);
    if (name === undefined) {
      const taken = new Set(names.values());
      name = 'metadata';
      for (let i = 2; taken.has(name); i++) name = `metadata-${i}`;
      names.set(key, name);
      args[name] = ch;
      inputs[name] = { kind: 'parameter', parameterType: ch.parameterType, optional: false };
    }
    return placeholder({ kind: 'inputValue', name });
  };
  const template = (v: StringTemplate): TemplateNode => {
    const parts = v.parts.map((p) => (typeof p === 'string' || isRuntimePlaceholder(p) ? p : inputFor(p)));
    return Object.freeze({ kind: 'template', parts: Object.freeze(parts) });
  };
  const key = (k: ImporterMetadataKey): MetadataKeyNode => (typeof k === 'string' ? k : isTemplate(k) ? template(k) : inputFor(k));
  // One entry per distinct key, where it first appears, with the last value given for it (a
  // Python dict literal's rule); only the kept values' run-time values become inputs.
  const dict = (entries: Iterable<readonly [ImporterMetadataKey, ImporterMetadataValue]>): MetadataDictNode => {
    const kept = new Map<string, [ImporterMetadataKey, ImporterMetadataValue]>();
    for (const [k, v] of entries) {
      const id = typeof k === 'string' ? `s:${k}` : `r:${JSON.stringify(k)}`;
      const seen = kept.get(id);
      if (seen) seen[1] = v;
      else kept.set(id, [k, v]);
    }
    const out = [...kept.values()].map(([k, v]) => Object.freeze([key(k), walk(v)] as const));
    return Object.freeze({ kind: 'metadataDict', entries: Object.freeze(out) });
  };
  const walk = (v: ImporterMetadataValue): MetadataNode => {
    if (v === null || typeof v !== 'object') return v;
    if (isChannel(v)) return inputFor(v);
    if (isRuntimePlaceholder(v)) return v;
    if (isTemplate(v)) return template(v);
    if (v instanceof Map) return dict(v);
    if (Array.isArray(v)) return Object.freeze(v.map(walk));
    return dict(Object.entries(v as Record<string, ImporterMetadataValue>));
  };
  const given = options.metadata;
  const metadata = given === undefined ? undefined : dict(Array.isArray(given) ? given : given instanceof Map ? given : Object.entries(given));
  const iface: InterfaceNode = Object.freeze({
    inputs: Object.freeze(inputs),
    outputs: Object.freeze({ artifact: { kind: 'artifact', artifactType: options.artifactType, isList: false, optional: false } satisfies IoSpec }),
  });
  const node: ComponentNode = Object.freeze({
    kind: 'component',
    name: 'importer',
    interface: iface,
    implementation: Object.freeze({
      kind: 'importer',
      artifactType: options.artifactType,
      reimport: options.reimport ?? false,
      ...(typeof options.artifactUri === 'string'
        ? { constantUri: options.artifactUri }
        : isRuntimePlaceholder(options.artifactUri)
          ? { constantUri: options.artifactUri.ref.expression }
          : {}),
      ...(metadata && metadata.entries.length ? { metadata } : {}),
      ...(options.downloadToWorkspace ? { downloadToWorkspace: true } : {}),
    }),
  });
  return { component: madeByKfpTs(Object.freeze({ kind: 'componentHandle', node })) as Component<{}, ImporterOutputs<T>>, args };
}
