/**
 * What the readers of a compiled pipeline file refuse or read differently, found in one pass each:
 * PyYAML (kfp's loader), go-yaml v3 (the KFP API server) and YAML 1.2 readers. The emitter avoids
 * all of it (src/emit/string-style.ts); a hand-written or edited file is refused for it.
 */
import { isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { DiagnosticCode } from '../diagnostics.ts';
import { describeReading, isOrdinaryWord, plainReadings, sameReading, type ReaderName } from './plain-scalar-readings.ts';

// PyYAML's Reader refuses these anywhere in a file, comments included (yaml/reader.py NON_PRINTABLE);
// go-yaml's reader refuses the same set ("control characters are not allowed").
const UNREADABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Line breaks to YAML 1.1 readers and go-yaml, ordinary characters to YAML 1.2 readers: in a
// comment they end it and the rest of the line becomes YAML to some readers only. A BOM other than
// the first character is skipped by go-yaml at the start of a line and kept by PyYAML.
const AMBIGUOUS = /[\x85\u2028\u2029]|(?<!^)\uFEFF/gu;
const FIRST_PROBLEMS = 100;

function charName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Problems listed, and how many more were found (counted, not kept: memory stays bounded). */
export interface Found<T> {
  readonly items: T[];
  omitted: number;
}

/** Characters no reader accepts raw, or that readers disagree on; line and column of the first ones. */
export function characterProblems(text: string, file?: string): Found<Diagnostic> {
  let found: Array<{ offset: number; ch: string; unreadable: boolean }> = [];
  let total = 0;
  for (const [pattern, unreadable] of [
    [UNREADABLE, true],
    [AMBIGUOUS, false],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      total++;
      if (found.length < FIRST_PROBLEMS * 2) found.push({ offset: m.index, ch: m[0], unreadable });
    }
  }
  if (found.length === 0) return { items: [], omitted: 0 };
  found = found.sort((a, b) => a.offset - b.offset).slice(0, FIRST_PROBLEMS);
  // Line and column of each, counted once over the text.
  const out: Diagnostic[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const { offset, ch, unreadable } of found) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = offset;
    const where = `line ${line}, column ${offset - lineStart + 1}`;
    out.push(
      unreadable
        ? diagnostic(
            'yaml/unreadable-character',
            where,
            `The control character ${charName(ch)} stands raw in the file: PyYAML (kfp's reader) and go-yaml refuse the whole file. Write it as an escape ("\\x${ch.codePointAt(0)!.toString(16).padStart(2, '0')}", "\\u…") inside a double-quoted string.`,
            file,
          )
        : diagnostic(
            'yaml/ambiguous-character',
            where,
            `${charName(ch)} stands raw in the file: ${ch === '\uFEFF' ? 'go-yaml skips a byte-order mark at the start of a line, PyYAML keeps it' : 'YAML 1.1 readers (PyYAML, go-yaml) break the line here, YAML 1.2 readers do not'}, so they read different documents. Write it as an escape inside a double-quoted string.`,
            file,
          ),
    );
  }
  return { items: out, omitted: total - out.length };
}

// The lexer of the yaml package marks the start of a plain or block scalar's text with this
// character (yaml's CST.SCALAR), and the start of a document with DOCUMENT.
const SCALAR_MARK = '\x1f';

/**
 * Tabs where PyYAML refuses them: PyYAML skips only spaces between tokens and ends a plain scalar
 * at a tab, so a tab is readable only inside a quoted scalar, a block scalar's text or a comment.
 * Fed every lexeme of the yaml package's lexer with its offset.
 */
export class TabCheck {
  readonly offsets: number[] = [];
  omitted = 0;
  private afterMark = false;
  private blockHeader = false;

  next(lexeme: string, offset: number): void {
    if (lexeme === SCALAR_MARK) {
      this.afterMark = true;
      return;
    }
    const scalarText = this.afterMark;
    const blockText = scalarText && this.blockHeader;
    this.afterMark = false;
    if (scalarText) this.blockHeader = false;
    const first = lexeme[0];
    if (!scalarText && (first === '|' || first === '>')) this.blockHeader = true;
    if (blockText || first === '#' || (!scalarText && (first === '"' || first === "'"))) return;
    const tab = lexeme.indexOf('\t');
    if (tab === -1) return;
    if (this.offsets.length < FIRST_PROBLEMS) this.offsets.push(offset + tab);
    else this.omitted++;
  }
}

