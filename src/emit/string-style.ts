import { Scalar, type ScalarTag } from 'yaml';
import { plainIsStringEverywhere } from '../yaml/plain-scalar-readings.ts';

/**
 * How a string must be written so that every reader of a compiled file (PyYAML and kfp's loader,
 * go-yaml v2 and v3, YAML 1.1 and 1.2 readers) reads back exactly that string. The `yaml` package
 * picks the style and writes the text; two rules are added to its YAML 1.1 choices:
 *
 * 1. Characters some reader refuses raw or reads as something else are escaped inside double
 *    quotes: C0 controls including TAB (PyYAML refuses a tab outside quotes and blocks), DEL and
 *    the C1 controls (PyYAML refuses them anywhere in a file), NEL, U+2028 and U+2029 (line breaks
 *    to YAML 1.1 readers and go-yaml, ordinary characters to YAML 1.2 ones), the BOM (go-yaml
 *    skips it at the start of any line), U+FFFE/U+FFFF and lone surrogates. The `yaml` package
 *    double-quotes most of these but writes DEL, C1, NEL, U+2028/9 and the BOM raw inside the
 *    quotes (it escapes only what JSON.stringify escapes), so escapeRawCharacters finishes the job.
 * 2. A string is not written plain when any reader would read the plain scalar as something other
 *    than that string (src/yaml/plain-scalar-readings.ts: `=`, `<<`, `0o17`, `1_0`, `08`, `y`, …);
 *    the `yaml` package then quotes it as it quotes its own YAML 1.1 booleans and numbers.
 */

const NEEDS_ESCAPE = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;
const RAW_IN_DOUBLE_QUOTES = /[\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** The style a string is forced to, or undefined to leave the choice to the `yaml` package. */
export function forcedStringType(s: string): Scalar.Type | undefined {
  return NEEDS_ESCAPE.test(s) ? Scalar.QUOTE_DOUBLE : undefined;
}

/**
 * Escapes what the `yaml` package leaves raw in double-quoted scalars. Safe on a whole document:
 * every string holding one of these characters was forced to double quotes (forcedStringType).
 */
export function escapeRawCharacters(text: string): string {
  return text.replace(RAW_IN_DOUBLE_QUOTES, (ch) => {
    const code = ch.charCodeAt(0);
    // DEL and the C1 controls take two hex digits, U+2028 and the others four: none needs padding.
    return code <= 0x9f ? `\\x${code.toString(16)}` : `\\u${code.toString(16)}`;
  });
}

/**
 * A tag that never writes anything (identify is false) but makes the `yaml` package's plain-style
 * check fail for strings some reader would retype: it quotes any plain text a default tag's `test`
 * matches. Its test is a function, not a pattern, hence the object posing as a RegExp.
 */
export const READER_DEPENDENT: ScalarTag = {
  // Stryker disable next-line StringLiteral: never written (identify is false) and no document is parsed with this schema; only the test is read
  tag: 'tag:kfp-ts.local,2026:reader-dependent',
  default: true,
  identify: () => false,
  // Stryker disable next-line ArrowFunction: read only when parsing, and no document is parsed with this schema
  resolve: (s: string) => s,
  test: { test: (s: string) => !plainIsStringEverywhere(s) } as unknown as RegExp,
};
