import { isChannel } from '../dsl/channels.ts';
import type { ConditionNode, ConditionOperand } from '../dsl/conditions.ts';
import type { ParameterType } from '../dsl/parameter-types.ts';
import { diagnostic, type DiagnosticPath } from '../diagnostics.ts';
import { channelFullName, injectedName } from './channel-names.ts';
import { pathAt, type GroupEntry, type NamedContext } from './context.ts';

function operandType(o: ConditionOperand): ParameterType {
  if (isChannel(o)) return o.parameterType;
  if (typeof o === 'string') return 'STRING';
  if (typeof o === 'boolean') return 'BOOLEAN';
  return Number.isInteger(o) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
}

/** Python's `str(float)`: CEL text is what kfp prints, so 1.0 stays `1.0`. */
function pyNumber(n: number, type: ParameterType): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable from the DSL (operandType types every whole-number constant NUMBER_INTEGER); kept for a double constant that JavaScript cannot tell from an int
  if (type === 'NUMBER_DOUBLE' && Number.isInteger(n)) return `${n}.0`;
  return String(n);
}

/**
 * One comparison in kfp's CEL dialect: channels read from the group's own inputs, integer channels
 * wrapped in `int()`, and mixed types promoted (string > boolean > double > integer).
 */
function lowerOne(ctx: NamedContext, c: ConditionNode, path: DiagnosticPath): string {
  const s = ctx.naming;
  for (const o of [c.left, c.right]) {
    if (isChannel(o) && (o.parameterType === 'LIST' || o.parameterType === 'STRUCT')) {
      ctx.report(
        diagnostic(
          'condition/non-primitive',
          path,
          `a condition compares '${injectedName(channelFullName(o, s))}' of type ${o.parameterType}; conditions need string, number or boolean values`,
        ),
      );
    }
  }
  const types = new Set([operandType(c.left), operandType(c.right)]);
  const canonical: ParameterType =
    types.size === 1 ? [...types][0]! : types.has('STRING') ? 'STRING' : types.has('BOOLEAN') ? 'BOOLEAN' : 'NUMBER_DOUBLE';
  const text = (o: ConditionOperand): string => {
    const type = operandType(o);
    let v: string;
    if (isChannel(o)) {
      v = `inputs.parameter_values['${injectedName(channelFullName(o, s))}']`;
      if (type === 'NUMBER_INTEGER') v = `int(${v})`;
    } else if (typeof o === 'string') v = `'${o}'`;
    else if (typeof o === 'boolean') v = o ? 'true' : 'false';
    else v = pyNumber(o, type);
    if (type !== canonical) {
      if (canonical === 'STRING') v = `'${v}'`;
      else if (canonical === 'BOOLEAN') v = Number(v) === 0 ? 'true' : 'false';
      else v = `double(${v})`;
    }
    return v;
  };
  const body = `${text(c.left)} ${c.operator} ${text(c.right)}`;
  return c.negate ? `!(${body})` : body;
}

/** A condition group's trigger condition: its comparisons (the If's, and the negations of the branches before it) joined by `&&`. */
export function lowerCondition(ctx: NamedContext, g: GroupEntry, conditions: readonly ConditionNode[]): string {
  return conditions.map((c) => lowerOne(ctx, c, pathAt(ctx.naming, g))).join(' && ');
}
