import type { ArtifactType } from './artifacts.ts';
import { isChannel, type ParameterChannel } from './channels.ts';
import type { ComponentNode, InterfaceNode, IoSpec } from './component-node.ts';
import type { Component } from './component.ts';
import type { ArtifactOutputDecl } from './io.ts';
import { placeholder, type PlaceholderNode, type TemplateNode } from './placeholders.ts';
import type { ArgNode } from './task-node.ts';
import type { StringTemplate } from './typing.ts';

/** What `scope.importer(...)` takes (kfp's `dsl.importer`). */
export interface ImporterOptions<T extends string> {
  /** Where the artifact already is: a constant URI, or a parameter holding one. */
  readonly artifactUri: string | ParameterChannel<string>;
  readonly artifactType: ArtifactType<T>;
  /** Import again even when the URI was imported before (default false). */
  readonly reimport?: boolean;
  /** Metadata for the artifact; values may be run-time values (parameters, task outputs, str``). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly downloadToWorkspace?: boolean;
}

export type ImporterOutputs<T extends string> = { readonly artifact: ArtifactOutputDecl<T, false> };

function isTemplate(v: unknown): v is StringTemplate {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'stringTemplate';
}

/**
 * The importer component for one call, and the arguments of its task. As kfp does, each distinct
 * run-time value in the metadata becomes an input (`metadata`, `metadata-2`, …) and its place in
 * the metadata a placeholder for that input.
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
  const walk = (v: unknown): unknown => {
    if (isChannel(v)) return v.kind === 'parameterChannel' ? inputFor(v) : v;
    if (isTemplate(v)) {
      const parts = v.parts.map((p) => (typeof p === 'string' ? p : inputFor(p)));
      return Object.freeze({ kind: 'template', parts: Object.freeze(parts) }) satisfies TemplateNode;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const metadata = options.metadata ? (walk(options.metadata) as Record<string, unknown>) : undefined;
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
      ...(typeof options.artifactUri === 'string' ? { constantUri: options.artifactUri } : {}),
      ...(metadata && Object.keys(metadata).length ? { metadata } : {}),
      ...(options.downloadToWorkspace ? { downloadToWorkspace: true } : {}),
    }),
  });
  return { component: Object.freeze({ kind: 'componentHandle', node }) as Component<{}, ImporterOutputs<T>>, args };
}
