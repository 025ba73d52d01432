import { diagnostic, type Diagnostic } from '../diagnostics.ts';

// A UTF-16 surrogate without its pair is no Unicode character: UTF-8 cannot hold it, and the
// `\ud800` escape reads back as that surrogate in PyYAML but as U+FFFD in go-yaml, so no file
// carries it to every reader.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(s: string): string {
  const at = s.search(LONE_SURROGATE);
  const code = s.charCodeAt(at).toString(16).toUpperCase();
  return `${JSON.stringify(s.slice(Math.max(0, at - 20), at))}… (U+${code} at character ${at + 1})`;
}

/**
 * Strings (keys and values) of the compiled documents that no YAML file can carry to every reader.
 * Paths are slash paths into the document, e.g. `root/inputDefinitions/parameters/p/defaultValue`.
 */
export function unrepresentableStrings(docs: readonly unknown[], file?: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) found.push(problem(path || '(document)', 'value', value));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}/${i}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}/${key}` : key;
        if (LONE_SURROGATE.test(key)) found.push(problem(at, 'key', key));
        visit(item, at);
      }
    }
  };
  const problem = (path: string, what: string, s: string): Diagnostic =>
    diagnostic(
      'emit/lone-surrogate',
      path,
      `This ${what} holds a lone UTF-16 surrogate, which no YAML file can carry: ${describe(s)}. It usually comes from cutting a string in the middle of an emoji or other non-BMP character; pass whole characters.`,
      file,
    );
  docs.forEach((doc) => visit(doc, ''));
  return found;
}
