import type { CommandLineElement, IfPresentNode } from '../placeholders.ts';
import { concat, ifPresent, placeholder } from '../placeholders.ts';
import type { V1Argument, V1OutputSpec } from './v1-schema.ts';
import { isV1ParameterTypeName } from './v1-types.ts';
import { sanitizeIoName } from '../io-name.ts';

/**
 * kfp 2.17.3's conversion of v1 command-line placeholders
 * (`placeholders.maybe_convert_v1_yaml_placeholder_to_v2_placeholder`) into kfp-ts placeholder
 * nodes, which the compiler writes out exactly as kfp writes its v2 placeholders. References are
 * checked against the v1 names (kfp's `verify_arg`); every problem is reported, not only the first.
 */

export interface PlaceholderProblem {
  readonly path: string;
  readonly message: string;
}

export interface ConversionContext {
  readonly inputNames: ReadonlySet<string>;
  readonly outputs: readonly V1OutputSpec[];
  readonly problems: PlaceholderProblem[];
}

const UNSUPPORTED: Readonly<Record<string, string>> = {
  inputMetadata: 'kfp 2 loads no {inputMetadata: …} placeholder from v1 YAML',
  inputOutputPortName: 'kfp 2 loads no {inputOutputPortName: …} placeholder from v1 YAML',
  outputMetadata: 'kfp 2 loads no {outputMetadata: …} placeholder from v1 YAML',
};

function inputRef(ctx: ConversionContext, name: string, path: string): string {
  if (!ctx.inputNames.has(name)) ctx.problems.push({ path, message: `refers to the input '${name}', which the component does not declare` });
  return sanitizeIoName(name);
}

/** One command-line element; undefined where a problem was recorded. */
export function convertV1Argument(arg: V1Argument, ctx: ConversionContext, path: string): CommandLineElement | undefined {
  if (typeof arg === 'string') return arg;
  if ('inputValue' in arg) return placeholder({ kind: 'inputValue', name: inputRef(ctx, arg.inputValue, path) });
  if ('inputPath' in arg) return placeholder({ kind: 'inputPath', name: inputRef(ctx, arg.inputPath, path) });
  if ('inputUri' in arg) return placeholder({ kind: 'inputUri', name: inputRef(ctx, arg.inputUri, path) });
  if ('outputPath' in arg) {
    const output = ctx.outputs.find((o) => o.name === arg.outputPath);
    if (!output) {
      ctx.problems.push({ path, message: `refers to the output '${arg.outputPath}', which the component does not declare` });
      return undefined;
    }
    // A parameter output is written to a file the backend reads the value from.
    const kind = isV1ParameterTypeName(output.type) ? 'outputParameterFile' : 'outputPath';
    return placeholder({ kind, name: sanitizeIoName(arg.outputPath) });
  }
  if ('outputUri' in arg) {
    if (!ctx.outputs.some((o) => o.name === arg.outputUri))
      ctx.problems.push({ path, message: `refers to the output '${arg.outputUri}', which the component does not declare` });
    return placeholder({ kind: 'outputUri', name: sanitizeIoName(arg.outputUri) });
  }
  if ('executorInput' in arg) return '{{$}}';
  if ('concat' in arg) {
    const items = arg.concat.map((item, i) => convertV1Argument(item, ctx, `${path}/concat/${i}`));
    if (items.some((i) => i === undefined)) return undefined;
    const node = concat(...(items as CommandLineElement[]));
    checkConcatItems(node.items, ctx, path);
    return node;
  }
  if ('if' in arg) return convertIf(arg.if, ctx, `${path}/if`);
  const key = Object.keys(arg)[0] ?? '';
  ctx.problems.push({ path, message: `${UNSUPPORTED[key] ?? `unknown placeholder '${key}'`}; kfp 2.17.3 refuses this component too` });
  return undefined;
}

function convertList(value: V1Argument | readonly V1Argument[], ctx: ConversionContext, path: string): CommandLineElement | CommandLineElement[] | undefined {
  if (!Array.isArray(value)) return convertV1Argument(value as V1Argument, ctx, path);
  const items = (value as readonly V1Argument[]).map((v, i) => convertV1Argument(v, ctx, `${path}/${i}`));
  return items.some((i) => i === undefined) ? undefined : (items as CommandLineElement[]);
}

function convertIf(structure: Extract<V1Argument, { if: unknown }>['if'], ctx: ConversionContext, path: string): IfPresentNode | undefined {
  const cond = structure.cond;
  if (typeof cond !== 'object' || !('isPresent' in cond)) {
    if (typeof cond === 'object' && 'inputValue' in cond) inputRef(ctx, cond.inputValue, `${path}/cond`);
    ctx.problems.push({ path: `${path}/cond`, message: 'kfp 2 reads only `cond: {isPresent: <input>}` conditions (it fails on any other); test an optional input with isPresent' });
    return undefined;
  }
  const name = inputRef(ctx, cond.isPresent, `${path}/cond`);
  const then = convertList(structure.then, ctx, `${path}/then`);
  let otherwise: CommandLineElement | CommandLineElement[] | undefined;
  const raw = structure.else;
  if (raw !== undefined && raw !== null) {
    if (Array.isArray(raw)) otherwise = convertList(raw, ctx, `${path}/else`);
    else if (typeof raw === 'string') otherwise = raw;
    else {
      // kfp converts a single `else` placeholder and then drops the result, keeping the raw mapping,
      // which its own check refuses ("Unexpected argument").
      ctx.problems.push({ path: `${path}/else`, message: 'kfp 2.17.3 cannot load a single placeholder as `else`; write it as a list: `else: [...]`' });
      return undefined;
    }
    if (otherwise === undefined) return undefined;
  }
  if (then === undefined) return undefined;
  return ifPresent(name, then, otherwise);
}

/** kfp's ConcatPlaceholder rule: an IfPresent inside a Concat must have single `then`/`else` values, recursively. */
function checkConcatItems(items: readonly CommandLineElement[], ctx: ConversionContext, path: string): void {
  const check = (node: IfPresentNode): boolean => {
    if (Array.isArray(node.then) || Array.isArray(node.else)) return false;
    for (const branch of [node.then, node.else] as (CommandLineElement | undefined)[]) {
      if (typeof branch !== 'object') continue;
      if (branch.kind === 'ifPresent' && !check(branch)) return false;
      if (branch.kind === 'concat' && !branch.items.every((i) => typeof i !== 'object' || i.kind !== 'ifPresent' || check(i))) return false;
    }
    return true;
  };
  for (const item of items)
    if (typeof item === 'object' && item.kind === 'ifPresent' && !check(item))
      ctx.problems.push({ path, message: 'an `if` inside `concat` must have a single `then` and `else` value, not a list (kfp refuses it)' });
}
