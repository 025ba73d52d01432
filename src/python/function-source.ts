import { scanLines } from './lexer.ts';

export interface FunctionSource {
  /** The function's text as kfp embeds it: from `def` to the end of its block, dedented. */
  readonly text: string;
  /** 1-based line of the `def` in the file. */
  readonly line: number;
}

/**
 * Cuts `def <name>` out of a module the way kfp does: `inspect.getsource` (decorators, the
 * signature and the indented block, ending at the last statement or at a trailing comment that is
 * indented like the body), `textwrap.dedent`, then every line before the one starting with `def`
 * dropped. Returns undefined when the module has no top-level function of that name.
 */
export function extractFunctionSource(module: string, name: string): FunctionSource | undefined {
  const lines = module.replace(/\r\n?/g, '\n').split('\n');
  const info = scanLines(lines);
  const defRe = new RegExp(`^(async\\s+)?def\\s+${name}\\s*\\(`);
  // Python binds the last `def` of a name, so that is the one kfp embeds.
  const start = lines.findLastIndex((l, i) => !info[i]!.continuation && defRe.test(l));
  if (start < 0) return undefined;

  let last = start;
  let bodyCol: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const li = info[i]!;
    if (li.continuation) {
      last = i;
      continue;
    }
    if (li.blankOrComment) {
      if (li.commentCol >= 0 && bodyCol !== undefined && li.commentCol >= bodyCol) last = i;
      continue;
    }
    // A multi-line signature's lines are continuations (inside the parentheses), so the first
    // statement line at column 0 is the end of the function.
    if (li.indent === 0) break;
    bodyCol ??= li.indent;
    last = i;
  }
  const block = lines.slice(start, last + 1);
  // textwrap.dedent turns whitespace-only lines into empty ones.
  const text = block.map((l) => (l.trim() === '' ? '' : l)).join('\n') + '\n';
  return { text, line: start + 1 };
}
