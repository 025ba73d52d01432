import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { docstringDescriptions, extractFunctionSource, kfpInterface, SYSTEM_ARTIFACT_CLASSES, type KfpIo, parseSignature, bareName, type TypeExpr } from '../python/index.ts';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { KfpTsImports, moduleImports, PARAMETER_SCHEMA_TEXT, type Declaration } from './io-declarations.ts';
import { decoratedFunctions, type DecoratedFunction } from './python-decorators.ts';
import type { ModuleModel, ModuleStatement } from './module-model.ts';
import { objectLiteral } from './render-module.ts';
import { camelIdentifier, cleanDoc, tsLiteral, tsString } from './ts-literals.ts';
import { besideModule, type ModuleFormat } from './beside-module.ts';

/**
 * The module `kfp-ts codegen` writes for a Python file: one `pythonComponent` declaration per
 * `@dsl.component` function, with the interface kfp reads from its signature (names, kinds, types,
 * defaults), the decorator's options (base image, packages, index URLs, kfp install, target image,
 * embedded file) and the docstring's descriptions as JSDoc. The function stays in the Python file,
 * which the declaration names relative to the module; the compile checks the two still agree.
 */
export interface PythonModuleOptions {
  readonly text: string;
  /** The Python file as the module names it (`./train_model.py`). */
  readonly fromModule: string;
  /** The Python file as given, for problems and to find sibling modules of custom artifact classes. */
  readonly sourceName: string;
  readonly sourcePath?: string;
  /** A literal `embedded_artifact_path` is relative to where kfp runs, as here: this folder, named from the module's folder. */
  readonly cwdFromModule?: string;
  readonly importFrom: string;
  readonly header: readonly string[];
  /** How the project loads the module, for how it names a file beside itself (default: 'esm'). */
  readonly moduleFormat?: ModuleFormat;
}

