import { PARAMETER_TYPE_NAMES } from '../dsl/parameter-type.ts';
import type { ParameterType } from './parameter-type.ts';
import { parsePythonLiteral } from './literal.ts';
import type { PythonParam, PythonSignature } from './signature.ts';
import { bareName, parseTypeExpression, typeText, type TypeExpr } from './type-expression.ts';

/**
 * The interface kfp 2.17.3 reads from a lightweight component's signature
 * (`component_factory.get_name_to_specs` and the type rules behind it), from the text alone:
 * every input and output with its kind, type, list-ness, optionality and default; the
 * `EmbeddedInput[...]` parameters, which are no part of the interface; and what kfp refuses, with
 * its reason. The annotation forms: `str`/`int`/`float`/`bool`/`list`/`dict` and their `typing`
 * and builtin generics, `Optional[...]`, `Input[...]`/`Output[...]` (lists of input artifacts
 * too), bare artifact classes (`Dataset`, `List[Dataset]`), `InputPath`/`OutputPath` with a type,
 * a type name string or nothing, `PipelineTaskFinalStatus`, `EmbeddedInput[...]`; returns of a
 * parameter type, an artifact class or a NamedTuple (call or class form).
 */
export type KfpIo =
  | {
      readonly kind: 'parameter';
      readonly parameterType: ParameterType;
      readonly optional: boolean;
      /** The default's value, when the parameter has one (`null` for `= None`). */
      readonly defaultValue?: unknown;
      readonly defaultText?: string;
      /** The value's annotation (`List[str]` for `InputPath(List[str])`), for typed declarations. */
      readonly valueType?: TypeExpr;
    }
  | {
      readonly kind: 'artifact';
      /** The class as written (`Dataset`, `bq_types.BQTable`), or kfp's for a type name string. */
      readonly className: string;
      readonly isList: boolean;
      readonly optional: boolean;
    };

export interface KfpInterface {
  readonly inputs: ReadonlyMap<string, KfpIo>;
  readonly outputs: ReadonlyMap<string, KfpIo>;
  /** `EmbeddedInput[X]` parameters, by name: the class X. */
  readonly embedded: ReadonlyMap<string, string>;
  /** What kfp refuses, by the parameter (or output) it concerns. */
  readonly problems: readonly { readonly name: string; readonly message: string }[];
}

/** kfp's system artifact classes, and its v1 names for them (ARTIFACT_CLASSES_MAPPING). */
export const SYSTEM_ARTIFACT_CLASSES = ['Artifact', 'Dataset', 'Model', 'Metrics', 'ClassificationMetrics', 'SlicedClassificationMetrics', 'HTML', 'Markdown'] as const;
const V1_ARTIFACT_NAMES: ReadonlyMap<string, string> = new Map(SYSTEM_ARTIFACT_CLASSES.map((c) => [c.toLowerCase(), c]));

/** The in-memory type names a type name string must canonicalize to (IN_MEMORY_SPEC_TYPE_TO_IR_TYPE). */
const IN_MEMORY_NAMES = new Set(['String', 'Integer', 'Float', 'List', 'Dict', 'Boolean', 'PipelineTaskFinalStatus', 'TaskConfig']);

const TYPING_NAMES = new Set(['Any', 'Union', 'Optional', 'Tuple', 'NamedTuple', 'Callable', 'Set', 'Sequence', 'Mapping', 'Iterable', 'Type', 'Literal', 'None']);

/** A name that kfp would take for an artifact class: a system class, or a custom class (capitalized). */
function artifactClassName(e: TypeExpr): string | undefined {
  if (e.kind !== 'name') return undefined;
  const bare = bareName(e.name);
  if ((SYSTEM_ARTIFACT_CLASSES as readonly string[]).includes(bare)) return bare;
  const last = bare.split('.').pop()!;
  if (!/^[A-Z]\w*$/.test(last) || TYPING_NAMES.has(last) || last === 'PipelineTaskFinalStatus' || last === 'TaskConfig') return undefined;
  if (['List', 'Dict'].includes(last)) return undefined;
  return bare;
}

/** `List[X]` / `list[X]` of an artifact class (kfp's is_list_of_artifacts). */
function listOfArtifacts(e: TypeExpr): string | undefined {
  if (e.kind !== 'subscript' || !['List', 'list'].includes(bareName(e.head)) || e.args.length !== 1) return undefined;
  return artifactClassName(e.args[0]!);
}

