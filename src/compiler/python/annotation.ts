import type { ParameterType } from '../../dsl/parameter-types.ts';

/** What a Python parameter annotation means to kfp. */
export type AnnotationMeaning =
  | { readonly kind: 'parameter'; readonly parameterType: ParameterType; readonly optional: boolean }
  | { readonly kind: 'artifactInput'; readonly className: string; readonly isList: boolean; readonly optional: boolean }
  | { readonly kind: 'artifactOutput'; readonly className: string; readonly isList: boolean }
  | { readonly kind: 'parameterOutput'; readonly parameterType: ParameterType }
  | { readonly kind: 'unknown'; readonly text: string };

const PRIMITIVES: Readonly<Record<string, ParameterType>> = {
  str: 'STRING',
  int: 'NUMBER_INTEGER',
  float: 'NUMBER_DOUBLE',
  bool: 'BOOLEAN',
  list: 'LIST',
  List: 'LIST',
  dict: 'STRUCT',
  Dict: 'STRUCT',
  PipelineTaskFinalStatus: 'TASK_FINAL_STATUS',
};

/** typing names that are not artifact classes. */
const TYPING_NAMES = new Set(['Any', 'Union', 'Optional', 'Tuple', 'NamedTuple', 'Callable', 'Set', 'None']);

function stripModule(name: string): string {
  return name.replace(/^(typing|dsl|kfp\.dsl|builtins)\./, '');
}

/** `Head[Inner]` → ['Head', 'Inner']. */
function splitGeneric(text: string): [string, string | undefined] {
  const m = /^([A-Za-z_][\w.]*)\s*\[([\s\S]*)\]$/.exec(text.trim());
  return m ? [stripModule(m[1]!), m[2]!.trim()] : [stripModule(text.trim()), undefined];
}

function parameterTypeOf(text: string): ParameterType | undefined {
  const [head] = splitGeneric(text);
  return PRIMITIVES[head];
}

function artifactClass(text: string): { className: string; isList: boolean } | undefined {
  const [head, inner] = splitGeneric(text);
  if ((head === 'List' || head === 'list') && inner) {
    const el = artifactClass(inner);
    return el && !el.isList ? { className: el.className, isList: true } : undefined;
  }
  if (inner !== undefined) return undefined;
  // A class name, possibly module-qualified (`bq_types.BQTable`).
  return /^([A-Za-z_]\w*\.)*[A-Z]\w*$/.test(head) && !(head in PRIMITIVES) && !TYPING_NAMES.has(head) ? { className: head, isList: false } : undefined;
}

export function annotationMeaning(text: string): AnnotationMeaning {
  const [head, inner] = splitGeneric(text);
  if (head === 'Optional' && inner) {
    const m = annotationMeaning(inner);
    if (m.kind === 'parameter') return { ...m, optional: true };
    if (m.kind === 'artifactInput') return { ...m, optional: true };
    return { kind: 'unknown', text };
  }
  if (head === 'Input' && inner) {
    const a = artifactClass(inner);
    return a ? { kind: 'artifactInput', ...a, optional: false } : { kind: 'unknown', text };
  }
  if (head === 'Output' && inner) {
    const a = artifactClass(inner);
    return a ? { kind: 'artifactOutput', ...a } : { kind: 'unknown', text };
  }
  // `OutputPath(str)`, `OutputPath(Dict[str, int])`, or `OutputPath('Dataset')` (an artifact: kfp
  // makes any type that is not a parameter type an artifact output).
  const outputPath = /^(?:(?:kfp\.)?dsl\.)?OutputPath\(\s*([\s\S]+?)\s*\)$/.exec(text.trim());
  if (outputPath) {
    const arg = outputPath[1]!;
    const unquoted = /^(['"])(.*)\1$/.exec(arg)?.[2] ?? arg;
    const t = parameterTypeOf(unquoted);
    if (t) return { kind: 'parameterOutput', parameterType: t };
    const a = artifactClass(unquoted);
    return a && !a.isList ? { kind: 'artifactOutput', ...a } : { kind: 'unknown', text };
  }
  // kfp's pythonic artifacts: a bare artifact class (`dataset: Dataset`, `List[Artifact]`) is an input.
  const a = artifactClass(text);
  if (a?.isList) return { kind: 'artifactInput', ...a, optional: false };
  const p = parameterTypeOf(text);
  if (p) return { kind: 'parameter', parameterType: p, optional: false };
  if (a) return { kind: 'artifactInput', ...a, optional: false };
  return { kind: 'unknown', text };
}

/** An artifact class as a return annotation or NamedTuple field (`-> Dataset`, `('model', Model)`). */
export function returnArtifact(text: string): { className: string; isList: boolean } | undefined {
  return artifactClass(text);
}

/** What a return annotation means: a single parameter output named `Output`. */
export function returnMeaning(text: string): ParameterType | undefined {
  const t = text.trim();
  if (t === 'None') return undefined;
  return parameterTypeOf(t);
}

/** Splits at commas outside brackets and quotes. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * The fields of a `NamedTuple(...)` return annotation, in order (kfp makes each an output):
 * `NamedTuple('Outputs', a=float, b=bool)` or `NamedTuple('Outputs', [('a', float), ('b', bool)])`.
 */
export function namedTupleFields(text: string): Map<string, string> | undefined {
  const m = /^(?:typing\.)?NamedTuple\s*\(([\s\S]*)\)$/.exec(text.trim());
  if (!m) return undefined;
  const [, ...rest] = splitArgs(m[1]!);
  const fields = new Map<string, string>();
  for (const arg of rest) {
    const kw = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(arg);
    if (kw) {
      fields.set(kw[1]!, kw[2]!.trim());
      continue;
    }
    const list = /^\[([\s\S]*)\]$/.exec(arg);
    if (!list) return undefined;
    for (const pair of splitArgs(list[1]!)) {
      const p = /^\(\s*(['"])([A-Za-z_]\w*)\1\s*,\s*([\s\S]+?)\s*\)$/.exec(pair);
      if (!p) return undefined;
      fields.set(p[2]!, p[3]!);
    }
  }
  return fields;
}

/** `EmbeddedInput[X]`, possibly `dsl.`/`kfp.dsl.`-qualified → `X`. */
export function embeddedInner(annotation: string): string | undefined {
  return /^(?:(?:kfp\.)?dsl\.)?EmbeddedInput\s*\[\s*([\s\S]*?)\s*\]$/.exec(annotation.trim())?.[1];
}
