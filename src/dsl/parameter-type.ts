import type { JsonValue } from '../ir/index.ts';

/** The IR's parameter types (ml_pipelines.ParameterType) a declaration can have. */
export type ParameterType = 'STRING' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'BOOLEAN' | 'LIST' | 'STRUCT' | 'TASK_FINAL_STATUS';

/** A JSON value a parameter can hold (a default, a constant): any JSON but null. */
export type ParameterValue = Exclude<JsonValue, null>;

/**
 * kfp's PARAMETER_TYPES_MAPPING: the parameter type of a type name, by its lower-case short name
 * (`typing.` and `[...]` dropped by the caller). Python annotations, v1 type names and zod schema
 * titles all read names through it.
 */
export const PARAMETER_TYPE_NAMES: Readonly<Record<string, ParameterType>> = {
  integer: 'NUMBER_INTEGER',
  int: 'NUMBER_INTEGER',
  double: 'NUMBER_DOUBLE',
  float: 'NUMBER_DOUBLE',
  string: 'STRING',
  str: 'STRING',
  text: 'STRING',
  bool: 'BOOLEAN',
  boolean: 'BOOLEAN',
  dict: 'STRUCT',
  list: 'LIST',
  jsonobject: 'STRUCT',
  jsonarray: 'LIST',
};
