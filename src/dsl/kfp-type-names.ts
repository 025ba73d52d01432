import type { z } from 'zod';
import { PARAMETER_TYPE_NAMES, type ParameterType } from './parameter-type.ts';

/**
 * kfp keeps a channel's Python type as text (`typing.List[typing.Dict[str, int]]`) and derives
 * a ParallelFor item's type, and an item field's type, from that text with regular expressions.
 * These helpers write the same text for a zod schema and read it back the way kfp does, so loop
 * items get the parameter types kfp gives them.
 */

type Def = { type: string; element?: z.ZodType; valueType?: z.ZodType; innerType?: z.ZodType; format?: string };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let d = defOf(s); ['default', 'prefault', 'optional', 'nullable'].includes(d.type); d = defOf(s)) s = d.innerType!;
  return s;
}

/** The annotation text of a type nested inside a generic (`typing.List[...]`), or undefined if unknown. */
function innerName(schema: z.ZodType): string | undefined {
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'string':
    case 'enum':
      return 'str';
    case 'number':
      return (s as unknown as { isInt?: boolean }).isInt ? 'int' : 'float';
    case 'int':
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'array': {
      const e = innerName(d.element!);
      return e ? `typing.List[${e}]` : 'list';
    }
    case 'record': {
      const v = innerName(d.valueType!);
      return v ? `typing.Dict[str, ${v}]` : 'dict';
    }
    case 'object':
      return 'dict';
    default:
      return undefined;
  }
}

/** kfp's `channel_type` for a parameter declared with this schema (a bare `list` is `List`). */
export function kfpTypeName(schema: z.ZodType): string | undefined {
  const name = innerName(schema);
  if (name === 'list') return 'List';
  if (name === 'dict') return 'Dict';
  return name;
}

/** kfp's `_get_loop_item_type`: `typing.List[str]` → `str`; no type argument → undefined. */
export function loopItemTypeName(listType: string | undefined): string | undefined {
  const m = listType === undefined ? null : /^(typing\.)?(?:\w+)(?:\[(.+)\])/.exec(listType);
  return m ? m[2]!.trim() : undefined;
}

/** kfp's `_get_subvar_type`: `typing.Dict[str, int]` → `int`. */
export function subvarTypeName(dictType: string | undefined): string | undefined {
  const m = dictType === undefined ? null : /^(typing\.)?(?:\w+)(?:\[\s*(?:\w+)\s*,\s*(.+)\])/.exec(dictType);
  return m ? m[2]!.trim() : undefined;
}

/** kfp's `get_parameter_type` for type text: the short name (`typing.Dict[str, int]` → `Dict`) looked up. */
export function parameterTypeOfName(typeName: string): ParameterType | undefined {
  const short = /^(typing\.)?(\w+)(?:\[.+\])?/.exec(typeName)?.[2] ?? typeName;
  return PARAMETER_TYPE_NAMES[short.toLowerCase()];
}

/** kfp's `_get_first_element_type` for literal ParallelFor items. */
export function firstElementTypeName(items: readonly unknown[]): string {
  const pyName = (v: unknown): string => {
    if (typeof v === 'string') return 'str';
    if (typeof v === 'boolean') return 'bool';
    if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
    if (Array.isArray(v)) return 'list';
    if (v === null || v === undefined) return 'NoneType';
    return 'dict';
  };
  const first = items[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const entries = Object.entries(first);
    return `Dict[str, ${entries.length ? pyName(entries[0]![1]) : 'NoneType'}]`;
  }
  return pyName(first);
}
