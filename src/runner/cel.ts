/**
 * CEL as the KFP backend evaluates it (backend/src/v2/expression): trigger conditions against the
 * task's resolved executor input, and parameter expression selectors (loop item fields) against
 * one parameter value. Evaluated by a real CEL implementation, `@marcbachmann/cel-js`, never by
 * substituting values into the text.
 *
 * Why that library: of the npm CEL evaluators, `cel-js` cannot call `int(...)` (every kfp
 * condition on an int output uses it); `@bufbuild/cel` is conformance-tested but brings ~11 MB of
 * dependencies; `@marcbachmann/cel-js` has none, is actively released, type-checks, and agrees
 * with cel-go on what kfp writes: dyn numbers from `google.protobuf.Value` are doubles,
 * `int(double)` truncates, `1 == 1.0` is true, `&&`/`||` absorb errors as CEL specifies.
 *
 * The variables are the proto fields' text names, as cel-go's `DeclareContextProto` declares them:
 * `inputs.parameter_values['x']` for a condition; `string_value`, `number_value`, … for a
 * selector, where `string_value` is always the value as JSON text (the backend adds it), so kfp's
 * `parseJson(string_value)["field"]` works on any value.
 */
import { Environment } from '@marcbachmann/cel-js';
import type { JsonObject, JsonValue } from '../ir/index.ts';
import { kindOf, valueToText } from './values.ts';

let environment: Environment | undefined;

function env(): Environment {
  environment ??= new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false }).registerFunction(
    'parseJson(string): dyn',
    (text: string) => JSON.parse(text) as unknown,
  );
  return environment;
}

/** CEL values back to JSON: ints come back as bigint. */
function toJson(value: unknown): JsonValue {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toJson(v)]));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]));
  throw new Error(`a CEL value of type ${typeof value} has no JSON form`);
}

export type CelOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * `Expr.Condition`: evaluates a trigger condition with the task's resolved input parameters as
 * `inputs.parameter_values`. Anything but a bool is an error, as in the backend.
 */
export function evaluateCondition(condition: string, parameterValues: Readonly<Record<string, JsonValue>>, artifacts: JsonObject = {}): CelOutcome<boolean> {
  try {
    const result: unknown = env().evaluate(condition, { inputs: { parameter_values: parameterValues, artifacts } });
    if (typeof result !== 'boolean') return { ok: false, message: `the condition's result is not a bool: ${JSON.stringify(toJson(result))}` };
    return { ok: true, value: result };
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n')[0] ?? String(err) };
  }
}

/** `Expr.Select`: evaluates a parameter expression selector against one value. */
export function evaluateSelector(selector: string, value: JsonValue): CelOutcome<JsonValue> {
  const fields: Record<string, unknown> = {};
  switch (kindOf(value)) {
    case 'null':
      fields['null_value'] = null;
      break;
    case 'number':
      fields['number_value'] = value;
      break;
    case 'bool':
      fields['bool_value'] = value;
      break;
    case 'list':
      fields['list_value'] = value;
      break;
    case 'struct':
      fields['struct_value'] = value;
      break;
    case 'string':
      break;
  }
  fields['string_value'] = valueToText(value);
  try {
    return { ok: true, value: toJson(env().evaluate(selector, fields)) };
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n')[0] ?? String(err) };
  }
}
