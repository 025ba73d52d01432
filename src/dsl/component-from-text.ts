import { isScalar, type Document } from 'yaml';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { parsePyYamlDocuments, parseYamlDocumentNodes } from '../yaml/yaml-documents.ts';
import type { Component } from './component.ts';
import { componentFromIr } from './component-from-ir.ts';
import type { ComponentNode } from './nodes.ts';
import { interfaceProblems } from './declared-interface.ts';
import { interfaceOf } from './interface.ts';
import type { InputDecls, OutputDecls } from './io.ts';
import { componentFromV1 } from './v1/component-from-v1.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';

/** The declarations that type a loaded component; the loader checks that they agree with it. */
export interface DeclaredInterface<I extends InputDecls, O extends OutputDecls> {
  readonly inputs?: I;
  readonly outputs?: O;
}

export interface LoadTextOptions<I extends InputDecls = InputDecls, O extends OutputDecls = OutputDecls> extends DeclaredInterface<I, O> {
  /** Where the text came from (a file or URL), named in every problem. */
  readonly source?: string;
}

/** A loaded component (a v1 file's description is on its node). */
export interface LoadedComponent {
  readonly node: ComponentNode;
}

/** Input indexes whose `default` PyYAML reads as a float (`3.0`, not `3`). */
function floatDefaults(doc: Document.Parsed): Set<number> {
  const out = new Set<number>();
  const inputs = doc.get('inputs', true);
  const count = Array.isArray((inputs as { items?: unknown } | undefined)?.items) ? (inputs as { items: unknown[] }).items.length : 0;
  for (let i = 0; i < count; i++) {
    const node = doc.getIn(['inputs', i, 'default'], true);
    if (!isScalar(node) || typeof node.value !== 'number') continue;
    const source = (node as { source?: unknown }).source;
    if (node.tag === 'tag:yaml.org,2002:float' || (node.type === 'PLAIN' && typeof source === 'string' && source.includes('.'))) out.add(i);
  }
  return out;
}

/**
 * Reads component text as kfp's `load_component_from_text` does: a kfp v1 component (a mapping
 * with `implementation:`) is converted by kfp's rules; anything else must be compiled v2 IR (a
 * component or a whole pipeline, optionally followed by its platform document). Throws a
 * `DiagnosticError` listing every problem.
 */
export function readComponentText(text: string, source?: string): LoadedComponent {
  const fail = (ds: readonly Diagnostic[]): never => {
    throw new DiagnosticError(ds);
  };
  // The file is named once: as the diagnostic's file when known, else as its path.
  const where = source === undefined ? '(component text)' : '';
  const parsed = parsePyYamlDocuments(text, source);
  if (parsed.diagnostics.length) fail(parsed.diagnostics);
  const docs = parsed.docs;
  if (docs.length === 0 || docs.length > 2)
    fail([diagnostic('load/not-a-component', where, `expected one or two YAML documents (a component, then optionally its platform config), found ${docs.length}`, source)]);
  const first = docs[0];
  if (typeof first === 'object' && first !== null && !Array.isArray(first) && 'implementation' in first) {
    if (docs.length !== 1) fail([diagnostic('load/v1-component', where, 'a kfp v1 component is one YAML document (kfp reads it with yaml.safe_load); remove the second document', source)]);
    // The values are read; the nodes only tell which defaults PyYAML reads as floats.
    const converted = componentFromV1(first, { floatDefaults: floatDefaults(parseYamlDocumentNodes(text)[0]!) });
    if (!converted.node) fail(converted.problems.map((p) => diagnostic('load/v1-component', p.path, p.message, source)));
    return { node: converted.node! };
  }
  try {
    return { node: componentFromIr(docs).node };
  } catch (err) {
    return fail([diagnostic('load/not-a-component', where, (err as Error).message.replace(/^cannot load a component from IR: /, ''), source)]);
  }
}

/** The loaded node as a typed component, after checking the declarations agree with it. */
export function typedComponent<I extends InputDecls, O extends OutputDecls>(loaded: ComponentNode, declared: DeclaredInterface<I, O> | undefined, source?: string): Component<I, O> {
  if (declared && (declared.inputs !== undefined || declared.outputs !== undefined)) {
    const problems = interfaceProblems(loaded.interface, interfaceOf(declared.inputs, declared.outputs));
    if (problems.length)
      throw new DiagnosticError(
        problems.map((p) =>
          diagnostic('load/declaration-mismatch', `component/${loaded.name}/${p.path}`, `${p.message}; regenerate the declarations (kfp-ts codegen) or correct them`, source),
        ),
      );
  }
  return madeByKfpTs(Object.freeze({ kind: 'componentHandle', node: loaded }));
}

/**
 * A component from YAML text (kfp's `load_component_from_text`): a kfp v1 `component.yaml` or
 * compiled v2 IR. Pass `inputs`/`outputs` declarations to type it (the loader checks that they
 * agree with the component, so a typo is an error here and a miswired argument a TypeScript
 * error); `kfp-ts codegen` writes them for you.
 *
 * @example
 * const hash = loadComponentFromText(yamlText, {
 *   inputs: { data: input(Artifact), hash_algorithm: z.string().default('SHA256') },
 *   outputs: { hash: z.string() },
 * });
 */
export function loadComponentFromText<const I extends InputDecls = InputDecls, const O extends OutputDecls = OutputDecls>(
  text: string,
  options: LoadTextOptions<I, O> = {},
): Component<I, O> {
  return typedComponent<I, O>(readComponentText(text, options.source).node, options, options.source);
}

/**
 * `loadComponentFromText` without declarations, under its earlier name: compiled v2 IR or a kfp
 * v1 component, read as PyYAML reads it.
 *
 * @example componentFromIrYaml(await readFile('train.yaml', 'utf8'))
 */
export function componentFromIrYaml(text: string): Component<InputDecls, OutputDecls> {
  return loadComponentFromText(text);
}
