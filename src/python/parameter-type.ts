import type { ParameterType as IrParameterType } from '../ir/index.ts';

/** The parameter types a Python annotation can give: the IR's, but the unspecified one and TASK_CONFIG. */
export type ParameterType = Exclude<IrParameterType, 'PARAMETER_TYPE_ENUM_UNSPECIFIED' | 'TASK_CONFIG'>;
