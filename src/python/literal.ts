/** Reads a Python literal (the default value of a parameter) into a JSON value. */
export type Literal = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  peek(): string {
    return this.s[this.i] ?? '';
  }
}

function readString(r: Reader): string | undefined {
  const prefix = /^[rRuUbBfF]{0,2}/.exec(r.s.slice(r.i))![0];
  if (/[bBfF]/.test(prefix)) return undefined;
  const raw = /[rR]/.test(prefix);
  r.i += prefix.length;
  const q = r.peek();
  if (q !== '"' && q !== "'") return undefined;
  const delim = r.s.startsWith(q.repeat(3), r.i) ? q.repeat(3) : q;
  r.i += delim.length;
  let out = '';
  while (r.i < r.s.length) {
    if (r.s.startsWith(delim, r.i)) {
      r.i += delim.length;
      return out;
    }
    const ch = r.s[r.i]!;
    if (ch === '\\' && !raw) {
      const n = r.s[r.i + 1] ?? '';
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };
      if (n in simple) {
        out += simple[n];
        r.i += 2;
        continue;
      }
      if (n === 'x' || n === 'u') {
        const len = n === 'x' ? 2 : 4;
        out += String.fromCharCode(parseInt(r.s.slice(r.i + 2, r.i + 2 + len), 16));
        r.i += 2 + len;
        continue;
      }
      out += ch;
      r.i++;
      continue;
    }
    out += ch;
    r.i++;
  }
  return undefined;
}

function readValue(r: Reader): Literal {
  r.ws();
  const rest = r.s.slice(r.i);
  const based = /^([-+]?)0([xXoObB])([0-9a-fA-F_]+)/.exec(rest);
  if (based) {
    r.i += based[0].length;
    const radix = { x: 16, o: 8, b: 2 }[based[2]!.toLowerCase() as 'x' | 'o' | 'b'];
    const n = parseInt(based[3]!.replace(/_/g, ''), radix);
    return { ok: true, value: based[1] === '-' ? -n : n };
  }
  const num = /^[-+]?(\d[\d_]*\.?[\d_]*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(rest);
  if (num) {
    r.i += num[0].length;
    return { ok: true, value: Number(num[0].replace(/_/g, '')) };
  }
  for (const [word, value] of [
    ['True', true],
    ['False', false],
    ['None', null],
  ] as const) {
    if (rest.startsWith(word) && !/[A-Za-z0-9_]/.test(rest[word.length] ?? '')) {
      r.i += word.length;
      return { ok: true, value };
    }
  }
  const ch = r.peek();
  if (ch === '[' || ch === '(') {
    const close = ch === '[' ? ']' : ')';
    r.i++;
    const items: unknown[] = [];
    for (;;) {
      r.ws();
      if (r.peek() === close) {
        r.i++;
        return { ok: true, value: items };
      }
      const v = readValue(r);
      if (!v.ok) return v;
      items.push(v.value);
      r.ws();
      if (r.peek() === ',') r.i++;
      else if (r.peek() !== close) return { ok: false };
    }
  }
  if (ch === '{') {
    r.i++;
    const obj: Record<string, unknown> = {};
    for (;;) {
      r.ws();
      if (r.peek() === '}') {
        r.i++;
        return { ok: true, value: obj };
      }
      const k = readValue(r);
      if (!k.ok || typeof k.value !== 'string') return { ok: false };
      r.ws();
      if (r.peek() !== ':') return { ok: false };
      r.i++;
      const v = readValue(r);
      if (!v.ok) return v;
      obj[k.value] = v.value;
      r.ws();
      if (r.peek() === ',') r.i++;
      else if (r.peek() !== '}') return { ok: false };
    }
  }
  const s = readString(r);
  if (s !== undefined) {
    // Adjacent string literals concatenate.
    let joined = s;
    for (;;) {
      const save = r.i;
      r.ws();
      const next = /^[rRuU]?["']/.test(r.s.slice(r.i)) ? readString(r) : undefined;
      if (next === undefined) {
        r.i = save;
        break;
      }
      joined += next;
    }
    return { ok: true, value: joined };
  }
  return { ok: false };
}

export function parsePythonLiteral(text: string): Literal {
  const r = new Reader(text);
  const v = readValue(r);
  r.ws();
  return v.ok && r.i === text.length ? v : { ok: false };
}