/** kfp's get_parameter_type of a type (not a string): builtins, `typing` names and generics by their short name. */
function parameterTypeOf(e: TypeExpr): ParameterType | undefined {
  if (e.kind === 'name') {
    const bare = bareName(e.name);
    if (bare === 'PipelineTaskFinalStatus') return 'TASK_FINAL_STATUS';
    return PARAMETER_TYPE_NAMES[bare.toLowerCase()] && /^(?:str|int|float|bool|dict|list|List|Dict)$/.test(bare) ? PARAMETER_TYPE_NAMES[bare.toLowerCase()] : undefined;
  }
  if (e.kind === 'subscript') {
    const head = bareName(e.head);
    if (head === 'List' || head === 'list') return 'LIST';
    if (head === 'Dict' || head === 'dict') return 'STRUCT';
  }
  return undefined;
}

/** `Optional[X]` / `Union[X, None]` → X (kfp strips only these forms, not `X | None`). */
function stripOptional(e: TypeExpr): TypeExpr {
  if (e.kind !== 'subscript') return e;
  const head = bareName(e.head);
  if (head === 'Optional' && e.args.length === 1) return e.args[0]!;
  if (head === 'Union' && e.args.length === 2 && e.args[1]!.kind === 'none') return e.args[0]!;
  return e;
}

type Resolved = { readonly kind: 'parameter'; readonly parameterType: ParameterType; readonly valueType?: TypeExpr } | { readonly kind: 'artifact'; readonly className: string };

/** kfp's construct_type_for_inputpath_or_outputpath, then the spec it makes of the result. */
function pathType(call: Extract<TypeExpr, { kind: 'call' }>, marker: string): Resolved | string {
  const arg = call.args[0] ?? call.keywords.get('type');
  if (arg === undefined || arg.kind === 'none') return { kind: 'artifact', className: 'Artifact' };
  const cls = artifactClassName(arg);
  if (cls) return { kind: 'artifact', className: cls };
  if (arg.kind === 'string') {
    const v1 = V1_ARTIFACT_NAMES.get(arg.value.toLowerCase());
    if (v1) return { kind: 'artifact', className: v1 };
    const short = /^(?:typing\.)?(\w+)(?:\[.+\])?/.exec(arg.value)?.[1] ?? arg.value;
    const parameterType = PARAMETER_TYPE_NAMES[short.toLowerCase()];
    // A v1 name kfp does not know becomes a generic artifact ('CSV').
    if (!parameterType) return { kind: 'artifact', className: 'Artifact' };
    const canonical = arg.value.replace(/^typing\./, '');
    const head = /^(?:list|dict)/i.test(canonical) ? canonical.split('[')[0]! : canonical;
    if (!IN_MEMORY_NAMES.has(head))
      return `kfp cannot read ${marker}('${arg.value}'): a type name string must be one of String, Integer, Float, Boolean, List, Dict (or the type itself: ${marker}(${short.toLowerCase() === 'text' ? 'str' : short}))`;
    const parsed = parseTypeExpression(arg.value);
    return { kind: 'parameter', parameterType, ...(parsed.kind === 'subscript' ? { valueType: parsed } : {}) };
  }
  const parameterType = parameterTypeOf(arg);
  if (parameterType && parameterType !== 'TASK_FINAL_STATUS') return { kind: 'parameter', parameterType, valueType: arg };
  return `kfp cannot read ${typeText(call)}: give it a parameter type (str, int, float, bool, list, dict), an artifact class or a type name string`;
}

function defaultOf(p: PythonParam): { value: unknown } | undefined | string {
  if (p.defaultText === undefined) return undefined;
  const lit = parsePythonLiteral(p.defaultText);
  return lit.ok ? { value: lit.value } : `the default ${p.defaultText} is not a literal; kfp writes the default into the IR, so use a constant`;
}

const UNREADABLE = (text: string): string =>
  `kfp cannot type the annotation '${text}' (it fails with "Artifacts must have both a schema_title and a schema_version"): use a parameter type (str, int, float, bool, List[...], Dict[...], Optional[...]), Input[...]/Output[...] of an artifact class, or InputPath/OutputPath`;

