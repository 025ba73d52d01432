/** TypeScript source text for values: single-quoted strings, JSON values as literals, safe comments. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);

/** A single-quoted string literal. */
export function tsString(s: string): string {
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function tsKey(key: string): string {
  return IDENTIFIER.test(key) ? key : tsString(key);
}

/** A JSON value as a TypeScript literal (`{ a: [1, 'x'] }`). */
export function tsLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${tsKey(k)}: ${tsLiteral(v)}`).join(', ')} }`;
}

/** A template literal holding `text` verbatim. */
export function tsTemplate(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** Text safe inside a JSDoc comment. */
export function jsDocText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\r\n?/g, '\n').trimEnd();
}

/** A valid, non-reserved identifier in camelCase from a name such as `xgboost-train` or `train_model`. */
export function camelIdentifier(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (id === '') id = 'component';
  if (/^[0-9]/.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}Component` : id;
}

/** Python's inspect.cleandoc: the lines after the first dedented by their common indentation, blank ends dropped. */
export function cleanDoc(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const margin = indents.length ? Math.min(...indents) : 0;
  const out = [lines[0]!.trim(), ...rest.map((l) => l.slice(margin).trimEnd())];
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
