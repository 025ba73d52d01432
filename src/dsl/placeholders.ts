import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { requireMade } from './value-guards.ts';

/**
 * Container command-line placeholders are structure, not strings: the compiler alone turns them
 * into `{{$.inputs.parameters['x']}}` and friends.
 */
export type PlaceholderRef =
  | { readonly kind: 'inputValue'; readonly name: string }
  | { readonly kind: 'inputPath'; readonly name: string }
  | { readonly kind: 'inputUri'; readonly name: string }
  | { readonly kind: 'inputMetadata'; readonly name: string; readonly key?: string }
  /** A whole list of artifacts (kfp allows no attribute access on one). */
  | { readonly kind: 'inputArtifactList'; readonly name: string }
  | { readonly kind: 'outputPath'; readonly name: string }
  | { readonly kind: 'outputUri'; readonly name: string }
  | { readonly kind: 'outputMetadata'; readonly name: string; readonly key?: string }
  | { readonly kind: 'outputParameterFile'; readonly name: string }
  | { readonly kind: 'runtime'; readonly expression: string };

/** A value the backend fills in when the task runs (an input's value or path, a run-time value); `cmd` and `concat` combine them with text. */
export interface PlaceholderNode {
  readonly kind: 'placeholder';
  readonly ref: PlaceholderRef;
}

/**
 * A value the backend fills in for every task (`runtime.workspacePath`, …). Unlike the other
 * placeholders it may also be a task's argument or part of a str`` template, where kfp treats
 * it as the string it is (`'{{$.workspace_path}}'`).
 */
export interface RuntimePlaceholder extends PlaceholderNode {
  readonly ref: Extract<PlaceholderRef, { kind: 'runtime' }>;
}

export function isRuntimePlaceholder(v: unknown): v is RuntimePlaceholder {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'placeholder' && (v as PlaceholderNode).ref.kind === 'runtime';
}

/** Text with placeholders inside it, made by the `cmd` tag: `` cmd`--lr=${inputs.lr}` ``. */
export interface TemplateNode {
  readonly kind: 'template';
  readonly parts: readonly (string | PlaceholderNode)[];
}

export interface ConcatNode {
  readonly kind: 'concat';
  readonly items: readonly CommandLineElement[];
}

export interface IfPresentNode {
  readonly kind: 'ifPresent';
  readonly inputName: string;
  readonly then: CommandLineElement | readonly CommandLineElement[];
  readonly else?: CommandLineElement | readonly CommandLineElement[];
}

/** One element of a container's command or args: text, a placeholder, or a `cmd`/`concat`/`ifPresent` made of them. */
export type CommandLineElement = string | PlaceholderNode | TemplateNode | ConcatNode | IfPresentNode;

export function placeholder(ref: PlaceholderRef): PlaceholderNode {
  return madeByKfpTs(Object.freeze({ kind: 'placeholder', ref }));
}

/** Tagged template for command-line text with placeholders: `` cmd`--out=${outputs.model.path}` ``. */
export function cmd(strings: TemplateStringsArray, ...values: readonly (PlaceholderNode | string | number)[]): TemplateNode {
  const parts: (string | PlaceholderNode)[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push(s);
    if (i < values.length) {
      const v = values[i]!;
      if (typeof v !== 'string' && typeof v !== 'number')
        requireMade(v, ['placeholder'], 'cmd', `cmd\`\`'s value ${i + 1}`, "a placeholder (inputs.x, outputs.y.path), a string or a number");
      parts.push(typeof v === 'object' ? v : String(v));
    }
  });
  return madeByKfpTs(Object.freeze({ kind: 'template', parts: Object.freeze(parts) }));
}

/** `{"Concat": [...]}`: joins its items into one argument at run time. */
export function concat(...items: CommandLineElement[]): ConcatNode {
  return madeByKfpTs(Object.freeze({ kind: 'concat', items: Object.freeze(items) }));
}

/** `{"IfPresent": ...}`: `then` when the optional input was given, `else` otherwise. */
export function ifPresent(
  inputName: string,
  then: CommandLineElement | readonly CommandLineElement[],
  otherwise?: CommandLineElement | readonly CommandLineElement[],
): IfPresentNode {
  return madeByKfpTs(Object.freeze({ kind: 'ifPresent', inputName, then, ...(otherwise !== undefined ? { else: otherwise } : {}) }));
}

function runtimePlaceholder(expression: string): RuntimePlaceholder {
  return madeByKfpTs(Object.freeze({ kind: 'placeholder', ref: Object.freeze({ kind: 'runtime', expression }) }));
}

/**
 * Run-time values the backend fills in (kfp's `dsl.PIPELINE_*_PLACEHOLDER`): in a container
 * command, as a string input's argument, inside a str`` template or in importer metadata.
 * @example s.task(writeToWorkspace, { workspace_path: runtime.workspacePath });
 */
export const runtime = Object.freeze({
  pipelineJobName: runtimePlaceholder('{{$.pipeline_job_name}}'),
  pipelineJobResourceName: runtimePlaceholder('{{$.pipeline_job_resource_name}}'),
  pipelineJobId: runtimePlaceholder('{{$.pipeline_job_uuid}}'),
  pipelineTaskName: runtimePlaceholder('{{$.pipeline_task_name}}'),
  pipelineTaskId: runtimePlaceholder('{{$.pipeline_task_uuid}}'),
  pipelineRoot: runtimePlaceholder('{{$.pipeline_root}}'),
  pipelineJobCreateTimeUtc: runtimePlaceholder('{{$.pipeline_job_create_time_utc}}'),
  pipelineJobScheduleTimeUtc: runtimePlaceholder('{{$.pipeline_job_schedule_time_utc}}'),
  executorInput: runtimePlaceholder('{{$}}'),
  executorOutputPath: runtimePlaceholder('{{$.outputs.output_file}}'),
  workspacePath: runtimePlaceholder('{{$.workspace_path}}'),
});
