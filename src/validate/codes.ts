/** The validator's codes: its part of the one registry (src/diagnostic-codes). */
export { VALIDATE_CODES } from '../diagnostic-codes/validate.ts';
import type { VALIDATE_CODES } from '../diagnostic-codes/validate.ts';

export type ValidateCode = keyof typeof VALIDATE_CODES;
