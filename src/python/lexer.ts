/**
 * A small lexical scan of Python source: enough to know, for every physical line, whether it
 * starts inside a string or a bracket (a continuation line), and where comments are. Used to cut a
 * function out of a file exactly as `inspect.getsource` does and to read its signature.
 */
export interface LineInfo {
  /** The line begins inside a string literal or an open bracket. */
  readonly continuation: boolean;
  /** Only whitespace and/or a comment (and it is not a continuation). */
  readonly blankOrComment: boolean;
  /** Column of a leading comment on a comment-only line, else -1. */
  readonly commentCol: number;
  readonly indent: number;
}

export function scanLines(lines: readonly string[]): LineInfo[] {
  const out: LineInfo[] = [];
  let quote: string | null = null; // the closing delimiter of the open string: ', ", ''' or """
  let depth = 0;
  let backslash = false;
  for (const line of lines) {
    const continuation = quote !== null || depth > 0 || backslash;
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    let blankOrComment = false;
    let commentCol = -1;
    if (!continuation) {
      if (trimmed === '') blankOrComment = true;
      else if (trimmed.startsWith('#')) {
        blankOrComment = true;
        commentCol = indent;
      }
    }
    let i = 0;
    while (i < line.length) {
      const ch = line[i]!;
      if (quote !== null) {
        if (ch === '\\') {
          i += 2;
          continue;
        }
        if (line.startsWith(quote, i)) {
          i += quote.length;
          quote = null;
          continue;
        }
        i++;
        continue;
      }
      if (ch === '#') break;
      if (ch === '"' || ch === "'") {
        const triple = line.startsWith(ch.repeat(3), i);
        quote = triple ? ch.repeat(3) : ch;
        i += quote.length;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      i++;
    }
    // A single-quoted string cannot span lines unless escaped at the end; treat an unterminated
    // one as closed (Python would report a syntax error, which the container will show).
    if (quote === "'" || quote === '"') {
      if (!line.endsWith('\\')) quote = null;
    }
    // An explicit line join: the next physical line belongs to this logical line.
    backslash = quote === null && line.endsWith('\\') && !/#/.test(line.replace(/(["'])(?:\\.|(?!\1).)*\1/g, ''));
    out.push({ continuation, blankOrComment, commentCol, indent });
  }
  return out;
}
