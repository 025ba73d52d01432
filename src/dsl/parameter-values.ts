import type { ParameterType } from './parameter-type.ts';

// Kept apart from parameter-types.ts (which needs zod at run time): the compiler imports only
// this, so compiling never loads zod.
/** Whether a JS value fits a parameter type, as the IR (a protobuf Value) will carry it. */
export function valueFitsParameterType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'TASK_FINAL_STATUS':
      return false;
  }
}
