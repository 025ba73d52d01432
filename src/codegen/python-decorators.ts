import { parsePythonLiteral, scanLines } from '../python/index.ts';

/**
 * The `@dsl.component` functions of a Python module and their decorator's arguments, read from
 * the text: each top-level `def` under `@dsl.component`, `@component` or `@kfp.dsl.component`
 * (with or without arguments). An argument is a Python literal, a path beside the module written
 * the usual ways (`str(Path(__file__).parent / 'tracker' / 'x.py')`,
 * `os.path.join(os.path.dirname(__file__), 'x.py')`), or the name of a module-level constant
 * assigned one of those (`BASE_IMAGE = 'python:3.11'`).
 */

/** A path written relative to the module's own file (`Path(__file__).parent / 'a' / 'b'`). */
export interface ModuleRelativePath {
  readonly kind: 'moduleRelativePath';
  readonly path: string;
}

const STRING = String.raw`(?:'[^'\
]*'|"[^"\
]*")`;
const PATHLIB = new RegExp(String.raw`^(?:str\(\s*)?(?:pathlib\.)?Path\(\s*__file__\s*\)(?:\.resolve\(\s*\))?\.parent((?:\s*/\s*${STRING})+)\s*\)?$`);
const OS_PATH = new RegExp(String.raw`^os\.path\.join\(\s*os\.path\.dirname\(\s*(?:os\.path\.abspath\(\s*)?__file__\s*\)?\s*\)((?:\s*,\s*${STRING})+)\s*\)$`);

/** A module-relative path expression, if `text` is one. */
export function moduleRelativePath(text: string): ModuleRelativePath | undefined {
  const t = text.trim();
  const parts = PATHLIB.exec(t)?.[1] ?? OS_PATH.exec(t)?.[1];
  if (parts === undefined) return undefined;
  if (PATHLIB.test(t) && t.startsWith('str(') !== t.endsWith(')')) return undefined;
  const segments = [...parts.matchAll(new RegExp(STRING, 'g'))].map((m) => m[0].slice(1, -1));
  return { kind: 'moduleRelativePath', path: segments.join('/') };
}

function valueOf(text: string): { ok: true; value: unknown } | { ok: false } {
  const lit = parsePythonLiteral(text);
  if (lit.ok) return lit;
  const rel = moduleRelativePath(text);
  return rel ? { ok: true, value: rel } : { ok: false };
}
export interface DecoratedFunction {
  readonly name: string;
  /** 1-based line of the decorator. */
  readonly line: number;
  /** The decorator's keyword arguments, as literal values. */
  readonly options: ReadonlyMap<string, unknown>;
  /** Arguments that are neither literals nor literal constants, with their text. */
  readonly unreadable: ReadonlyMap<string, string>;
}

const DECORATOR = /^@(?:(?:kfp\.)?dsl\.)?component\b\s*(\(([\s\S]*)\))?\s*$/;

/** Splits at top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      cur += ch;
      if (ch === '\\') cur += text[++i] ?? '';
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    } else if (ch === '#' && depth >= 0) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Module-level `NAME = <literal>` assignments (a statement may span lines inside brackets). */
export function moduleConstants(module: string): Map<string, unknown> {
  const lines = module.replace(/\r\n?/g, '\n').split('\n');
  const info = scanLines(lines);
  const out = new Map<string, unknown>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(.*)$/.exec(lines[i]!);
    if (!m || info[i]!.continuation) continue;
    let text = m[2]!;
    for (let j = i + 1; j < lines.length && info[j]!.continuation; j++) text += `\n${lines[j]}`;
    const v = valueOf(text.replace(/#[^\n'"]*$/gm, ''));
    if (v.ok) out.set(m[1]!, v.value);
  }
  return out;
}

export function decoratedFunctions(module: string): DecoratedFunction[] {
  const lines = module.replace(/\r\n?/g, '\n').split('\n');
  const info = scanLines(lines);
  const constants = moduleConstants(module);
  const out: DecoratedFunction[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (info[i]!.continuation || !lines[i]!.startsWith('@')) continue;
    let text = lines[i]!;
    let j = i + 1;
    for (; j < lines.length && info[j]!.continuation; j++) text += `\n${lines[j]}`;
    const m = DECORATOR.exec(text.replace(/#[^\n'"]*$/gm, '').trim());
    if (!m) continue;
    // Other decorators may sit between this one and the def.
    let k = j;
    while (k < lines.length && (lines[k]!.startsWith('@') || info[k]!.continuation || info[k]!.blankOrComment)) k++;
    const def = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(lines[k] ?? '');
    if (!def) continue;
    const options = new Map<string, unknown>();
    const unreadable = new Map<string, string>();
    for (const arg of m[2] !== undefined ? splitArgs(m[2]) : []) {
      const kw = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(arg);
      if (!kw) {
        unreadable.set('(positional)', arg);
        continue;
      }
      const [, key, valueText] = kw as unknown as [string, string, string];
      const v = valueOf(valueText);
      if (v.ok) options.set(key, v.value);
      else if (/^[A-Za-z_]\w*$/.test(valueText.trim()) && constants.has(valueText.trim())) options.set(key, constants.get(valueText.trim()));
      else unreadable.set(key, valueText.trim());
    }
    out.push({ name: def[1]!, line: i + 1, options, unreadable });
  }
  return out;
}
