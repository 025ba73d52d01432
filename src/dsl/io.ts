import type { z } from 'zod';
import type { ArtifactType } from './artifacts.ts';
import { checkArtifactType } from './call-guards.ts';
import { optionsObject, requireOptionalBoolean, requireOptionalString } from './value-guards.ts';

/** An artifact input of a component or pipeline. */
export interface ArtifactInputDecl<T extends string = string, L extends boolean = boolean, O extends boolean = boolean> {
  readonly kind: 'artifactInput';
  readonly artifactType: ArtifactType<T>;
  readonly isList: L;
  readonly optional: O;
  readonly description?: string;
}

/** An artifact output of a component or pipeline. */
export interface ArtifactOutputDecl<T extends string = string, L extends boolean = boolean> {
  readonly kind: 'artifactOutput';
  readonly artifactType: ArtifactType<T>;
  readonly isList: L;
  readonly description?: string;
}

/** Inputs are declared as zod schemas (parameters) or with `input(...)` (artifacts). */
export type InputDecl = z.ZodType | ArtifactInputDecl;
/** Outputs are declared as zod schemas (parameters) or with `output(...)` (artifacts). */
export type OutputDecl = z.ZodType | ArtifactOutputDecl;

/** A component's or pipeline's inputs by name: zod schemas (parameters) or `input(ArtifactType)` (artifacts). */
export type InputDecls = Readonly<Record<string, InputDecl>>;
/** A component's or pipeline's outputs by name: zod schemas (parameters) or `output(ArtifactType)` (artifacts). */
export type OutputDecls = Readonly<Record<string, OutputDecl>>;

/** Options of {@link input}: a list of artifacts, an optional input, a description. */
export interface InputOptions<L extends boolean, O extends boolean> {
  /** A list of artifacts (`Input[List[Dataset]]`). */
  readonly list?: L;
  /** The input may be left unconnected (`Optional[Input[Dataset]] = None`). */
  readonly optional?: O;
  readonly description?: string;
}

/**
 * Declares an artifact input.
 * @example inputs: { training_data: input(Dataset) }
 */
export function input<T extends string, L extends boolean = false, O extends boolean = false>(
  artifactType: ArtifactType<T>,
  options: InputOptions<L, O> = {},
  // NoInfer: inside a component's `inputs`, the contextual type would otherwise infer `boolean`
  // for L and O (widening `{ optional: true }` and ignoring the `false` defaults).
): ArtifactInputDecl<T, NoInfer<L>, NoInfer<O>> {
  checkArtifactDecl('input', artifactType, options);
  return Object.freeze({
    kind: 'artifactInput',
    artifactType,
    isList: (options.list ?? false) as L,
    optional: (options.optional ?? false) as O,
    ...(options.description ? { description: options.description } : {}),
  });
}

/**
 * Declares an artifact output.
 * @example outputs: { model: output(Model) }
 */
export function output<T extends string, L extends boolean = false>(
  artifactType: ArtifactType<T>,
  options: { readonly list?: L; readonly description?: string } = {},
): ArtifactOutputDecl<T, NoInfer<L>> {
  checkArtifactDecl('output', artifactType, options);
  return Object.freeze({
    kind: 'artifactOutput',
    artifactType,
    isList: (options.list ?? false) as L,
    ...(options.description ? { description: options.description } : {}),
  });
}

/** Plain JavaScript may pass anything to input() and output(); they run where they are called. */
function checkArtifactDecl(call: 'input' | 'output', artifactType: unknown, options: unknown): void {
  checkArtifactType(artifactType, call, `${call}()'s artifact type`);
  const fields = optionsObject(options, call === 'input' ? ['list', 'optional', 'description'] : ['list', 'description'], call, `${call}()'s options`);
  requireOptionalBoolean(fields.list, call, `${call}()'s list`);
  requireOptionalBoolean(fields.optional, call, `${call}()'s optional`);
  requireOptionalString(fields.description, call, `${call}()'s description`);
}

export function isArtifactInputDecl(d: unknown): d is ArtifactInputDecl {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'artifactInput';
}

export function isArtifactOutputDecl(d: unknown): d is ArtifactOutputDecl {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'artifactOutput';
}
