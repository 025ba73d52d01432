/**
 * Reads the YAML documents of a compiled pipeline file the way PyYAML (`yaml.safe_load_all`) does,
 * since the KFP SDK loads them with it: YAML 1.1 scalars as PyYAML resolves them (yes/no booleans,
 * 010 octals, 1:30 sexagesimals) and no indentation check inside quoted scalars (see
 * ./pyyaml-compat.ts). On the way it refuses what one of the file's readers cannot read or would
 * read differently (./reader-checks.ts), and it stays linear in the file's size: no quadratic
 * duplicate-key search, and nesting deeper than MAX_DEPTH is reported before anything recurses.
 */
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import type { CST } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { PyYamlLexer, pyyamlTags } from './pyyaml-compat.ts';
import { quickRead } from './quick-read.ts';
import { characterProblems, checkDocument, TabCheck, type Located } from './reader-checks.ts';

// uniqueKeys is off because the yaml package compares each key with every earlier key of its map
// (quadratic: most of the time of a 10,000-task file); checkDocument finds repeated keys instead.
const YAML_OPTIONS = { version: '1.1', customTags: pyyamlTags, merge: true, uniqueKeys: false, logLevel: 'error' } as const;

/**
 * Deepest nesting of collections accepted. PyYAML composes recursively and fails with a
 * RecursionError past about 490 levels under Python's default limit, so kfp cannot read such a file.
 */
export const MAX_DEPTH = 400;

/** The yaml package's maxAliasCount, its bound on alias expansion before the file is refused. */
const MAX_ALIAS_EXPANSION = 1000;

