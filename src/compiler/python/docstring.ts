/**
 * Parameter descriptions from a Google-style docstring, as kfp reads them (it uses the
 * docstring_parser package): `Args:` entries describe inputs; entries under `Returns:` describe
 * outputs of the same name.
 */

/** Python's `inspect.cleandoc`. */
export function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  let margin = Infinity;
  for (const l of lines.slice(1)) {
    const content = l.trimStart();
    if (content) margin = Math.min(margin, l.length - content.length);
  }
  const out = [lines[0]!.trimStart(), ...lines.slice(1).map((l) => (margin === Infinity ? l : l.slice(margin)))];
  while (out.length && out[0]!.trim() === '') out.shift();
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out.join('\n');
}

const SECTION_TITLES = new Set([
  'Args', 'Arguments', 'Parameters', 'Params', 'Attributes', 'Example', 'Examples', 'Returns', 'Return',
  'Raises', 'Raise', 'Exceptions', 'Except', 'Yields', 'Yield', 'Todo', 'Note', 'Notes', 'Warning', 'Warnings', 'See Also', 'References',
]);

function parseArgsSection(body: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const nonBlank = body.filter((l) => l.trim());
  if (!nonBlank.length) return out;
  const indent = Math.min(...nonBlank.map((l) => l.length - l.trimStart().length));
  const chunks: string[][] = [];
  for (const l of body) {
    if (l.trim() && l.length - l.trimStart().length === indent) chunks.push([l.slice(indent)]);
    else if (chunks.length) chunks[chunks.length - 1]!.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
  }
  for (const chunk of chunks) {
    const text = chunk.join('\n');
    const colon = text.indexOf(':');
    if (colon < 0) continue;
    const before = text.slice(0, colon);
    let desc = text.slice(colon + 1);
    const name = (/^([^\s(]+)/.exec(before.trim())?.[1] ?? '').trim();
    if (desc.startsWith(' ')) desc = desc.slice(1);
    if (desc.includes('\n')) {
      const nl = desc.indexOf('\n');
      desc = desc.slice(0, nl) + '\n' + cleandoc(desc.slice(nl + 1));
    }
    desc = desc.replace(/^\n+|\n+$/g, '');
    if (name) out.set(name, desc);
  }
  return out;
}

/** Descriptions of inputs (`Args:`) and of outputs (entries under `Returns:`), by parameter name. */
export function docstringDescriptions(docstring: string | undefined): { inputs: Map<string, string>; outputs: Map<string, string> } {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, string>();
  if (!docstring) return { inputs, outputs };
  const lines = cleandoc(docstring).split('\n');
  let current: { title: string; body: string[] } | undefined;
  const sections: { title: string; body: string[] }[] = [];
  for (const l of lines) {
    const m = /^(\S[^:]*):\s*$/.exec(l);
    if (m && SECTION_TITLES.has(m[1]!.trim())) {
      current = { title: m[1]!.trim(), body: [] };
      sections.push(current);
    } else if (current) {
      if (l.trim() && !/^\s/.test(l)) current = undefined;
      else current.body.push(l);
    }
  }
  // kfp re-parses the docstring with `Returns` renamed to `Args` and gives outputs the
  // descriptions of every entry then found, so a Returns section makes Args entries count too.
  const hasReturns = /(^|\n)\s*Returns?:?\n/.test(docstring + '\n');
  for (const sec of sections) {
    const argLike = ['Args', 'Arguments', 'Parameters', 'Params'].includes(sec.title);
    const returns = sec.title === 'Returns' || sec.title === 'Return';
    if (!argLike && !returns) continue;
    for (const [k, v] of parseArgsSection(sec.body)) {
      if (argLike && !inputs.has(k)) inputs.set(k, v);
      if (hasReturns && !outputs.has(k)) outputs.set(k, v);
    }
  }
  return { inputs, outputs };
}
