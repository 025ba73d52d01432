/**
 * Make the `yaml` package read files exactly as PyYAML's `yaml.safe_load_all` does, since the KFP
 * SDK loads compiled pipelines with it. yaml's own YAML 1.1 schema follows the 1.1 spec, which
 * PyYAML does not quite: PyYAML reads `y`/`n` as strings (a parameter named `y` is common), `1e3`
 * as a string (its floats need a dot, and an exponent needs a sign), and `09` as a string.
 */
import { Lexer, type ScalarTag, type Tags } from 'yaml';
import { PYYAML_FALSE, PYYAML_FLOAT, PYYAML_INT, PYYAML_TRUE, pyyamlFloat, pyyamlInt } from './plain-scalar-readings.ts';

const scalar = (tag: string, test: RegExp, resolve: (source: string) => unknown, identify: (v: unknown) => boolean): ScalarTag => ({
  tag: `tag:yaml.org,2002:${tag}`,
  default: true,
  test,
  resolve,
  identify,
});

const PYYAML_SCALARS: readonly ScalarTag[] = [
  scalar('bool', PYYAML_TRUE, () => true, (v) => v === true),
  scalar('bool', PYYAML_FALSE, () => false, (v) => v === false),
  scalar('float', PYYAML_FLOAT, pyyamlFloat, (v) => typeof v === 'number'),
  scalar('int', PYYAML_INT, pyyamlInt, (v) => typeof v === 'number'),
];

const REPLACED = new Set(PYYAML_SCALARS.map((t) => t.tag));

/** For yaml's `customTags`: the yaml-1.1 tags with bool, int and float resolved as PyYAML does. */
export function pyyamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === 'string' || !REPLACED.has(t.tag));
  return [...PYYAML_SCALARS, ...kept];
}

/** The parts of yaml 2.9's Lexer that PyYamlLexer adjusts (private in its typings). */
interface LexerInternals {
  indentNext: number;
  continueScalar(offset: number): number;
  parseQuotedScalar(): Generator<string, string>;
  parseFlowCollection(): Generator<string, string>;
  [IN_QUOTED]?: boolean;
}

const IN_QUOTED = Symbol('inQuotedScalar');

/**
 * PyYAML lets the continuation lines of a quoted scalar sit at any indentation (only a `---` or
 * `...` document marker ends the scalar); yaml follows the YAML spec and ends the scalar at the
 * first under-indented line. Golden files of kfp itself rely on PyYAML's reading, e.g.
 *
 *     command:
 *     - "first line\
 *     \ second line"
 *
 * so quoted scalars are lexed without the indentation check. Leading whitespace of continuation
 * lines is folded away either way, so no value that yaml accepts changes.
 */
export class PyYamlLexer extends Lexer {}
const baseLexer = Lexer.prototype as unknown as LexerInternals;
Object.assign(PyYamlLexer.prototype, {
  // PyYAML checks no indentation inside a flow collection either: a `[`…`]` list may continue on
  // lines less indented than its key (kfp's component files have such `command: [` lists).
  *parseFlowCollection(this: LexerInternals): Generator<string, string> {
    const indentNext = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* baseLexer.parseFlowCollection.call(this);
    } finally {
      this.indentNext = indentNext;
    }
  },
  *parseQuotedScalar(this: LexerInternals): Generator<string, string> {
    this[IN_QUOTED] = true;
    try {
      return yield* baseLexer.parseQuotedScalar.call(this);
    } finally {
      this[IN_QUOTED] = false;
    }
  },
  continueScalar(this: LexerInternals, offset: number): number {
    if (this[IN_QUOTED] !== true) return baseLexer.continueScalar.call(this, offset);
    const indentNext = this.indentNext;
    this.indentNext = 0;
    try {
      return baseLexer.continueScalar.call(this, offset);
    } finally {
      this.indentNext = indentNext;
    }
  },
});
