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
  return /^([A-Za-z_]\w*\.)*[A-Z]\w*$/.test(head) && !(head in PRIMITIVES) ? { className: head, isList: false } : undefined;
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
  const outputPath = /^(?:dsl\.)?OutputPath\(\s*([\w.]+|'[^']*'|"[^"]*")\s*\)$/.exec(text.trim());
  if (outputPath) {
    const t = parameterTypeOf(outputPath[1]!.replace(/['"]/g, ''));
    return t ? { kind: 'parameterOutput', parameterType: t } : { kind: 'unknown', text };
  }
  const p = parameterTypeOf(text);
  if (p) return { kind: 'parameter', parameterType: p, optional: false };
  return { kind: 'unknown', text };
}

/** What a return annotation means: a single parameter output named `Output`. */
export function returnMeaning(text: string): ParameterType | undefined {
  const t = text.trim();
  if (t === 'None') return undefined;
  return parameterTypeOf(t);
}
