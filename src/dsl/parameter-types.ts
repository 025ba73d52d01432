import * as z from 'zod';
import { kfpTypeName } from './kfp-type-names.ts';
import type { ParameterType, ParameterValue } from './parameter-type.ts';

export type { ParameterType, ParameterValue } from './parameter-type.ts';

/** What the compiler needs to know about a parameter declared with zod. */
export interface ParameterSpec {
  readonly kind: 'parameter';
  readonly parameterType: ParameterType;
  readonly optional: boolean;
  /** Present only when the declaration has a default. */
  readonly defaultValue?: ParameterValue;
  readonly description?: string;
  /** kfp's Python type text (`typing.List[str]`), for ParallelFor item types. */
  readonly typeName?: string;
}

/**
 * The status kfp hands an exit task (kfp's `dsl.PipelineTaskFinalStatus`). Declare an input with
 * `PipelineTaskFinalStatus`; the backend fills it, so tasks pass no argument for it.
 */
export const taskFinalStatusSchema = z.object({
  state: z.string(),
  pipelineJobResourceName: z.string(),
  pipelineTaskName: z.string(),
  errorCode: z.int().optional(),
  errorMessage: z.string().optional(),
});

/**
 * An input that receives the final status of the tasks an exit handler guards.
 * @example inputs: { status: PipelineTaskFinalStatus, user_input: z.string() }
 */
export const PipelineTaskFinalStatus = taskFinalStatusSchema.optional();


interface Unwrapped {
  readonly inner: z.ZodType;
  readonly optional: boolean;
  readonly defaultValue?: ParameterValue;
  readonly description?: string;
}

function unwrap(schema: z.ZodType): Unwrapped {
  let current: z.ZodType = schema;
  let optional = false;
  let defaultValue: ParameterValue | undefined;
  let description = schema.description;
  for (;;) {
    const def = (current as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      const raw = def.defaultValue;
      defaultValue = (typeof raw === 'function' ? (raw as () => unknown)() : raw) as ParameterValue;
    } else if (def.type === 'optional' || def.type === 'nullable') {
      optional = true;
    } else {
      break;
    }
    current = def.innerType as z.ZodType;
    description ??= current.description;
  }
  return { inner: current, optional, ...(defaultValue !== undefined ? { defaultValue } : {}), ...(description ? { description } : {}) };
}

function isIntegerNumber(schema: z.ZodType): boolean {
  // zod v4 marks z.int() and z.number().int() with an integer `format` on the number schema.
  return (schema as unknown as { isInt?: boolean }).isInt === true;
}

/**
 * Maps a zod schema to the IR parameter type. Returns undefined for a schema that has no IR
 * counterpart (the caller reports it with the input's path).
 */
export function parameterTypeOfSchema(schema: z.ZodType): ParameterType | undefined {
  const type = (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
  switch (type) {
    case 'string':
    case 'enum':
      return 'STRING';
    case 'number':
      return isIntegerNumber(schema) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
    case 'int':
    case 'bigint':
      return 'NUMBER_INTEGER';
    case 'boolean':
      return 'BOOLEAN';
    case 'array':
    case 'tuple':
      return 'LIST';
    case 'object':
    case 'record':
      return 'STRUCT';
    case 'literal': {
      const values = (schema as unknown as { _zod: { def: { values: unknown[] } } })._zod.def.values;
      const v = values[0];
      if (typeof v === 'string') return 'STRING';
      if (typeof v === 'boolean') return 'BOOLEAN';
      if (typeof v === 'number') return Number.isInteger(v) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Reads type, optionality, default and description from a zod declaration. */
export function parameterSpecOf(schema: z.ZodType): ParameterSpec | undefined {
  const u = unwrap(schema);
  const parameterType = parameterTypeOfSchema(u.inner);
  if (u.inner === taskFinalStatusSchema) return { kind: 'parameter', parameterType: 'TASK_FINAL_STATUS', optional: true, ...(u.description ? { description: u.description } : {}) };
  if (parameterType === undefined) return undefined;
  const typeName = kfpTypeName(u.inner);
  return {
    kind: 'parameter',
    parameterType,
    optional: u.optional,
    ...(u.defaultValue !== undefined ? { defaultValue: u.defaultValue } : {}),
    ...(u.description ? { description: u.description } : {}),
    ...(typeName !== undefined ? { typeName } : {}),
  };
}


