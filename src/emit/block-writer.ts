import { childrenAreValues, numberIsDouble } from './doubles.ts';
import type { JsonObject } from '../ir/index.ts';
import { compareCodePoints } from '../code-point-order.ts';
import type { ScalarText } from './scalar-text.ts';


/**
 * Writes a JSON-shaped document in block style: maps with sorted keys, sequences not indented
 * under their key (PyYAML's layout), `{}` / `[]` for empty collections. Every scalar's and key's
 * text comes from the `yaml` package (ScalarText); only the indentation is laid out here, which
 * is what made emission through a whole `yaml` Document half of a large compile. Byte-identical
 * to yaml-document.ts (tests/unit/emit-block-writer.test.ts).
 */
export function blockText(doc: JsonObject, scalars: ScalarText): string {
  const out: string[] = [];
  new Writer(out, scalars).map(doc, '', undefined, false);
  return `${out.join('\n')}\n`;
}

function isMap(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function definedKeys(m: JsonObject): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(m)) if (m[k] !== undefined) keys.push(k);
  return keys.sort(compareCodePoints);
}

class Writer {
  constructor(
    private readonly out: string[],
    private readonly scalars: ScalarText,
  ) {}

  /** `firstPrefix` replaces the indent of the first entry (`- ` of a sequence item). */
  map(m: JsonObject, indent: string, firstPrefix: string | undefined, inValue: boolean, keys = definedKeys(m)): void {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
      this.entry(`${lead}${this.scalars.key(k)}:`, m[k], indent, childrenAreValues(k, inValue), numberIsDouble(k, inValue));
    }
  }

  private entry(head: string, v: unknown, indent: string, valuesBelow: boolean, double: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) this.out.push(`${head} []`);
      else {
        this.out.push(head);
        this.seq(v, indent, valuesBelow);
      }
    } else if (isMap(v)) {
      const keys = definedKeys(v);
      if (keys.length === 0) this.out.push(`${head} {}`);
      else {
        this.out.push(head);
        this.map(v, `${indent}  `, undefined, valuesBelow, keys);
      }
    } else this.scalar(`${head} `, v, indent, double);
  }

  /** `firstPrefix` replaces the indent of the first item (a `- - x` inside an outer sequence). */
  private seq(items: readonly unknown[], indent: string, inValue: boolean, firstPrefix?: string): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const dash = `${i === 0 && firstPrefix !== undefined ? firstPrefix : indent}- `;
      if (Array.isArray(item)) {
        if (item.length === 0) this.out.push(`${dash}[]`);
        else this.seq(item, `${indent}  `, inValue, dash);
      } else if (isMap(item)) {
        const keys = definedKeys(item);
        if (keys.length === 0) this.out.push(`${dash}{}`);
        else this.map(item, `${indent}  `, dash, inValue, keys);
      } else this.scalar(dash, item, indent, inValue);
    }
  }

  private scalar(prefix: string, v: unknown, indent: string, double: boolean): void {
    const lines = this.scalars.value(v === undefined ? null : v, double);
    this.out.push(`${prefix}${lines[0]}`);
    for (let i = 1; i < lines.length; i++) this.out.push(lines[i] === '' ? '' : `${indent}${lines[i]}`);
  }
}