/** One parameter of the signature, as kfp classifies it. */
function classifyParam(p: PythonParam): { kind: 'input' | 'output'; io: KfpIo } | { kind: 'embedded'; className: string } | string {
  if (!p.annotation) return `the parameter has no type annotation, which kfp requires ("Missing type annotation for argument: ${p.name}")`;
  const raw = parseTypeExpression(p.annotation);
  const e = stripOptional(raw);
  const dflt = defaultOf(p);
  if (typeof dflt === 'string') return dflt;
  const hasDefault = dflt !== undefined;
  const artifactInput = (className: string, isList: boolean): { kind: 'input'; io: KfpIo } | string =>
    hasDefault && dflt.value !== null
      ? `an input artifact may only default to None (kfp: "Optional Input artifacts may only have default value None"); got ${p.defaultText}`
      : { kind: 'input', io: { kind: 'artifact', className, isList, optional: hasDefault } };
  const parameterInput = (parameterType: ParameterType, valueType: TypeExpr | undefined): { kind: 'input'; io: KfpIo } => ({
    kind: 'input',
    io: {
      kind: 'parameter',
      parameterType,
      optional: hasDefault || parameterType === 'TASK_FINAL_STATUS',
      ...(hasDefault && dflt.value !== null ? { defaultValue: dflt.value } : {}),
      ...(p.defaultText !== undefined ? { defaultText: p.defaultText } : {}),
      ...(valueType ? { valueType } : {}),
    },
  });

  if (e.kind === 'subscript') {
    const head = bareName(e.head);
    if (head === 'EmbeddedInput') {
      const cls = e.args.length === 1 ? artifactClassName(e.args[0]!) : undefined;
      return cls ? { kind: 'embedded', className: cls } : `EmbeddedInput takes an artifact class (EmbeddedInput[Artifact]); got '${p.annotation}'`;
    }
    if (head === 'Input' || head === 'Output') {
      const inner = e.args[0];
      const cls = inner && e.args.length === 1 ? artifactClassName(inner) : undefined;
      const list = inner && e.args.length === 1 ? listOfArtifacts(inner) : undefined;
      if (head === 'Input') {
        if (cls) return artifactInput(cls, false);
        if (list) return artifactInput(list, true);
        return `Input[...] takes an artifact class or a List of one (Input[Dataset], Input[List[Dataset]]); got '${p.annotation}'`;
      }
      if (list) return `kfp supports output lists of artifacts only for pipelines ("Output lists of artifacts are only supported for pipelines"); '${p.name}' is a component output`;
      if (cls) return { kind: 'output', io: { kind: 'artifact', className: cls, isList: false, optional: false } };
      return `Output[...] takes an artifact class (Output[Model]); got '${p.annotation}'`;
    }
  }
  if (e.kind === 'call' && (bareName(e.head) === 'InputPath' || bareName(e.head) === 'OutputPath')) {
    const marker = bareName(e.head);
    const t = pathType(e, marker);
    if (typeof t === 'string') return t;
    if (marker === 'OutputPath')
      return { kind: 'output', io: t.kind === 'artifact' ? { kind: 'artifact', className: t.className, isList: false, optional: false } : { kind: 'parameter', parameterType: t.parameterType, optional: false, ...(t.valueType ? { valueType: t.valueType } : {}) } };
    return t.kind === 'artifact' ? artifactInput(t.className, false) : parameterInput(t.parameterType, t.valueType);
  }
  const parameterType = parameterTypeOf(e);
  if (parameterType) {
    // kfp's make_input_spec: a List of an artifact class is a list of input artifacts.
    const list = listOfArtifacts(e);
    return list ? artifactInput(list, true) : parameterInput(parameterType, e);
  }
  const cls = artifactClassName(e);
  if (cls) return artifactInput(cls, false);
  return UNREADABLE(p.annotation);
}

