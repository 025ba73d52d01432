/**
 * Mutants of corpus documents for the strictness test: small edits, each at one message of one
 * document, that the official parser either accepts or rejects. Sites are found by walking each
 * document along the JSON Schema, so every message type that the corpus reaches (and, by adding an
 * empty message where a field allows one, the types it does not reach) gets every kind of mutant.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.ts';

interface Node {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Node>>;
  readonly additionalProperties?: Node | boolean;
  readonly items?: Node;
  readonly allOf?: readonly Node[];
  readonly 'x-message'?: string;
  readonly 'x-fields'?: readonly string[];
  readonly 'x-oneof'?: { readonly name: string; readonly fields: readonly string[]; readonly keys: readonly string[] };
  readonly 'x-kind'?: string;
  readonly 'x-enum'?: { readonly values: readonly string[] };
}

interface SchemaFile extends Node {
  readonly $defs: Readonly<Record<string, Node>>;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SourceDoc {
  readonly name: string;
  readonly docs: readonly Json[];
}

export interface Mutant {
  readonly id: number;
  readonly kind: string;
  readonly where: string;
  readonly docs: Json[];
}

const loadSchema = (stem: string): SchemaFile =>
  JSON.parse(readFileSync(path.join(repoRoot, 'schemas', `${stem}.schema.json`), 'utf8')) as SchemaFile;

const SCHEMAS = [loadSchema('pipeline-spec'), loadSchema('platform-spec')] as const;

function defName(node: Node): string | undefined {
  return node.$ref?.replace(/^#\/\$defs\//, '');
}

function deref(schema: SchemaFile, node: Node): { node: Node; name?: string } {
  let current = node;
  let name: string | undefined;
  while (current.$ref !== undefined) {
    name = defName(current);
    current = schema.$defs[name!]!;
  }
  return name === undefined ? { node: current } : { node: current, name };
}

/** The kind of value a field holds, for choosing a wrong and a valid value. */
type FieldKind =
  | { readonly t: 'message'; readonly def: string }
  | { readonly t: 'wkt'; readonly def: string }
  | { readonly t: 'repeated' | 'map' }
  | { readonly t: 'string' | 'bool' | 'int' | 'float' }
  | { readonly t: 'enum'; readonly values: readonly string[] };

function fieldKind(schema: SchemaFile, node: Node): FieldKind {
  const name = defName(node);
  if (name !== undefined) {
    const def = schema.$defs[name]!;
    return def['x-fields'] !== undefined ? { t: 'message', def: name } : { t: 'wkt', def: name };
  }
  const types = typeof node.type === 'string' ? [node.type] : node.type ?? [];
  if (node['x-kind'] === 'enum') return { t: 'enum', values: node['x-enum']!.values };
  if (node['x-kind'] === 'double' || node['x-kind'] === 'float') return { t: 'float' };
  if (node['x-kind'] !== undefined) return { t: 'int' };
  if (types.includes('array')) return { t: 'repeated' };
  if (types.includes('object')) return { t: 'map' };
  if (types.includes('boolean')) return { t: 'bool' };
  return { t: 'string' };
}

function validValue(kind: FieldKind): Json {
  switch (kind.t) {
    case 'message':
    case 'map':
      return {};
    case 'wkt':
      return kind.def === 'google.protobuf.Duration' ? '3s' : kind.def === 'google.protobuf.ListValue' ? [] : kind.def === 'google.protobuf.Value' ? 'x' : {};
    case 'repeated':
      return [];
    case 'string':
      return 'x';
    case 'bool':
      return true;
    case 'int':
      return 7;
    case 'float':
      return 1.5;
    case 'enum':
      return kind.values[0]!;
  }
}

/** A value of the wrong JSON type, or undefined where every JSON value is accepted. */
function wrongValue(kind: FieldKind): Json | undefined {
  switch (kind.t) {
    case 'message':
    case 'map':
      return 42;
    case 'wkt':
      return kind.def === 'google.protobuf.Value' ? undefined : kind.def === 'google.protobuf.Duration' ? 3 : 'not-a-mapping';
    case 'repeated':
      return 'not-a-list';
    case 'string':
      return 12345;
    case 'bool':
      return 'true';
    case 'int':
      return 'twelve';
    case 'float':
      return 'one point five';
    case 'enum':
      return { name: 'x' };
  }
}

interface Site {
  readonly source: SourceDoc;
  readonly docIndex: number;
  readonly path: readonly (string | number)[];
  readonly def: string;
  /** The source docs, edited so that the message at `path` exists (for synthesized sites). */
  readonly docs: readonly Json[];
}

function get(value: Json, p: readonly (string | number)[]): Json {
  let v: Json = value;
  for (const k of p) v = (v as Record<string, Json>)[k as string]!;
  return v;
}