/** Decorator arguments and the pythonComponent option each becomes. */
const OPTIONS: readonly [string, string, (v: unknown) => boolean][] = [
  ['base_image', 'baseImage', (v) => typeof v === 'string'],
  ['target_image', 'targetImage', (v) => typeof v === 'string'],
  ['packages_to_install', 'packagesToInstall', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')],
  ['pip_index_urls', 'pipIndexUrls', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')],
  ['pip_trusted_hosts', 'pipTrustedHosts', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')],
  ['install_kfp_package', 'installKfpPackage', (v) => typeof v === 'boolean'],
  ['kfp_package_path', 'kfpPackagePath', (v) => typeof v === 'string'],
  ['use_venv', 'useVenv', (v) => typeof v === 'boolean'],
];
const IGNORED = new Set(['output_component_file']);

/** zod for a parameter's value type (`List[Dict[str, int]]` → `z.array(z.record(z.string(), z.int()))`). */
function zodOf(e: TypeExpr | undefined): string {
  if (!e) return 'z.unknown()';
  if (e.kind === 'name') {
    switch (bareName(e.name)) {
      case 'str':
        return 'z.string()';
      case 'int':
        return 'z.int()';
      case 'float':
        return 'z.number()';
      case 'bool':
        return 'z.boolean()';
      case 'list':
      case 'List':
        return 'z.array(z.unknown())';
      case 'dict':
      case 'Dict':
        return 'z.record(z.string(), z.unknown())';
      default:
        return 'z.unknown()';
    }
  }
  if (e.kind === 'subscript') {
    const head = bareName(e.head);
    if ((head === 'List' || head === 'list') && e.args.length === 1) return `z.array(${zodOf(e.args[0])})`;
    if ((head === 'Dict' || head === 'dict') && e.args.length === 2) return `z.record(z.string(), ${zodOf(e.args[1])})`;
    if (head === 'Optional' && e.args.length === 1) return zodOf(e.args[0]);
  }
  return 'z.unknown()';
}

interface ArtifactClasses {
  /** The kfp-ts expression for an artifact class, or a problem. */
  expression(className: string, imports: KfpTsImports): string | { problem: string };
}

/**
 * Custom artifact classes: kfp reads `schema_title`/`schema_version` from the class and imports it
 * into the program from its module, so the class must come from another module (`from bq_types
 * import BQTable`), whose file sits beside this one.
 */
function artifactClasses(module: string, sourcePath: string | undefined): ArtifactClasses {
  const imported = new Map<string, string>();
  for (const m of module.matchAll(/^from\s+([\w.]+)\s+import\s+([^\n#]+)/gm))
    for (const part of m[2]!.replace(/[()]/g, '').split(','))
      if (part.trim()) imported.set((/\bas\s+(\w+)$/.exec(part.trim())?.[1] ?? part.trim()).trim(), `${m[1]}.${part.trim().split(/\s+as\s+/)[0]}`);
  return {
    expression(className: string, imports: KfpTsImports) {
      const bare = className.split('.').pop()!;
      if ((SYSTEM_ARTIFACT_CLASSES as readonly string[]).includes(bare) && (className === bare || /^(?:kfp\.)?dsl\.|^artifact_types\./.test(className)))
        return imports.use(bare);
      const qualified = className.includes('.') ? className : imported.get(className);
      if (!qualified) return { problem: `the artifact class ${className} is not imported from a module (kfp imports a custom class into the program from its module): move it to a module of its own and import it` };
      const dot = qualified.lastIndexOf('.');
      const [moduleName, cls] = [qualified.slice(0, dot), qualified.slice(dot + 1)];
      const file = sourcePath ? path.join(path.dirname(sourcePath), `${moduleName.split('.').join('/')}.py`) : undefined;
      if (!file || !existsSync(file)) return { problem: `the module ${moduleName} of the artifact class ${cls} is not a file beside this one; declare the component by hand with artifactType('<schema title>', '<version>', { pythonClass: '${qualified}' })` };
      const body = new RegExp(`^class\\s+${cls}\\s*\\([^)]*\\)\\s*:\\s*\\n((?:[ \\t]+.*\\n?|[ \\t]*\\n)+)`, 'm').exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      const title = /^\s+schema_title\s*=\s*['"]([^'"]+)['"]/m.exec(body)?.[1];
      const version = /^\s+schema_version\s*=\s*['"]([^'"]+)['"]/m.exec(body)?.[1] ?? '0.0.1';
      if (!title) return { problem: `the class ${cls} in ${path.basename(file)} has no literal schema_title` };
      return `${imports.use('artifactType')}(${tsString(title)}, ${tsString(version)}, { pythonClass: ${tsString(qualified)} })`;
    },
  };
}

/** A literal; a list too long for one line gets one item per line. */
function listLiteral(v: unknown): string {
  const flat = tsLiteral(v);
  if (!Array.isArray(v) || flat.length <= 80) return flat;
  return `[\n${v.map((x) => `    ${tsLiteral(x)},\n`).join('')}  ]`;
}

/** kfp's description (first line, then the rest) as doc text: a blank line after the first. */
function summaryDoc(summary: string): string {
  const [first, ...rest] = cleanDoc(summary).split('\n');
  return rest.length ? `${first}\n\n${rest.join('\n')}` : first!;
}

function declarations(
  io: ReadonlyMap<string, KfpIo>,
  isInput: boolean,
  docs: ReadonlyMap<string, string>,
  imports: KfpTsImports,
  classes: ArtifactClasses,
  problem: (name: string, message: string) => void,
): Declaration[] {
  const out: Declaration[] = [];
  for (const [name, spec] of io) {
    let expression: string;
    if (spec.kind === 'artifact') {
      const cls = classes.expression(spec.className, imports);
      if (typeof cls !== 'string') {
        problem(name, cls.problem);
        continue;
      }
      const opts = [...(spec.isList ? ['list: true'] : []), ...(isInput && spec.optional ? ['optional: true'] : [])];
      expression = `${imports.use(isInput ? 'input' : 'output')}(${cls}${opts.length ? `, { ${opts.join(', ')} }` : ''})`;
    } else if (spec.parameterType === 'TASK_FINAL_STATUS') {
      expression = imports.use('PipelineTaskFinalStatus');
    } else {
      imports.use('z');
      expression = spec.valueType ? zodOf(spec.valueType) : PARAMETER_SCHEMA_TEXT[spec.parameterType];
      if (expression === 'z.unknown()') expression = PARAMETER_SCHEMA_TEXT[spec.parameterType];
      if (isInput && spec.optional) expression += spec.defaultValue !== undefined ? `.default(${tsLiteral(spec.defaultValue)})` : '.optional()';
    }
    const doc = docs.get(name);
    out.push({ name, expression, ...(doc ? { docs: cleanDoc(doc) } : {}) });
  }
  return out;
}

function componentStatement(fn: DecoratedFunction, options: PythonModuleOptions, imports: KfpTsImports, classes: ArtifactClasses, ds: Diagnostic[]): ModuleStatement | undefined {
  const where = `${fn.name}`;
  const problem = (name: string, message: string) => ds.push(diagnostic('codegen/python-interface', `${where}/${name}`, message, options.sourceName));
  const source = extractFunctionSource(options.text, fn.name);
  const sig = source ? parseSignature(source.text) : undefined;
  if (!sig) {
    problem('(signature)', `cannot read the signature of ${fn.name}`);
    return undefined;
  }
  const iface = kfpInterface(sig, options.text);
  for (const p of iface.problems) problem(p.name, p.message);
  for (const [key, text] of fn.unreadable) problem(`@dsl.component/${key}`, `the decorator argument ${key}=${text} is neither a literal nor a module constant assigned one; codegen reads the file, it does not run it`);
  const docs = docstringDescriptions(sig.docstring);
  const props: string[] = [`name: ${tsString(fn.name)}`, `source: ${besideModule(options.fromModule, options.moduleFormat ?? 'esm')}`];
  for (const [py, ts, ok] of OPTIONS) {
    if (!fn.options.has(py)) continue;
    const v = fn.options.get(py);
    if (!ok(v)) problem(`@dsl.component/${py}`, `${py} has a value of the wrong type: ${JSON.stringify(v)}`);
    else props.push(`${ts}: ${listLiteral(v)}`);
  }
  for (const key of fn.options.keys())
    if (!OPTIONS.some(([py]) => py === key) && !IGNORED.has(key) && key !== 'embedded_artifact_path')
      problem(`@dsl.component/${key}`, `codegen does not know the decorator argument ${key}`);
  const embeddedPath = fn.options.get('embedded_artifact_path');
  if (embeddedPath !== undefined) {
    const rel = embeddedPath as { kind?: string; path?: string };
    let fromModule: string | undefined;
    // kfp reads a plain path relative to where it runs; a Path(__file__)-relative one beside the file.
    if (typeof embeddedPath === 'string') fromModule = path.posix.isAbsolute(embeddedPath) ? embeddedPath : path.posix.join(options.cwdFromModule ?? '.', embeddedPath);
    else if (rel.kind === 'moduleRelativePath' && rel.path !== undefined) fromModule = path.posix.join(path.posix.dirname(options.fromModule), rel.path);
    if (fromModule === undefined) problem('@dsl.component/embedded_artifact_path', 'embedded_artifact_path must be a string or a path beside the module (Path(__file__).parent / …)');
    else if (path.posix.isAbsolute(fromModule)) props.push(`embeddedArtifact: ${tsString(fromModule)}`);
    else props.push(`embeddedArtifact: ${besideModule(fromModule.startsWith('.') ? fromModule : `./${fromModule}`, options.moduleFormat ?? 'esm')}`);
  }
  const ins = declarations(iface.inputs, true, docs.inputs, imports, classes, problem);
  const outs = declarations(iface.outputs, false, docs.outputs, imports, classes, problem);
  if (iface.embedded.size) {
    const entries: Declaration[] = [];
    for (const [name, cls] of iface.embedded) {
      const e = classes.expression(cls, imports);
      if (typeof e === 'string') entries.push({ name, expression: e });
      else problem(name, e.problem);
    }
    props.push(`embeddedInputs: ${objectLiteral(entries, '  ')}`);
  }
  if (ins.length) props.push(`inputs: ${objectLiteral(ins, '  ')}`);
  if (outs.length) props.push(`outputs: ${objectLiteral(outs, '  ')}`);
  return {
    name: camelIdentifier(fn.name),
    exported: true,
    ...(docs.summary ? { docs: summaryDoc(docs.summary) } : {}),
    initializer: `${imports.use('pythonComponent')}({\n${props.map((p) => `  ${p},\n`).join('')}})`,
  };
}

export function pythonComponentsModule(options: PythonModuleOptions): ModuleModel {
  const fns = decoratedFunctions(options.text);
  const ds: Diagnostic[] = [];
  if (fns.length === 0)
    throw new DiagnosticError([
      diagnostic('codegen/no-components', '', 'the file has no @dsl.component function; decorate the component functions (`@dsl.component(base_image=…, packages_to_install=[…])`)', options.sourceName),
    ]);
  const imports = new KfpTsImports();
  const classes = artifactClasses(options.text, options.sourcePath);
  const statements = fns.map((fn) => componentStatement(fn, options, imports, classes, ds)).filter((s): s is ModuleStatement => s !== undefined);
  if (ds.length) throw new DiagnosticError(ds);
  return { header: options.header, imports: moduleImports(imports, options.importFrom), statements };
}
