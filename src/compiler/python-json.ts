import { compareCodePoints } from '../code-point-order.ts';

/**
 * `json.dumps` as Python writes it (`", "` and `": "` separators, non-ASCII escaped): the IR
 * embeds such text for IfPresent/Concat placeholders and ParallelFor literal items.
 */
export function pythonJsonDumps(value: unknown, sortKeys = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => pythonJsonDumps(v, sortKeys)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pythonJsonDumps(v, sortKeys)}`).join(', ')}}`;
}

function pyFloat(n: number): string {
  return String(n);
}

function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      if (code > 0xffff) {
        const hi = Math.floor((code - 0x10000) / 0x400) + 0xd800;
        const lo = ((code - 0x10000) % 0x400) + 0xdc00;
        out += `\\u${hi.toString(16).padStart(4, '0')}\\u${lo.toString(16).padStart(4, '0')}`;
      } else out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/** Python's `repr()` of a str, as kfp writes package names into the pip command line. */
export function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out + quote;
}