/** Every message instance of a document, with the def that governs it. */
function collectSites(source: SourceDoc, docIndex: number, out: Site[]): void {
  const schema = SCHEMAS[docIndex]!;
  const visit = (value: Json, node: Node, p: (string | number)[]): void => {
    const { node: def, name } = deref(schema, node);
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (def.items) value.forEach((item, i) => visit(item, def.items!, [...p, i]));
      return;
    }
    if (name !== undefined && def['x-fields'] !== undefined) out.push({ source, docIndex, path: p, def: name, docs: source.docs });
    if (def['x-message'] !== undefined && def['x-fields'] === undefined) return; // Struct/Value: user data
    for (const [key, child] of Object.entries(value)) {
      const childNode = def.properties?.[key] ?? (typeof def.additionalProperties === 'object' ? def.additionalProperties : undefined);
      if (childNode) visit(child, childNode, [...p, key]);
    }
  };
  visit(source.docs[docIndex]!, schema, []);
}

function clone(docs: readonly Json[]): Json[] {
  return structuredClone(docs) as Json[];
}

/** The same docs with `fields` of the message at the site replaced (undefined deletes). */
function edit(site: Site, fields: Record<string, Json | undefined>): Json[] {
  const docs = clone(site.docs);
  const message = get(docs[site.docIndex]!, site.path) as Record<string, Json>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete message[k];
    else message[k] = v;
  }
  return docs;
}

function oneofOf(def: Node, field: string): Node['x-oneof'] {
  return def.allOf?.map((g) => g['x-oneof']).find((g) => g?.keys.includes(field));
}

/** The proto spelling of a camelCase field, when it differs. */
function protoSpelling(def: Node, jsonName: string): string | undefined {
  const props = def.properties ?? {};
  const target = JSON.stringify(props[jsonName]);
  const fields = def['x-fields'] ?? [];
  return Object.keys(props).find(
    (k) => k !== jsonName && !fields.includes(k) && k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) === jsonName && JSON.stringify(props[k]) === target,
  );
}

/**
 * Add a site for every def that is reachable from an existing site but appears in no document: put
 * an empty message (in a list or a map where the field is one) into the smallest parent site,
 * clearing the other members of its oneof so the new site starts out valid.
 */
function synthesizeSites(sites: Site[]): void {
  const byDef = new Map<string, Site>();
  for (const s of sites) {
    const seen = byDef.get(s.def);
    if (!seen || JSON.stringify(s.docs).length < JSON.stringify(seen.docs).length) byDef.set(s.def, s);
  }
  let added = true;
  while (added) {
    added = false;
    for (const site of [...byDef.values()]) {
      const schema = SCHEMAS[site.docIndex]!;
      const def = schema.$defs[site.def]!;
      for (const field of def['x-fields'] ?? []) {
        const node = def.properties![field]!;
        let target: Node = node;
        let shape: 'single' | 'list' | 'map' = 'single';
        if (node.items) {
          target = node.items;
          shape = 'list';
        } else if (typeof node.additionalProperties === 'object' && defName(node) === undefined) {
          target = node.additionalProperties;
          shape = 'map';
        }
        const kind = fieldKind(schema, target);
        if (kind.t !== 'message' || byDef.has(kind.def)) continue;
        const group = oneofOf(def, field);
        const clear = Object.fromEntries((group?.keys ?? []).filter((k) => k !== field).map((k) => [k, undefined]));
        const value: Json = shape === 'single' ? {} : shape === 'list' ? [{}] : { 'synthesized-key': {} };
        const docs = edit(site, { ...clear, [field]: value });
        const suffix = shape === 'single' ? [field] : shape === 'list' ? [field, 0] : [field, 'synthesized-key'];
        byDef.set(kind.def, { ...site, docs, path: [...site.path, ...suffix], def: kind.def });
        added = true;
      }
    }
  }
  sites.length = 0;
  sites.push(...byDef.values());
}

export interface MutantSet {
  readonly mutants: Mutant[];
  readonly defsCovered: number;
}

