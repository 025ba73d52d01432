/**
 * Container command and args with their placeholders resolved, as the driver and launcher do:
 * `{{$}}` (the executor input as JSON), input parameters, input and output artifact URIs and
 * paths, output parameter files, and kfp's structured `{"Concat": [...]}` and
 * `{"IfPresent": {...}}` arguments. Input parameters in arguments are written as the driver
 * writes them (integral numbers without a fraction).
 *
 * `{{$}}` is the executor input with the launcher's placeholders substituted inside its text: the
 * launcher (compileCmdAndArgs in backend/src/v2/component/launcher_v2.go) writes the JSON into the
 * argument first and then replaces every placeholder in the result, and that second step is what
 * resolves kfp's f-string arguments (a constant `item-{{$.inputs.parameters['pipelinechannel--…']}}`
 * reaching the component as `item-1`). The replacement is textual, as there.
 *
 * Where the backend 2.17 falls short of the SDK's meaning, the SDK's meaning is used: it passes a
 * `Concat`, and an `IfPresent` that mentions an output, through as literal JSON; here both are
 * evaluated (as kfp's local runner does), and an `IfPresent` also sees input artifacts.
 */
import type { ExecutorInput, JsonValue } from '../ir/index.ts';
import { argumentText, valueToText } from './values.ts';

export interface PlaceholderContext {
  readonly executorInput: ExecutorInput;
  /** The pipeline-level placeholders (`{{$.pipeline_job_name}}`, …) and their values. */
  readonly runtime: Readonly<Record<string, string>>;
}

/** Resolves every element of a command or args list; structured placeholders may add or drop elements. */
export function resolveArguments(args: readonly string[], ctx: PlaceholderContext): string[] {
  return args.flatMap((arg) => {
    const structured = parseStructured(arg);
    return structured === undefined ? [resolveText(arg, ctx)] : resolveStructured(structured, ctx);
  });
}

type Structured = { readonly Concat: readonly unknown[] } | { readonly IfPresent: { readonly InputName: string; readonly Then?: unknown; readonly Else?: unknown } };

function parseStructured(arg: string): Structured | undefined {
  const trimmed = arg.trim();
  if (!trimmed.startsWith('{"Concat"') && !trimmed.startsWith('{"IfPresent"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === 'object' && parsed !== null && ('Concat' in parsed || 'IfPresent' in parsed)) return parsed as Structured;
  } catch {
    // not JSON: an ordinary argument
  }
  return undefined;
}

function resolveStructured(node: unknown, ctx: PlaceholderContext): string[] {
  if (typeof node === 'string') {
    const inner = parseStructured(node);
    return inner === undefined ? [resolveText(node, ctx)] : resolveStructured(inner, ctx);
  }
  if (Array.isArray(node)) return node.flatMap((n) => resolveStructured(n, ctx));
  if (typeof node === 'object' && node !== null) {
    if ('Concat' in node && Array.isArray((node as { Concat: unknown }).Concat)) {
      return [(node as { Concat: unknown[] }).Concat.flatMap((n) => resolveStructured(n, ctx)).join('')];
    }
    if ('IfPresent' in node) {
      const spec = (node as { IfPresent: { InputName?: unknown; Then?: unknown; Else?: unknown } }).IfPresent;
      const name = String(spec.InputName ?? '');
      const inputs = ctx.executorInput.inputs;
      const value = inputs?.parameterValues?.[name];
      const present = (value !== undefined && value !== null) || (inputs?.artifacts?.[name]?.artifacts?.length ?? 0) > 0;
      const branch = present ? spec.Then : spec.Else;
      return branch === undefined || branch === null ? [] : resolveStructured(branch, ctx);
    }
  }
  return [String(node)];
}

const PLACEHOLDER = /\{\{\$(?:\.(inputs|outputs)\.(parameters|artifacts)\['([^']+)'\](?:\.(uri|path|output_file))?|\.([a-z_]+))?\}\}/g;

/** Substitutes the placeholders in one argument's text. Unknown ones are left as written. */
export function resolveText(text: string, ctx: PlaceholderContext): string {
  return text.replace(PLACEHOLDER, (match, io?: string, kind?: string, name?: string, field?: string, runtimeName?: string) => {
    if (io === undefined && runtimeName === undefined) return launcherPlaceholdersIn(JSON.stringify(ctx.executorInput), ctx.executorInput);
    if (runtimeName !== undefined) return ctx.runtime[`{{$.${runtimeName}}}`] ?? match;
    const side = io === 'inputs' ? ctx.executorInput.inputs : ctx.executorInput.outputs;
    if (kind === 'parameters') {
      if (io === 'inputs' && field === undefined) {
        const value: JsonValue | undefined = ctx.executorInput.inputs?.parameterValues?.[name ?? ''];
        if (value === undefined) throw new Error(`parameter "${name}" has no value and no default, but an argument uses it (${match})`);
        return argumentText(value);
      }
      if (io === 'outputs' && field === 'output_file') return ctx.executorInput.outputs?.parameters?.[name ?? '']?.outputFile ?? match;
      return match;
    }
    const artifact = side?.artifacts?.[name ?? '']?.artifacts?.[0];
    if (artifact === undefined) throw new Error(`artifact "${name}" has no value, but an argument uses it (${match})`);
    if (field === 'uri') return artifact.uri ?? '';
    if (field === 'path') return artifact.customPath ?? localPathForUri(artifact.uri ?? '');
    return match;
  });
}

const LAUNCHER_PLACEHOLDER = /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\['([^']+)'\](?:\.(uri|path|output_file))?\}\}/g;

/**
 * The launcher's own placeholders (getPlaceholders: input parameters, input and output artifact URIs
 * and paths, output parameter files) replaced in text, each as the launcher writes it; any other
 * placeholder is left as written.
 */
function launcherPlaceholdersIn(text: string, executorInput: ExecutorInput): string {
  return text.replace(LAUNCHER_PLACEHOLDER, (match, io: string, kind: string, name: string, field?: string) => {
    if (kind === 'parameters') {
      if (io === 'inputs' && field === undefined) {
        const value = executorInput.inputs?.parameterValues?.[name];
        return value === undefined || value === null ? match : valueToText(value);
      }
      return io === 'outputs' && field === 'output_file' ? (executorInput.outputs?.parameters?.[name]?.outputFile ?? match) : match;
    }
    const artifact = (io === 'inputs' ? executorInput.inputs : executorInput.outputs)?.artifacts?.[name]?.artifacts?.[0];
    if (artifact === undefined) return match;
    if (field === 'uri') return artifact.uri ?? match;
    if (field === 'path') return artifact.customPath ?? localPathForUri(artifact.uri ?? '');
    return match;
  });
}

/** Where kfp's executor finds an artifact's file: remote URIs under their mount prefix, local paths as they are. */
export function localPathForUri(uri: string): string {
  for (const [scheme, mount] of [['gs://', '/gcs/'], ['s3://', '/s3/'], ['minio://', '/minio/']] as const) {
    if (uri.startsWith(scheme)) return mount + uri.slice(scheme.length);
  }
  return uri;
}
