import { parameterChannel, type ParameterChannel } from './channels.ts';
import { parameterTypeOfName, subvarTypeName } from './kfp-type-names.ts';
import { requireMade, wrongValue } from './value-guards.ts';

type FieldOf<T, K extends string> = T extends object ? (K extends keyof T ? T[K] : unknown) : unknown;

/**
 * One field of a ParallelFor item that is an object (kfp's `item.a`); the task reads it out of
 * the item at run time.
 *
 * @example
 * s.parallelFor([{ lr: 0.1, depth: 3 }, { lr: 0.01, depth: 5 }], (item, s) => {
 *   s.task(train, { learning_rate: itemField(item, 'lr'), max_depth: itemField(item, 'depth') });
 * });
 */
export function itemField<T, const K extends string>(item: ParameterChannel<T>, key: K): ParameterChannel<FieldOf<T, K>> {
  requireMade(item, ['parameterChannel'], 'itemField', "itemField()'s item", 'the item a parallelFor body receives');
  if (typeof key !== 'string') wrongValue('wrong-value', 'itemField', "itemField()'s field name must be a string");
  if (item.source.kind !== 'loopItem' || item.source.subvar !== undefined)
    throw new Error('itemField() takes the item a parallelFor body receives');
  // kfp makes the field a Python attribute of the item, so it must be an identifier.
  if (!/^[a-zA-Z_][0-9a-zA-Z_]*$/.test(key)) throw new Error(`itemField(): '${key}' is not a valid field name (letters, digits and _, not starting with a digit)`);
  const typeName = subvarTypeName(item.typeName) ?? 'String';
  return parameterChannel({ ...item.source, subvar: key }, parameterTypeOfName(typeName) ?? 'STRING', typeName);
}
