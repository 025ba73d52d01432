import { readComponentText } from '../dsl/component-from-text.ts';
import { k8sName } from '../dsl/k8s-name.ts';
import { sanitizeIoName } from '../dsl/io-name.ts';
import { parsePyYamlDocuments } from '../yaml/yaml-documents.ts';
import { interfaceDeclarations, KfpTsImports, moduleImports } from './io-declarations.ts';
import type { ModuleModel, ModuleStatement } from './module-model.ts';
import { objectLiteral } from './render-module.ts';
import { besideModule, type ModuleFormat } from './beside-module.ts';
import { camelIdentifier, cleanDoc, tsString, tsTemplate } from './ts-literals.ts';

/**
 * The module `kfp-ts codegen` writes for a component YAML file or URL: one exported component,
 * loaded as kfp loads it and typed by declarations of its inputs and outputs (which the loader
 * checks against the file, so a stale module fails loudly instead of mistyping). A file is read
 * where it lies, relative to the module; a URL's text is written into the module, so compiling
 * needs no network, with the digest it had.
 */
export type YamlOrigin =
  | { readonly kind: 'file'; readonly fromModule: string }
  | { readonly kind: 'url'; readonly url: string; readonly sha256: string };

export interface YamlModuleOptions {
  readonly text: string;
  readonly origin: YamlOrigin;
  /** The source as named in problems and the header (a path relative to the module, or the URL). */
  readonly sourceName: string;
  readonly importFrom: string;
  readonly exportName?: string;
  /** The header's lines saying how this module was made and how to make it again. */
  readonly header: readonly string[];
  /** How the project loads the module, for how it names a file beside itself (default: 'esm'). */
  readonly moduleFormat?: ModuleFormat;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Descriptions kfp does not carry into the interface, read from the document for the module's docs. */
function descriptions(doc: unknown, componentName: string): { inputs: Map<string, string>; outputs: Map<string, string> } {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, string>();
  if (!isObject(doc)) return { inputs, outputs };
  if ('implementation' in doc) {
    for (const [list, into] of [
      [doc.inputs, inputs],
      [doc.outputs, outputs],
    ] as const)
      if (Array.isArray(list))
        for (const io of list) if (isObject(io) && typeof io.name === 'string' && typeof io.description === 'string') into.set(sanitizeIoName(io.name), cleanDoc(io.description));
    return { inputs, outputs };
  }
  const components = isObject(doc.components) ? doc.components : {};
  const spec = components[`comp-${k8sName(componentName)}`] ?? doc.root;
  if (!isObject(spec)) return { inputs, outputs };
  for (const [defs, into] of [
    [spec.inputDefinitions, inputs],
    [spec.outputDefinitions, outputs],
  ] as const) {
    if (!isObject(defs)) continue;
    for (const group of ['parameters', 'artifacts'])
      for (const [name, def] of Object.entries(isObject(defs[group]) ? (defs[group] as Json) : {}))
        if (isObject(def) && typeof def.description === 'string') into.set(name, cleanDoc(def.description));
  }
  return { inputs, outputs };
}

function componentDescription(doc: unknown, loaded: string | undefined): string | undefined {
  if (loaded) return cleanDoc(loaded);
  const info = isObject(doc) && isObject(doc.pipelineInfo) ? doc.pipelineInfo : undefined;
  return typeof info?.description === 'string' ? cleanDoc(info.description) : undefined;
}

export function yamlComponentModule(options: YamlModuleOptions): ModuleModel {
  const loaded = readComponentText(options.text, options.sourceName);
  const doc = parsePyYamlDocuments(options.text).docs[0];
  const imports = new KfpTsImports();
  const decls = interfaceDeclarations(loaded.node.interface, imports, descriptions(doc, loaded.node.name));
  const declared = `{\n  inputs: ${objectLiteral(decls.inputs, '  ')},\n  outputs: ${objectLiteral(decls.outputs, '  ')},\n}`;
  const name = options.exportName ?? camelIdentifier(loaded.node.name);
  const statements: ModuleStatement[] = [];
  let call: string;
  if (options.origin.kind === 'file') {
    call = `${imports.use('loadComponentFromFile')}(${besideModule(options.origin.fromModule, options.moduleFormat ?? 'esm')}, ${declared})`;
  } else {
    statements.push({ name: 'COMPONENT_TEXT', exported: false, docs: `${options.origin.url} as downloaded (sha256 ${options.origin.sha256}).`, initializer: tsTemplate(options.text) });
    const withSource = declared.replace(/^\{\n/, `{\n  source: ${tsString(options.origin.url)},\n`);
    call = `${imports.use('loadComponentFromText')}(COMPONENT_TEXT, ${withSource})`;
  }
  const description = componentDescription(doc, loaded.node.description);
  statements.push({ name, exported: true, ...(description ? { docs: description } : {}), initializer: call });
  return { header: options.header, imports: moduleImports(imports, options.importFrom), statements };
}