/** The fields of a NamedTuple return: the call forms, or a `class X(NamedTuple)` of the module. */
function namedTupleFields(e: TypeExpr, module: string | undefined): [string, TypeExpr][] | undefined {
  if (e.kind === 'call' && bareName(e.head) === 'NamedTuple') {
    const fields: [string, TypeExpr][] = [...e.keywords];
    const list = e.args[1];
    if (list?.kind === 'list')
      for (const item of list.items) {
        if (item.kind !== 'tuple' || item.items.length !== 2 || item.items[0]!.kind !== 'string') return undefined;
        fields.push([(item.items[0] as { value: string }).value, item.items[1]!]);
      }
    return fields;
  }
  if (e.kind !== 'name' || module === undefined) return undefined;
  const cls = new RegExp(`^class\\s+${e.name.replace(/\./g, '\\.')}\\s*\\(\\s*(?:typing\\.)?NamedTuple\\s*\\)\\s*:\\s*\\n((?:[ \\t]+.*\\n?|[ \\t]*\\n)+)`, 'm').exec(module);
  if (!cls) return undefined;
  const fields: [string, TypeExpr][] = [];
  for (const line of cls[1]!.split('\n')) {
    const m = /^\s+([A-Za-z_]\w*)\s*:\s*([^=#]+?)\s*(?:=.*)?(?:#.*)?$/.exec(line);
    if (m) fields.push([m[1]!, parseTypeExpression(m[2]!)]);
  }
  return fields;
}

/** One output of a return annotation (a NamedTuple field, or the single `Output`). */
function returnOutput(e: TypeExpr, name: string): KfpIo | string {
  const inner = e.kind === 'subscript' && ['Input', 'Output'].includes(bareName(e.head)) && e.args.length === 1 ? e.args[0]! : e;
  if (listOfArtifacts(inner)) return `kfp supports output lists of artifacts only for pipelines ("Output lists of artifacts are only supported for pipelines"); '${name}' is a component output`;
  const cls = artifactClassName(inner);
  if (cls) return { kind: 'artifact', className: cls, isList: false, optional: false };
  const parameterType = parameterTypeOf(inner);
  if (parameterType && parameterType !== 'TASK_FINAL_STATUS') return { kind: 'parameter', parameterType, optional: false, valueType: inner };
  return UNREADABLE(typeText(e));
}

/**
 * kfp's interface of a component function. `module` is the whole file, for a NamedTuple class a
 * return annotation names.
 */
export function kfpInterface(sig: PythonSignature, module?: string): KfpInterface {
  const inputs = new Map<string, KfpIo>();
  const outputs = new Map<string, KfpIo>();
  const embedded = new Map<string, string>();
  const problems: { name: string; message: string }[] = [];
  for (const p of sig.params) {
    if (p.star) {
      problems.push({ name: p.name, message: `kfp components take named parameters only, not ${p.star}${p.name}` });
      continue;
    }
    if (p.name === 'Output') {
      problems.push({ name: p.name, message: `"Output" is an invalid parameter name in kfp: it names the return value` });
      continue;
    }
    const c = classifyParam(p);
    if (typeof c === 'string') problems.push({ name: p.name, message: c });
    else if (c.kind === 'embedded') embedded.set(p.name, c.className);
    else (c.kind === 'input' ? inputs : outputs).set(p.name, c.io);
  }
  const ret = sig.returns === undefined ? undefined : parseTypeExpression(sig.returns);
  if (ret !== undefined && ret.kind !== 'none') {
    const fields = namedTupleFields(ret, module);
    const add = (name: string, e: TypeExpr): void => {
      const o = returnOutput(e, name);
      if (typeof o === 'string') problems.push({ name, message: o });
      else if (outputs.has(name)) problems.push({ name, message: `the output '${name}' is both a parameter and a return field; rename one` });
      else outputs.set(name, o);
    };
    if (fields) for (const [name, e] of fields) add(name, e);
    else if (ret.kind === 'name' && module !== undefined && /^[A-Z]/.test(bareName(ret.name)) && new RegExp(`^class\\s+${ret.name}\\b`, 'm').test(module))
      problems.push({ name: 'Output', message: `the return type ${ret.name} is a class of this file that is not a NamedTuple with annotated fields` });
    else add('Output', ret);
  }
  return { inputs, outputs, embedded, problems };
}

/** `EmbeddedInput[X]`, possibly `dsl.`/`kfp.dsl.`-qualified → `X` (as written), for an annotation's text. */
export function embeddedInner(annotation: string): string | undefined {
  return /^(?:(?:kfp\.)?dsl\.)?EmbeddedInput\s*\[\s*([\s\S]*?)\s*\]$/.exec(annotation.trim())?.[1];
}
