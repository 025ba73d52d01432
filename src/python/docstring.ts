/**
 * Parameter descriptions from a Google-style docstring, as kfp reads them with the
 * docstring_parser package: `Args:` entries describe inputs; entries under `Returns:` describe
 * outputs of the same name, with that parser's rules for repeated and malformed sections.
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

// The Google-style sections docstring_parser (which kfp uses) recognises. A section title is a
// line of its own, at the margin, ending in a colon. Entries of "param" sections become params
// (Attributes too: its key is one of the parser's param keywords).
const SECTIONS = new Map<string, 'param' | 'multiple' | 'single'>([
  ['Arguments', 'param'], ['Args', 'param'], ['Parameters', 'param'], ['Params', 'param'], ['Attributes', 'param'],
  ['Raises', 'multiple'], ['Exceptions', 'multiple'], ['Except', 'multiple'],
  ['Example', 'single'], ['Examples', 'single'], ['Returns', 'single'], ['Yields', 'single'],
]);
const TITLE = new RegExp(`^(${[...SECTIONS.keys()].join('|')}):[ \\t\\r\\f\\v]*$`, 'gm');

/** docstring_parser refuses the whole docstring when an entry of a multi-entry section has no colon. */
class Unparsable extends Error {}

/** One section's entries: the lines at the section's own indent start a new one. */
function entries(chunk: string): string[] {
  const indent = /^\s*/.exec(chunk)![0];
  const heads = [...chunk.matchAll(new RegExp(`^${indent}(?=\\S)`, 'gm'))];
  if (heads.length === 0) throw new Unparsable();
  return heads.map((m, i) => chunk.slice(m.index! + m[0].length, heads[i + 1]?.index ?? chunk.length).replace(/^\n+|\n+$/g, ''));
}

/** `name (type): description` → [name, description]. */
function param(entry: string): [string, string] {
  const colon = entry.indexOf(':');
  if (colon < 0) throw new Unparsable();
  const before = entry.slice(0, colon);
  let desc = entry.slice(colon + 1);
  const typed = /^\s*(.+?)\s*\(\s*(.*[^\s]+)\s*\)/.exec(before);
  const name = typed ? typed[1]! : before;
  if (desc) {
    if (desc.startsWith(' ')) desc = desc.slice(1);
    const nl = desc.indexOf('\n');
    if (nl >= 0) desc = `${desc.slice(0, nl)}\n${cleandoc(desc.slice(nl + 1))}`;
    desc = desc.replace(/^\n+|\n+$/g, '');
  }
  return [name, desc];
}

/**
 * The params docstring_parser's Google parser reads from a cleaned docstring, by name (a later
 * entry of the same name wins). A section title given twice keeps only its last body, and an
 * entry without a colon in a multi-entry section makes the parser give up (no params at all).
 */
function googleParams(doc: string): Map<string, string> {
  const titles = [...doc.matchAll(TITLE)];
  const chunks = new Map<string, string>();
  titles.forEach((m, i) => {
    const end = i + 1 < titles.length ? titles[i + 1]!.index! : doc.length;
    let body = doc.slice(m.index! + m[0].length, end);
    // Text back at the margin ends the section (an unknown heading such as "Note:").
    const unknown = /\n\S/.exec(body);
    if (unknown) body = body.slice(0, unknown.index);
    chunks.set(m[1]!, body.replace(/^\n+|\n+$/g, ''));
  });
  const params = new Map<string, string>();
  try {
    for (const [title, chunk] of chunks) {
      const kind = SECTIONS.get(title)!;
      if (kind === 'single') continue;
      for (const entry of entries(chunk)) {
        const [name, desc] = param(entry);
        if (kind === 'param') params.set(name, desc);
      }
    }
  } catch (e) {
    if (e instanceof Unparsable) return new Map();
    throw e;
  }
  return params;
}

/** What a docstring says of a function: its inputs and outputs by name, and its summary. */
export interface DocstringDescriptions {
  inputs: Map<string, string>;
  outputs: Map<string, string>;
  /** The text before the first section, when there is any. */
  summary?: string;
}

/**
 * Descriptions of inputs and outputs, by parameter name, as kfp 2.17.3 assigns them: inputs from
 * the docstring's params; outputs only when it has a Returns (or Return) heading, from the params
 * of the docstring with that heading renamed to `Args:` — which then replaces an `Args:` section
 * written above it, so entries under Args describe outputs only when written under another title.
 */
export function docstringDescriptions(docstring: string | undefined): DocstringDescriptions {
  if (!docstring) return { inputs: new Map(), outputs: new Map() };
  const doc = cleandoc(docstring);
  const inputs = googleParams(doc);
  // kfp looks for these four spellings in order and replaces every occurrence of the first found.
  const heading = ['Returns:\n', 'Returns\n', 'Return:\n', 'Return\n'].find((k) => doc.includes(k));
  const outputs = heading === undefined ? new Map<string, string>() : googleParams(doc.split(heading.trim()).join('Args:'));
  return { inputs, outputs, summary: docstringSummary(doc) };
}

/**
 * The text before the first section: its first line, then the rest (trimmed) on a new line — what
 * kfp calls the component's description when it compiles the component on its own.
 */
function docstringSummary(doc: string): string | undefined {
  const first = doc.search(new RegExp(TITLE.source, 'm'));
  const text = first < 0 ? doc : doc.slice(0, first);
  const nl = text.indexOf('\n');
  const short = nl < 0 ? text : text.slice(0, nl);
  const long = nl < 0 ? '' : text.slice(nl + 1).trim();
  const summary = (short && long ? `${short}\n${long}` : short).trim();
  return summary || undefined;
}