/** A problem at a source offset, with the slash path of the value in its document when known. */
export interface Located {
  readonly code: DiagnosticCode;
  readonly offset: number;
  readonly path?: string;
  readonly message: string;
}

// The readers whose disagreement makes a value ambiguous: kfp's (PyYAML), the API server's (go-yaml
// v3) and the YAML 1.2 core schema. go-yaml v2 reads only what go-yaml v3 wrote again.
const JUDGES: readonly ReaderName[] = ['PyYAML', 'go-yaml v3', 'YAML 1.2'];

interface Entry {
  readonly node: Node | null;
  readonly parent: Entry | undefined;
  readonly key: string;
}

function pathOf(entry: Entry): string {
  const parts: string[] = [];
  for (let e: Entry | undefined = entry; e?.parent; e = e.parent) parts.push(e.key);
  return parts.reverse().join('/');
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Plain scalars whose value depends on the reader, `=` and `<<` values PyYAML cannot construct,
 * merge keys, plain keys some reader does not read as a string, and repeated keys (which the API
 * server's go-yaml v3 refuses; PyYAML silently keeps the last). One walk, no recursion.
 */
export function checkDocument(doc: Document.Parsed): Found<Located> {
  const out: Found<Located> = { items: [], omitted: 0 };
  const stack: Entry[] = [{ node: doc.contents as Node | null, parent: undefined, key: '' }];
  const add = (problem: Located) => {
    if (out.items.length < FIRST_PROBLEMS) out.items.push(problem);
    else out.omitted++;
  };
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = keyText(key);
        const child: Entry = { node: pair.value as Node | null, parent: entry, key: name };
        const offset = (key && 'range' in key && key.range ? key.range[0] : node.range?.[0]) ?? 0;
        const identity = isScalar(key) ? `${typeof key.value}:${String(key.value)}` : `node:${name}`;
        if (seen.has(identity)) {
          add({ code: 'yaml/duplicate-key', offset, path: pathOf(child), message: `The key ${JSON.stringify(name)} is repeated in this mapping: the API server's go-yaml refuses the file and PyYAML keeps the last value. Remove the repeated key.` });
        }
        seen.add(identity);
        if (isScalar(key) && key.type === Scalar.PLAIN && !key.tag) {
          if (typeof key.value === 'symbol' || key.source === '<<') {
            add({ code: 'yaml/merge-key', offset, path: pathOf(entry), message: 'A merge key (<<): YAML 1.1 readers (PyYAML, go-yaml) merge the mapping it names, YAML 1.2 readers read a key named "<<". Write the merged entries out.' });
          } else {
            const problem = plainProblem(key.source ?? name, true);
            if (problem) add({ ...problem, offset, path: pathOf(child) });
          }
        }
        stack.push(child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item as Node | null, parent: entry, key: String(i) }));
    } else if (isScalar(node) && node.type === Scalar.PLAIN && !node.tag) {
      const problem = plainProblem(node.source ?? String(node.value), false);
      if (problem) add({ ...problem, offset: node.range?.[0] ?? 0, path: pathOf(entry) });
    }
  }
  return out;
}

function plainProblem(source: string, isKey: boolean): Omit<Located, 'offset'> | undefined {
  if (isOrdinaryWord(source)) return undefined;
  const readings = plainReadings(source);
  const py = readings.PyYAML;
  if (py.kind === 'unconstructable' || (py.kind === 'merge' && !isKey)) {
    return {
      code: 'yaml/unreadable-value',
      message: `The plain value ${JSON.stringify(source)} resolves to ${source === '=' ? "YAML 1.1's value tag" : "YAML 1.1's merge tag"} in PyYAML, which kfp's loader cannot construct. Quote it.`,
    };
  }
  // Timestamps are PyYAML's own values without a JSON form: nonJsonValues reports them.
  if (py.kind === 'timestamp') return undefined;
  const differ = JUDGES.some((r) => !sameReading(readings[r], py));
  if (differ) {
    const how = JUDGES.map((r) => `${r} reads ${describeReading(readings[r])}`).join(', ');
    return { code: 'yaml/ambiguous-value', message: `The plain ${isKey ? 'key' : 'value'} ${JSON.stringify(source)} means different things to different readers: ${how}. Quote it if it is a string, or write the number or boolean in a form every reader shares (true, 15, 1000.0).` };
  }
  if (isKey && py.kind !== 'string') {
    return { code: 'yaml/non-string-key', message: `The plain key ${JSON.stringify(source)} is ${describeReading(py)} to YAML readers, and IR keys are strings. Quote it.` };
  }
  return undefined;
}
