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

export interface PlaceholderNode {
  readonly kind: 'placeholder';
  readonly ref: PlaceholderRef;
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

export type CommandLineElement = string | PlaceholderNode | TemplateNode | ConcatNode | IfPresentNode;

export function placeholder(ref: PlaceholderRef): PlaceholderNode {
  return Object.freeze({ kind: 'placeholder', ref });
}

/** Tagged template for command-line text with placeholders: `` cmd`--out=${outputs.model.path}` ``. */
export function cmd(strings: TemplateStringsArray, ...values: readonly (PlaceholderNode | string | number)[]): TemplateNode {
  const parts: (string | PlaceholderNode)[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push(s);
    if (i < values.length) {
      const v = values[i]!;
      parts.push(typeof v === 'object' ? v : String(v));
    }
  });
  return Object.freeze({ kind: 'template', parts: Object.freeze(parts) });
}

/** `{"Concat": [...]}`: joins its items into one argument at run time. */
export function concat(...items: CommandLineElement[]): ConcatNode {
  return Object.freeze({ kind: 'concat', items: Object.freeze(items) });
}

/** `{"IfPresent": ...}`: `then` when the optional input was given, `else` otherwise. */
export function ifPresent(
  inputName: string,
  then: CommandLineElement | readonly CommandLineElement[],
  otherwise?: CommandLineElement | readonly CommandLineElement[],
): IfPresentNode {
  return Object.freeze({ kind: 'ifPresent', inputName, then, ...(otherwise !== undefined ? { else: otherwise } : {}) });
}

/** Run-time values the backend fills in (kfp's `dsl.PIPELINE_*_PLACEHOLDER`). */
export const runtime = Object.freeze({
  pipelineJobName: placeholder({ kind: 'runtime', expression: '{{$.pipeline_job_name}}' }),
  pipelineJobResourceName: placeholder({ kind: 'runtime', expression: '{{$.pipeline_job_resource_name}}' }),
  pipelineJobId: placeholder({ kind: 'runtime', expression: '{{$.pipeline_job_uuid}}' }),
  pipelineTaskName: placeholder({ kind: 'runtime', expression: '{{$.pipeline_task_name}}' }),
  pipelineTaskId: placeholder({ kind: 'runtime', expression: '{{$.pipeline_task_uuid}}' }),
  pipelineRoot: placeholder({ kind: 'runtime', expression: '{{$.pipeline_root}}' }),
  pipelineJobCreateTimeUtc: placeholder({ kind: 'runtime', expression: '{{$.pipeline_job_create_time_utc}}' }),
  pipelineJobScheduleTimeUtc: placeholder({ kind: 'runtime', expression: '{{$.pipeline_job_schedule_time_utc}}' }),
  executorInput: placeholder({ kind: 'runtime', expression: '{{$}}' }),
  executorOutputPath: placeholder({ kind: 'runtime', expression: '{{$.outputs.output_file}}' }),
  workspacePath: placeholder({ kind: 'runtime', expression: '{{$.workspace_path}}' }),
});
