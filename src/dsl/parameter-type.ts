import type { JsonValue } from '../ir/index.ts';

/** The IR's parameter types (ml_pipelines.ParameterType) a declaration can have. */
export type ParameterType = 'STRING' | 'NUMBER_INTEGER' | 'NUMBER_DOUBLE' | 'BOOLEAN' | 'LIST' | 'STRUCT' | 'TASK_FINAL_STATUS';

/** A JSON value a parameter can hold (a default, a constant): any JSON but null. */
export type ParameterValue = Exclude<JsonValue, null>;
