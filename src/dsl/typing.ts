import type { z } from 'zod';
import type { ArtifactChannel, ParameterChannel } from './channels.ts';
import type { ArtifactInputDecl, ArtifactOutputDecl, InputDecl, InputDecls, OutputDecl, OutputDecls } from './io.ts';
import type { RuntimePlaceholder } from './placeholders.ts';

/** Flattens an intersection so editor hovers and error messages show one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A string with run-time values inside it, made by the `str` tag (kfp's f-string arguments). */
export interface StringTemplate {
  readonly kind: 'stringTemplate';
  readonly parts: readonly (string | ParameterChannel | RuntimePlaceholder)[];
}

/**
 * A constant of type `T` whose elements and fields may themselves be run-time values (kfp fills
 * channels nested in list and struct arguments at run time).
 */
type NestedArg<T> = T extends readonly (infer E)[]
  ? readonly ParameterArg<E>[]
  : T extends object
    ? { readonly [K in keyof T]: ParameterArg<T[K]> }
    : T;

/**
 * What may be passed to a parameter input of value type `T`. A string input also takes a
 * runtime placeholder (`runtime.workspacePath`), which kfp passes as the string it is.
 */
export type ParameterArg<T> =
  | NestedArg<T>
  | ParameterChannel<T>
  | (T extends string ? StringTemplate | RuntimePlaceholder : never);

/**
 * What may be passed to an artifact input: the generic `Artifact` type takes any artifact, and a
 * generic `Artifact` may go into an input of any type (kfp's type check lets `system.Artifact`
 * through on either side).
 */
export type ArtifactArg<T extends string, L extends boolean> = ArtifactChannel<
  T extends 'system.Artifact' ? string : T | 'system.Artifact',
  L
>;

export type ArgFor<D> =
  D extends ArtifactInputDecl<infer T, infer L, boolean>
    ? ArtifactArg<T, L>
    : D extends z.ZodType
      ? // An input that may be left out may also take a value that may be unset (kfp passes an
        // optional pipeline input on to an optional or defaulted component input).
        ParameterArg<z.output<D>> | (undefined extends z.input<D> ? ParameterChannel<z.output<D> | undefined> : never)
      : never;

type IsOptionalInput<D> =
  D extends ArtifactInputDecl<string, boolean, infer O>
    ? O
    : D extends z.ZodType
      ? undefined extends z.input<D>
        ? true
        : false
      : false;

type RequiredInputNames<I extends InputDecls> = {
  [K in keyof I]: IsOptionalInput<I[K]> extends true ? never : K;
}[keyof I];

/**
 * The argument object of a component call: required inputs must be given, optional ones may be,
 * and an unknown name is an excess-property error. A component without inputs takes `{}` only
 * (TypeScript runs no excess-property check against an empty object type, hence the record of
 * `never`).
 */
export type ArgsOf<I extends InputDecls> = keyof I extends never
  ? { readonly [name: string]: never }
  : Simplify<
      { readonly [K in RequiredInputNames<I>]: ArgFor<I[K]> } & {
        readonly [K in Exclude<keyof I, RequiredInputNames<I>>]?: ArgFor<I[K]>;
      }
    >;

export type ChannelFor<D extends OutputDecl> =
  D extends ArtifactOutputDecl<infer T, infer L>
    ? ArtifactChannel<T, L>
    : D extends z.ZodType
      ? ParameterChannel<z.output<D>>
      : never;

/** A task's outputs, typed from the component's output declarations. */
export type OutputsOf<O extends OutputDecls> = { readonly [K in keyof O]: ChannelFor<O[K]> };

/**
 * What a pipeline body may return for an output: kfp checks a returned value as it checks a task
 * argument, so a generic `Artifact` may be returned as any artifact type and an `Artifact` output
 * takes any artifact.
 */
export type ReturnFor<D extends OutputDecl> =
  D extends ArtifactOutputDecl<infer T, infer L>
    ? ArtifactArg<T, L>
    : D extends z.ZodType
      ? ParameterChannel<z.output<D>>
      : never;

/** What a pipeline body returns, typed from the pipeline's output declarations. */
export type ReturnsOf<O extends OutputDecls> = { readonly [K in keyof O]: ReturnFor<O[K]> };

/** A pipeline's parameters as run-time channels. */
export type ParamsOf<I extends InputDecls> = {
  readonly [K in keyof I]: I[K] extends ArtifactInputDecl<infer T, infer L, boolean>
    ? ArtifactChannel<T, L>
    : I[K] extends z.ZodType
      ? ParameterChannel<z.output<I[K]>>
      : never;
};
