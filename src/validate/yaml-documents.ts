/**
 * Reads the YAML documents of a compiled pipeline file the way PyYAML (`yaml.safe_load_all`) does,
 * since the KFP SDK loads them with it: YAML 1.1 scalars as PyYAML resolves them (yes/no booleans,
 * 010 octals, 1:30 sexagesimals), merge keys, and no indentation check inside quoted scalars
 * (see ./pyyaml-compat.ts).
 */
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { PyYamlLexer, pyyamlTags } from './pyyaml-compat.ts';

const YAML_OPTIONS = { version: '1.1', customTags: pyyamlTags, merge: true, uniqueKeys: true, logLevel: 'error' } as const;

function* tokens(text: string, lineCounter: LineCounter) {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  for (const lexeme of new PyYamlLexer().lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

export interface ParsedYaml {
  readonly docs: unknown[];
  readonly diagnostics: Diagnostic[];
}

function location(lineCounter: LineCounter, offset: number): string {
  const { line, col } = lineCounter.linePos(offset);
  return `line ${line}, column ${col}`;
}

export interface ParsedYamlNodes {
  readonly documents: readonly Document.Parsed[];
  readonly diagnostics: Diagnostic[];
}

/** The YAML documents of `text` as nodes (for readers that need a scalar's source form); syntax problems become diagnostics. */
export function parseYamlDocumentNodes(text: string, file?: string): ParsedYamlNodes {
  const lineCounter = new LineCounter();
  const documents: Document.Parsed[] = [...new Composer(YAML_OPTIONS).compose(tokens(text, lineCounter))];
  const diagnostics: Diagnostic[] = [];
  documents.forEach((doc, index) => {
    for (const error of doc.errors) {
      const where = location(lineCounter, error.pos[0]);
      const firstLine = error.message.split('\n')[0] ?? error.message;
      if (error.code === 'DUPLICATE_KEY') {
        diagnostics.push(
          diagnostic('yaml/duplicate-key', `(document ${index + 1}) ${where}`, `${firstLine}: a mapping may hold each key once; remove the repeated key.`, file),
        );
      } else {
        diagnostics.push(diagnostic('yaml/syntax', `(document ${index + 1}) ${where}`, `Invalid YAML: ${firstLine}.`, file));
      }
    }
  });
  return { documents, diagnostics };
}

/** Parse every YAML document of `text`; syntax problems become diagnostics, never exceptions. */
export function parseYamlDocuments(text: string, file?: string): ParsedYaml {
  const { documents, diagnostics } = parseYamlDocumentNodes(text, file);
  if (diagnostics.length > 0) return { docs: [], diagnostics };
  return { docs: documents.map((doc) => doc.toJS({ maxAliasCount: 1000 }) as unknown), diagnostics };
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
