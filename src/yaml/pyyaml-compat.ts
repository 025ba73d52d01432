/**
 * Make the `yaml` package read files exactly as PyYAML's `yaml.safe_load_all` does, since the KFP
 * SDK loads compiled pipelines with it. yaml's own YAML 1.1 schema follows the 1.1 spec, which
 * PyYAML does not quite: PyYAML reads `y`/`n` as strings (a parameter named `y` is common), `1e3`
 * as a string (its floats need a dot, and an exponent needs a sign), and `09` as a string.
 */
import { Lexer, type ScalarTag, type Tags } from 'yaml';

// PyYAML's implicit resolvers (yaml/resolver.py), verbatim.
const TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function sexagesimal(digits: string, parse: (part: string) => number): number {
  return digits.split(':').reduce((total, part) => total * 60 + parse(part), 0);
}

/** PyYAML's construct_yaml_int. */
function resolveInt(source: string): number {
  let value = source.replace(/_/g, '');
  const sign = value.startsWith('-') ? -1 : 1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * parseInt(value.slice(2), 16);
  if (value.startsWith('0')) return sign * parseInt(value, 8);
  if (value.includes(':')) return sign * sexagesimal(value, (p) => parseInt(p, 10));
  return sign * parseInt(value, 10);
}

/** PyYAML's construct_yaml_float. */
function resolveFloat(source: string): number {
  let value = source.replace(/_/g, '').toLowerCase();
  const sign = value.startsWith('-') ? -1 : 1;
  if (value.startsWith('-') || value.startsWith('+')) value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) return sign * sexagesimal(value, (p) => parseFloat(p));
  return sign * parseFloat(value);
}

const scalar = (tag: string, test: RegExp, resolve: (source: string) => unknown, identify: (v: unknown) => boolean): ScalarTag => ({
  tag: `tag:yaml.org,2002:${tag}`,
  default: true,
  test,
  resolve,
  identify,
});

const PYYAML_SCALARS: readonly ScalarTag[] = [
  scalar('bool', TRUE, () => true, (v) => v === true),
  scalar('bool', FALSE, () => false, (v) => v === false),
  scalar('float', FLOAT, resolveFloat, (v) => typeof v === 'number'),
  scalar('int', INT, resolveInt, (v) => typeof v === 'number'),
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
