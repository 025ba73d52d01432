import type { ParameterChannel } from './channels.ts';
import type { PlaceholderNode, RuntimePlaceholder, TemplateNode } from './placeholders.ts';
import type { StringTemplate } from './typing.ts';

/**
 * A key of importer metadata: a constant, or a string known only at run time (kfp lets a task
 * output or a pipeline parameter be a dict key: `{make_name_op.output: ...}`).
 */
export type ImporterMetadataKey = string | ParameterChannel<string> | StringTemplate;

/**
 * A value of importer metadata: JSON, with run-time values (parameters, task outputs, str``,
 * runtime placeholders) anywhere. A dict whose keys are run-time values is a `ReadonlyMap`
 * (its type arguments spelled out, as TypeScript infers a Map of mixed entries poorly):
 * `new Map<ImporterMetadataKey, ImporterMetadataValue>([[task.outputs.Output, 'x']])`.
 */
export type ImporterMetadataValue =
  | string
  | number
  | boolean
  | null
  | ParameterChannel
  | StringTemplate
  | RuntimePlaceholder
  | readonly ImporterMetadataValue[]
  | { readonly [key: string]: ImporterMetadataValue }
  | ReadonlyMap<ImporterMetadataKey, ImporterMetadataValue>;

/**
 * What `importer({ metadata })` takes: an object when every key is a constant; a list of
 * `[key, value]` entries (or a Map) when some key is a run-time value. Entries keep their order,
 * which decides the names of the importer's inputs (`metadata`, `metadata-2`, …) as in kfp. (An
 * object puts integer-like keys such as `'1'` first, unlike a Python dict: give entries to keep
 * the order of a kfp pipeline with such keys.)
 *
 * @example
 * metadata: [
 *   ['name', str`prefix-${made.outputs.Output}`],
 *   [made.outputs.Output, p.image_uri],
 * ]
 */
export type ImporterMetadata =
  | { readonly [key: string]: ImporterMetadataValue }
  | readonly (readonly [ImporterMetadataKey, ImporterMetadataValue])[]
  | ReadonlyMap<ImporterMetadataKey, ImporterMetadataValue>;

/** A metadata key in the node tree: a constant, or a placeholder for one of the importer's inputs. */
export type MetadataKeyNode = string | PlaceholderNode | TemplateNode;

/** A metadata dict in the node tree, entries in order (keys may be placeholders). */
export interface MetadataDictNode {
  readonly kind: 'metadataDict';
  readonly entries: readonly (readonly [MetadataKeyNode, MetadataNode])[];
}

/** Metadata in the node tree: JSON with placeholders where run-time values go. */
export type MetadataNode = string | number | boolean | null | PlaceholderNode | TemplateNode | readonly MetadataNode[] | MetadataDictNode;