export interface ParsedYaml {
  readonly docs: unknown[];
  readonly diagnostics: Diagnostic[];
  /** Problems found beyond those in `diagnostics` (only the first of each kind are kept). */
  readonly omitted?: number;
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/** The deepest collection of a CST token, walked without recursion; throws TooDeep past MAX_DEPTH. */
function checkDepth(root: CST.Token): void {
  const stack: Array<[CST.Token, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_DEPTH) throw new TooDeep(token.offset);
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
}

function* tokens(text: string, lineCounter: LineCounter, tabs: TabCheck) {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  for (const lexeme of new PyYamlLexer().lex(text)) {
    tabs.next(lexeme, parser.offset);
    for (const token of parser.next(lexeme)) {
      checkDepth(token);
      yield token;
    }
    // A flow collection nests on the parser's stack: stop before it holds millions of levels.
    if (parser.stack.length > MAX_DEPTH + 2) throw new TooDeep(parser.offset);
  }
  for (const token of parser.end()) {
    checkDepth(token);
    yield token;
  }
}

/**
 * Parse every YAML document of `text`; problems become diagnostics, never exceptions. Stops at the
 * first kind of problem found (characters, then tabs and nesting, then syntax, then values).
 */
export function parseYamlDocuments(text: string, file?: string): ParsedYaml {
  const unreadable = characterProblems(text, file);
  if (unreadable.items.length > 0) return { docs: [], diagnostics: unreadable.items, omitted: unreadable.omitted };
  const quick = quickRead(text, MAX_DEPTH - 1);
  if (quick) return { docs: quick, diagnostics: [] };
  return carefulRead(text, file);
}

/**
 * Reads YAML that only kfp's PyYAML reads — a component file kfp loads (`load_component_from_*`),
 * which it converts before anything else sees it: PyYAML's values, and every problem PyYAML has
 * (characters, tabs, nesting, syntax, aliases, values it cannot construct), but no complaint about
 * values other readers would read differently, or keys PyYAML reads as the last one written.
 */
export function parsePyYamlDocuments(text: string, file?: string): ParsedYaml {
  const unreadable = characterProblems(text, file);
  if (unreadable.items.length > 0) return { docs: [], diagnostics: unreadable.items, omitted: unreadable.omitted };
  return carefulRead(text, file, PYYAML_PROBLEMS);
}

/** The value problems that concern PyYAML itself (the rest concern the other readers of an IR file). */
const PYYAML_PROBLEMS: ReadonlySet<string> = new Set(['yaml/unreadable-value']);

/**
 * The documents of `text` as the `yaml` package's nodes, composed as carefulRead composes them,
 * for a reader that needs a scalar's source form (`3.0` is a float to PyYAML, `3` an int). Only for
 * text parseYamlDocuments has read without problems: this checks nothing.
 */
export function parseYamlDocumentNodes(text: string): Document.Parsed[] {
  return [...new Composer(YAML_OPTIONS).compose(tokens(text, new LineCounter(), new TabCheck()))];
}

/** The `yaml` package's reading, which locates every problem (slower; see ./quick-read.ts). */
export function carefulRead(text: string, file?: string, valueProblems?: ReadonlySet<string>): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const tabs = new TabCheck();
  let documents: Document.Parsed[];
  try {
    documents = [...new Composer(YAML_OPTIONS).compose(tokens(text, lineCounter, tabs))];
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return {
      docs: [],
      diagnostics: [
        diagnostic(
          'yaml/too-deep',
          at(e.offset),
          `Collections are nested more than ${MAX_DEPTH} levels deep here; PyYAML (kfp's reader) fails on such nesting. Flatten the value.`,
          file,
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = tabs.offsets.map((offset) =>
    diagnostic(
      'yaml/tab',
      at(offset),
      'A tab outside a quoted or block scalar or a comment: PyYAML (kfp\'s reader) refuses it ("found character \'\\t\' that cannot start any token"). Indent and separate with spaces; write a tab inside a value as "\\t" in double quotes.',
      file,
    ),
  );
  let omitted = tabs.omitted;
  documents.forEach((doc, index) => {
    for (const error of doc.errors) {
      if (diagnostics.length >= 100) {
        omitted++;
        continue;
      }
      const firstLine = error.message.split('\n')[0] ?? error.message;
      const message = firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
      diagnostics.push(diagnostic('yaml/syntax', `(document ${index + 1}) ${at(error.pos[0])}`, `Invalid YAML: ${message}.`, file));
    }
  });
  if (diagnostics.length > 0) return { docs: [], diagnostics, omitted };
  documents.forEach((doc, index) => {
    const found = checkDocument(doc);
    for (const problem of found.items) if (!valueProblems || valueProblems.has(problem.code)) diagnostics.push(located(problem, index, at, file));
    omitted += found.omitted;
  });
  if (diagnostics.length > 0) return { docs: [], diagnostics, omitted };
  const docs: unknown[] = [];
  for (const [index, doc] of documents.entries()) {
    try {
      docs.push(doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }));
    } catch (e) {
      // The yaml package refuses aliases that would expand without bound (a "billion laughs").
      if (!(e instanceof ReferenceError)) throw e;
      const message = `Aliases in document ${index + 1} expand past the limit of ${MAX_ALIAS_EXPANSION} (${e.message}): aliases of aliases grow exponentially. Write the values out instead.`;
      return { docs: [], diagnostics: [diagnostic('yaml/too-many-aliases', `(document ${index + 1})`, message, file)] };
    }
  }
  return { docs, diagnostics };
}

function located(problem: Located, index: number, at: (offset: number) => string, file: string | undefined): Diagnostic {
  const where = problem.path ? `${problem.path} (${at(problem.offset)})` : `(document ${index + 1}) ${at(problem.offset)}`;
  return diagnostic(problem.code, where, problem.message, file);
}

/**
 * YAML 1.1 values with no JSON form: PyYAML makes datetime/bytes/set objects of them, which
 * json_format then rejects, so they are errors here too (quote the value to keep it a string).
 */
export function nonJsonValues(doc: unknown, file?: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const path: string[] = [];
  const visit = (value: unknown): void => {
    if (value instanceof Date || value instanceof Uint8Array || value instanceof Set || value instanceof Map) {
      const what = value instanceof Date ? 'a timestamp' : value instanceof Uint8Array ? 'binary data' : 'a set or ordered map';
      found.push(
        diagnostic(
          'yaml/non-json-value',
          path.join('/') || '(document)',
          `YAML reads this value as ${what}, which has no JSON form; quote it to make it a string.`,
          file,
        ),
      );
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  visit(doc);
  return found;
}
