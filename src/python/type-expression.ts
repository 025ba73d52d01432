/**
 * A Python annotation as a small tree: names (`typing.List`), subscripts (`Input[Dataset]`), calls
 * (`InputPath('Dataset')`), string literals, `None`, and `X | Y`. Enough for every annotation kfp
 * reads from a component's signature; anything else is `unparsed`.
 */
export type TypeExpr =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'subscript'; readonly head: string; readonly args: readonly TypeExpr[] }
  | { readonly kind: 'call'; readonly head: string; readonly args: readonly TypeExpr[]; readonly keywords: ReadonlyMap<string, TypeExpr> }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'union'; readonly options: readonly TypeExpr[] }
  | { readonly kind: 'list'; readonly items: readonly TypeExpr[] }
  | { readonly kind: 'tuple'; readonly items: readonly TypeExpr[] }
  | { readonly kind: 'unparsed'; readonly text: string };

type Token = { readonly t: 'name' | 'string' | 'punct' | 'number'; readonly v: string };

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const name = /^[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*/.exec(text.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0].replace(/\s+/g, '') });
      i += name[0].length;
      continue;
    }
    const str = /^[rRbBuUfF]{0,2}("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')/.exec(text.slice(i));
    if (str) {
      const body = str[1]!;
      const quote = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
      out.push({ t: 'string', v: body.slice(quote, -quote).replace(/\\(.)/g, '$1') });
      i += str[0].length;
      continue;
    }
    const num = /^[0-9][\w.]*/.exec(text.slice(i));
    if (num) {
      out.push({ t: 'number', v: num[0] });
      i += num[0].length;
      continue;
    }
    if ('[](),|='.includes(ch)) {
      out.push({ t: 'punct', v: ch });
      i++;
      continue;
    }
    return undefined;
  }
  return out;
}

/** Parses an annotation's text; never throws (what it cannot read is `unparsed`). */
export function parseTypeExpression(text: string): TypeExpr {
  const tokens = tokenize(text);
  const unparsed: TypeExpr = { kind: 'unparsed', text: text.trim() };
  if (!tokens || tokens.length === 0) return unparsed;
  let pos = 0;
  const peek = (v?: string): Token | undefined => (v === undefined || tokens[pos]?.v === v ? tokens[pos] : undefined);
  const take = (v: string): boolean => {
    if (tokens[pos]?.t === 'punct' && tokens[pos]!.v === v) {
      pos++;
      return true;
    }
    return false;
  };

  const list = (close: string): TypeExpr[] | undefined => {
    const items: TypeExpr[] = [];
    if (take(close)) return items;
    for (;;) {
      const e = union();
      if (!e) return undefined;
      items.push(e);
      if (take(close)) return items;
      if (!take(',')) return undefined;
      if (take(close)) return items;
    }
  };

  const primary = (): TypeExpr | undefined => {
    const tok = tokens[pos];
    if (!tok) return undefined;
    if (tok.t === 'string') {
      pos++;
      return { kind: 'string', value: tok.v };
    }
    if (tok.t === 'punct' && tok.v === '[') {
      pos++;
      const items = list(']');
      return items ? { kind: 'list', items } : undefined;
    }
    if (tok.t === 'punct' && tok.v === '(') {
      pos++;
      const items = list(')');
      if (!items) return undefined;
      return items.length === 1 ? items[0] : { kind: 'tuple', items };
    }
    if (tok.t !== 'name') return undefined;
    pos++;
    if (tok.v === 'None') return { kind: 'none' };
    if (take('[')) {
      const args = list(']');
      return args ? { kind: 'subscript', head: tok.v, args } : undefined;
    }
    if (take('(')) {
      const args: TypeExpr[] = [];
      const keywords = new Map<string, TypeExpr>();
      if (take(')')) return { kind: 'call', head: tok.v, args, keywords };
      for (;;) {
        const kw = tokens[pos]?.t === 'name' && tokens[pos + 1]?.v === '=' ? tokens[pos]!.v : undefined;
        if (kw) pos += 2;
        const e = union();
        if (!e) return undefined;
        if (kw) keywords.set(kw, e);
        else args.push(e);
        if (take(')')) return { kind: 'call', head: tok.v, args, keywords };
        if (!take(',')) return undefined;
        if (take(')')) return { kind: 'call', head: tok.v, args, keywords };
      }
    }
    return { kind: 'name', name: tok.v };
  };

  const union = (): TypeExpr | undefined => {
    const first = primary();
    if (!first || !peek('|')) return first;
    const options = [first];
    while (take('|')) {
      const next = primary();
      if (!next) return undefined;
      options.push(next);
    }
    return { kind: 'union', options };
  };

  const result = union();
  return result && pos === tokens.length ? result : unparsed;
}

/** A name without the module prefixes kfp's components use (`typing.List`, `dsl.Input`, `kfp.dsl.Dataset`). */
export function bareName(name: string): string {
  return name.replace(/^(?:typing|typing_extensions|builtins|kfp\.dsl|dsl|kfp\.dsl\.types\.artifact_types|kfp\.dsl\.types\.type_annotations)\./, '');
}

/** The expression as Python would print it (for messages). */
export function typeText(e: TypeExpr): string {
  switch (e.kind) {
    case 'name':
      return e.name;
    case 'subscript':
      return `${e.head}[${e.args.map(typeText).join(', ')}]`;
    case 'call':
      return `${e.head}(${[...e.args.map(typeText), ...[...e.keywords].map(([k, v]) => `${k}=${typeText(v)}`)].join(', ')})`;
    case 'string':
      return `'${e.value}'`;
    case 'none':
      return 'None';
    case 'union':
      return e.options.map(typeText).join(' | ');
    case 'list':
      return `[${e.items.map(typeText).join(', ')}]`;
    case 'tuple':
      return `(${e.items.map(typeText).join(', ')})`;
    case 'unparsed':
      return e.text;
  }
}
