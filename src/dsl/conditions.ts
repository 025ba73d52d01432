import type { ParameterChannel } from './channels.ts';
import { madeByKfpTs } from './made-by-kfp-ts.ts';
import { checkOperands } from './call-guards.ts';

export type ConditionOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type ConditionOperand = ParameterChannel | string | number | boolean;

/** One comparison; a group's condition is the conjunction of its operations. */
export interface ConditionNode {
  readonly kind: 'condition';
  readonly operator: ConditionOperator;
  readonly left: ConditionOperand;
  readonly right: ConditionOperand;
  readonly negate: boolean;
}

type Primitive = string | number | boolean;
type Operand<T extends Primitive> = ParameterChannel<T> | T;

function op(operator: ConditionOperator, left: ConditionOperand, right: ConditionOperand): ConditionNode {
  checkOperands(operator, left, right);
  return madeByKfpTs(Object.freeze({ kind: 'condition', operator, left, right, negate: false }));
}

/** `left == right`, where at least one side is a run-time value. */
export function eq<T extends Primitive>(left: ParameterChannel<T>, right: Operand<T>): ConditionNode {
  return op('==', left, right);
}
/** `left != right`. */
export function ne<T extends Primitive>(left: ParameterChannel<T>, right: Operand<T>): ConditionNode {
  return op('!=', left, right);
}
/** `left < right`. */
export function lt(left: ParameterChannel<number>, right: Operand<number>): ConditionNode {
  return op('<', left, right);
}
/** `left <= right`. */
export function le(left: ParameterChannel<number>, right: Operand<number>): ConditionNode {
  return op('<=', left, right);
}
/** `left > right`. */
export function gt(left: ParameterChannel<number>, right: Operand<number>): ConditionNode {
  return op('>', left, right);
}
/** `left >= right`. */
export function ge(left: ParameterChannel<number>, right: Operand<number>): ConditionNode {
  return op('>=', left, right);
}

export function negated(c: ConditionNode): ConditionNode {
  return madeByKfpTs(Object.freeze({ ...c, negate: !c.negate }));
}
