import * as z from 'zod';

/**
 * The kfp v1 component format (`component.yaml` with `implementation:`), as kfp 2.17.3's
 * `v1_structures` reads it: every mapping strict (an unknown key is refused), optional fields may
 * be null, and a command-line argument is a string or exactly one placeholder mapping. Numbers or
 * booleans in `command`/`args`/`env` are refused as kfp refuses them (quote them).
 */

/** Names are matched by text: YAML `name: 123` is not a string, and kfp refuses it. */
const text = z.string();
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish();

export type V1Argument =
  | string
  | { readonly inputValue: string }
  | { readonly inputPath: string }
  | { readonly inputUri: string }
  | { readonly outputPath: string }
  | { readonly outputUri: string }
  | { readonly inputMetadata: string }
  | { readonly inputOutputPortName: string }
  | { readonly outputMetadata: null }
  | { readonly executorInput: null }
  | { readonly concat: readonly V1Argument[] }
  | { readonly if: V1If };

export interface V1If {
  readonly cond: boolean | string | { readonly isPresent: string } | { readonly inputValue: string };
  readonly then: V1Argument | readonly V1Argument[];
  readonly else?: V1Argument | readonly V1Argument[] | null | undefined;
}

const one = <K extends string, T extends z.ZodType>(key: K, value: T) => z.strictObject({ [key]: value } as { [P in K]: T });

export const v1Argument: z.ZodType<V1Argument> = z.lazy(() =>
  z.union([
    text,
    one('inputValue', text),
    one('inputPath', text),
    one('inputUri', text),
    one('outputPath', text),
    one('outputUri', text),
    one('inputMetadata', text),
    one('inputOutputPortName', text),
    one('outputMetadata', z.null()),
    one('executorInput', z.null()),
    one('concat', z.array(v1Argument)),
    one('if', v1If),
  ]),
) as z.ZodType<V1Argument>;

const argumentOrList = z.lazy(() => z.union([z.array(v1Argument), v1Argument]));

const v1If: z.ZodType<V1If> = z.lazy(() =>
  z.strictObject({
    cond: z.union([z.boolean(), text, one('isPresent', text), one('inputValue', text)]),
    then: argumentOrList,
    else: nullish(argumentOrList),
  }),
) as z.ZodType<V1If>;

/** `str | int | float | bool`, as kfp types a default. */
const primitive = z.union([z.string(), z.number(), z.boolean()]);
/** A type is a name (`String`, `CSV`), a mapping (`{GCSPath: {data_type: CSV}}`) or, rarely, a list. */
const typeSpec = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

export const v1InputSpec = z.strictObject({
  name: text,
  type: nullish(typeSpec),
  description: nullish(text),
  default: nullish(primitive),
  optional: nullish(z.boolean()),
  annotations: nullish(z.record(z.string(), z.unknown())),
});

export const v1OutputSpec = z.strictObject({
  name: text,
  type: nullish(typeSpec),
  description: nullish(text),
  annotations: nullish(z.record(z.string(), z.unknown())),
});

export const v1ContainerSpec = z.strictObject({
  image: text,
  command: nullish(z.array(v1Argument)),
  args: nullish(z.array(v1Argument)),
  env: nullish(z.record(z.string(), z.string())),
  fileOutputs: nullish(z.record(z.string(), z.string())),
});

export const v1ComponentSpec = z.strictObject({
  name: nullish(text),
  description: nullish(text),
  metadata: nullish(
    z.strictObject({
      annotations: nullish(z.record(z.string(), z.string())),
      labels: nullish(z.record(z.string(), z.string())),
    }),
  ),
  inputs: nullish(z.array(v1InputSpec)),
  outputs: nullish(z.array(v1OutputSpec)),
  // kfp 2 loads container components only; a v1 graph component is refused after parsing.
  implementation: z.union([z.strictObject({ container: v1ContainerSpec }), z.strictObject({ graph: z.unknown() })]),
  version: nullish(text),
});

export type V1ComponentSpec = z.infer<typeof v1ComponentSpec>;
export type V1OutputSpec = z.infer<typeof v1OutputSpec>;
