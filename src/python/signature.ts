/**
 * Reads a Python function signature from its source text: parameter names, annotations (as
 * text) and literal defaults, and the return annotation. Only what kfp components use.
 */
export interface PythonParam {
  readonly name: string;
  readonly annotation?: string;
  /** The default's source text, when there is one. */
  readonly defaultText?: string;
  readonly star?: '*' | '**';
}

export interface PythonSignature {
  readonly name: string;
  readonly params: readonly PythonParam[];
  readonly returns?: string;
  readonly docstring?: string;
}

/** Splits at top-level commas (outside brackets and strings). */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      cur += ch;
      if (ch === '\\') {
        cur += text[++i] ?? '';
      } else if (text.startsWith(quote, i)) {
        cur += quote.slice(1);
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      cur += quote;
      i += quote.length - 1;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Index of the bracket that closes the one at `open`. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += quote.length - 1;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function findTopLevel(text: string, needle: string): number {
  const parts = splitTopLevel(text, needle);
  return parts.length > 1 ? parts[0]!.length : -1;
}

function parseParam(raw: string): PythonParam | undefined {
  const text = raw.trim();
  if (text === '' || text === '/' || text === '*') return undefined;
  let star: '*' | '**' | undefined;
  let body = text;
  if (body.startsWith('**')) {
    star = '**';
    body = body.slice(2);
  } else if (body.startsWith('*')) {
    star = '*';
    body = body.slice(1);
  }
  const eq = findTopLevel(body, '=');
  const head = eq >= 0 ? body.slice(0, eq) : body;
  const defaultText = eq >= 0 ? body.slice(eq + 1).trim() : undefined;
  const colon = findTopLevel(head, ':');
  const name = (colon >= 0 ? head.slice(0, colon) : head).trim();
  const annotation = colon >= 0 ? head.slice(colon + 1).trim().replace(/\s+/g, ' ') : undefined;
  return {
    name,
    ...(annotation !== undefined ? { annotation } : {}),
    ...(defaultText !== undefined ? { defaultText } : {}),
    ...(star ? { star } : {}),
  };
}

function docstringOf(afterColon: string): string | undefined {
  const m = /^\s*(?:[rRuU]?)("""|''')([\s\S]*?)\1/.exec(afterColon) ?? /^\s*(?:[rRuU]?)(["'])((?:\\.|(?!\1).)*)\1/.exec(afterColon);
  return m ? m[2] : undefined;
}

/** Parses `def name(...) -> ret:` at the start of `source`. */
export function parseSignature(source: string): PythonSignature | undefined {
  const m = /^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(source);
  if (!m) return undefined;
  const open = m[0].length - 1;
  const close = matchingParen(source, open);
  if (close < 0) return undefined;
  const params = splitTopLevel(source.slice(open + 1, close), ',')
    .map(parseParam)
    .filter((p): p is PythonParam => p !== undefined);
  const rest = source.slice(close + 1);
  const colon = findTopLevel(rest, ':');
  const arrow = /^\s*->\s*/.exec(rest);
  const returns = arrow && colon >= 0 ? rest.slice(arrow[0].length, colon).trim().replace(/\s+/g, ' ') : undefined;
  const docstring = colon >= 0 ? docstringOf(rest.slice(colon + 1)) : undefined;
  return {
    name: m[1]!,
    params,
    ...(returns ? { returns } : {}),
    ...(docstring !== undefined ? { docstring } : {}),
  };
}