export function generateMutants(sources: readonly SourceDoc[]): MutantSet {
  const mutants: Mutant[] = [];
  const add = (kind: string, site: Site, detail: string, docs: Json[]): void => {
    mutants.push({ id: mutants.length, kind, where: `${site.source.name} doc${site.docIndex + 1}:/${site.path.join('/')} ${detail}`, docs });
  };

  // 1. From each document: an unknown field at its top level and in its first executor, its first
  //    task and its first platform executor (the documents differ most there).
  const allSites: Site[] = [];
  for (const source of sources) {
    const sites: Site[] = [];
    source.docs.forEach((_, i) => collectSites(source, i, sites));
    allSites.push(...sites);
    const firsts = [
      sites.find((s) => s.path.length === 0 && s.docIndex === 0),
      sites.find((s) => s.def === 'ml_pipelines.PipelineDeploymentConfig.ExecutorSpec'),
      sites.find((s) => s.def === 'ml_pipelines.PipelineTaskSpec'),
      sites.find((s) => s.def === 'kfp_kubernetes.KubernetesExecutorConfig'),
    ];
    for (const site of firsts) if (site) add('unknown-field', site, 'kfpTsUnknownField', edit(site, { kfpTsUnknownField: 'x' }));
  }

  // 2. For one site per message type (the smallest document wins), every field gets every mutant.
  synthesizeSites(allSites);
  for (const site of allSites) {
    const schema = SCHEMAS[site.docIndex]!;
    const def = schema.$defs[site.def]!;
    const message = get(site.docs[site.docIndex]!, site.path) as Record<string, Json>;
    add('unknown-field', site, 'kfpTsUnknownField', edit(site, { kfpTsUnknownField: 'x' }));
    for (const field of def['x-fields'] ?? []) {
      const kind = fieldKind(schema, def.properties![field]!);
      const group = oneofOf(def, field);
      // Other members of the field's oneof are cleared, so only the mutation decides the verdict.
      const clear = Object.fromEntries((group?.keys ?? []).filter((k) => k !== field).map((k) => [k, undefined]));
      const wrong = wrongValue(kind);
      if (wrong !== undefined) add('wrong-type', site, `${field}=${JSON.stringify(wrong)}`, edit(site, { ...clear, [field]: wrong }));
      if (!['message', 'wkt', 'repeated', 'map'].includes(kind.t)) {
        add('list-for-scalar', site, `${field}=[...]`, edit(site, { ...clear, [field]: [validValue(kind)] }));
      }
      if (kind.t === 'enum') {
        add('unknown-enum', site, `${field}="NOT_A_VALUE"`, edit(site, { ...clear, [field]: 'KFP_TS_NOT_A_VALUE' }));
        add('enum-number', site, `${field}=1`, edit(site, { ...clear, [field]: 1 }));
      }
      if (kind.t === 'int') {
        add('int-as-string', site, `${field}="7"`, edit(site, { ...clear, [field]: '7' }));
        add('int-as-bool', site, `${field}=true`, edit(site, { ...clear, [field]: true }));
      }
      if (kind.t === 'float') add('float-as-string', site, `${field}="2.5"`, edit(site, { ...clear, [field]: '2.5' }));
      if (kind.t === 'wkt') {
        const anyJson: Json = { a: [1, 'x', null, { b: false }], c: null };
        const value: Json | undefined =
          kind.def === 'google.protobuf.Struct' ? anyJson : kind.def === 'google.protobuf.Value' ? [anyJson, 2.5] : kind.def === 'google.protobuf.ListValue' ? [anyJson, null] : undefined;
        if (value !== undefined) add('any-json', site, `${field}=<nested JSON>`, edit(site, { ...clear, [field]: value }));
        if (kind.def === 'google.protobuf.Duration') {
          add('duration', site, `${field}="1.5s"`, edit(site, { ...clear, [field]: '1.5s' }));
          add('bad-duration', site, `${field}="3 seconds"`, edit(site, { ...clear, [field]: '3 seconds' }));
        }
      }
      const element = def.properties![field]!;
      if (element.items !== undefined) {
        add('null-in-list', site, `${field}=[null]`, edit(site, { ...clear, [field]: [null] }));
      } else if (kind.t === 'map') {
        add('null-map-value', site, `${field}={k: null}`, edit(site, { ...clear, [field]: { k: null } }));
      }
      add('valid-value', site, `${field}=${JSON.stringify(validValue(kind))}`, edit(site, { ...clear, [field]: validValue(kind) }));
      add('null', site, `${field}=null`, edit(site, { [field]: null }));
      const proto = protoSpelling(def, field);
      if (proto !== undefined) {
        const value = message[field] ?? validValue(kind);
        add('proto-name', site, `${proto} instead of ${field}`, edit(site, { ...clear, [field]: undefined, [proto]: value }));
      }
    }
    // Two members of each oneof, both spellings of one member, and a member next to a null one.
    for (const group of def.allOf?.map((g) => g['x-oneof']!) ?? []) {
      const kinds = group.fields.map((f) => fieldKind(schema, def.properties![f]!));
      const clearAll = Object.fromEntries(group.keys.map((k) => [k, undefined]));
      if (group.fields.length >= 2) {
        const [a, b] = group.fields as [string, string];
        add('two-oneof-members', site, `${a}+${b}`, edit(site, { ...clearAll, [a]: validValue(kinds[0]!), [b]: validValue(kinds[1]!) }));
        add('oneof-member-and-null', site, `${a}+${b}=null`, edit(site, { ...clearAll, [a]: validValue(kinds[0]!), [b]: null }));
      }
      const spelled = group.fields.find((f) => protoSpelling(def, f) !== undefined);
      if (spelled !== undefined) {
        const kind = kinds[group.fields.indexOf(spelled)]!;
        add('oneof-both-spellings', site, spelled, edit(site, { ...clearAll, [spelled]: validValue(kind), [protoSpelling(def, spelled)!]: validValue(kind) }));
      }
    }
  }
  return { mutants, defsCovered: allSites.length };
}
