/**
 * Strings YAML readers are known to trip over, drawn with fast-check from a fixed seed: C0 and C1
 * controls, DEL, NEL, U+2028/9, the BOM, non-characters, Unicode spaces, YAML 1.1 and 1.2 keywords
 * in every casing, number, time and timestamp forms of both versions and of Go's strconv,
 * indicators at the start, middle and end, leading and trailing blanks, multi-line text with every
 * line break and document markers, long and very long strings, arbitrary Unicode, and mixes of all.
 */
import fc from 'fast-check';

const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\x7f',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff',
  '\u00a0', '\u1680', '\u2000', '\u2009', '\u200b', '\u202f', '\u205f', '\u3000', '\u00ad', '\u200e', '\u061c',
];

const WORDS = [
  'y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', 'nil', 'none', '~', 'NaN', 'Infinity', '.inf', '.nan', '-.inf', '+.inf',
  '=', '<<', '!', '!!str', '&a', '*a', '%YAML', '---', '...', '-', '?', ':', '|', '>', '#', '@', '`',
];

function anyCase(word: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((ups) =>
    [...word].map((c, i) => (ups[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
  );
}

const keyword = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS).chain(anyCase));

const digits = fc.stringMatching(/^[0-9][0-9_]{0,5}$/);
const number = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.double({ noNaN: true }).map((d) => d.toExponential()),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      fc.constantFrom('', '0', '00', '0o', '0O', '0x', '0X', '0b', '0B', '_', '.'),
      fc.stringMatching(/^[0-9a-fA-F_]{1,6}$/),
      fc.constantFrom('', '.', '.5', '._5', 'e3', 'e+3', 'E-3', 'e', ':30', ':5', ':59:59.5', '_', '.e1'),
    )
    .map((parts) => parts.join('')),
  fc.tuple(digits, fc.constantFrom(':', '.', 'e', 'e+', 'E-'), digits).map((parts) => parts.join('')),
);
const time = fc.oneof(
  fc.constantFrom('2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2002-1-2', '12:30', '1:30:00', '190:20:30.15', '2024-01-02-run'),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
      fc.constantFrom('', 'T', 't', ' ', '  '),
      fc.integer({ min: 0, max: 29 }),
      fc.integer({ min: 0, max: 69 }),
      fc.constantFrom('', 'Z', '+01:00', ' -5', '.123', '.5Z'),
    )
    .map(([y, m, d, sep, h, min, tz]) => `${String(y).padStart(4, '0')}-${m}-${String(d).padStart(2, '0')}${sep ? `${sep}${h}:${String(min).padStart(2, '0')}:${String(min).padStart(2, '0')}${tz}` : ''}`),
);

const INDICATORS = ['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ': ', ' #', '- ', '? ', '---', '...', '\\', '{{$.inputs.parameters[\'p\']}}'];
const word = fc.stringMatching(/^[a-z0-9]{0,6}$/);
const indicator = fc.constantFrom(...INDICATORS);
const withIndicators = fc.oneof(
  fc.tuple(indicator, word).map(([i, w]) => i + w),
  fc.tuple(word, indicator, word).map(([a, i, b]) => a + i + b),
  fc.tuple(word, indicator).map(([w, i]) => w + i),
);
const BLANKS = [' ', '  ', '\t', ' \t', '\t '];
const blanks = fc.tuple(fc.constantFrom('', ...BLANKS), fc.oneof(word, keyword, number), fc.constantFrom('', ...BLANKS)).map(([a, w, b]) => a + w + b);

const LINE = fc.oneof(word, keyword, number, withIndicators, blanks, fc.constantFrom('', '---', '...', '# c', '%YAML 1.2', '- item', 'key: value', '  indented', '\t', ' '));
const multiLine = fc
  .tuple(
    fc.constantFrom('', '\n', '\n\n', ' \n'),
    fc.array(LINE, { minLength: 2, maxLength: 5 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
    fc.constantFrom('', '\n', '\n\n', ' ', '\n ', '\r'),
  )
  .map(([head, lines, br, tail]) => head + lines.join(br) + tail);

const long = fc.oneof(
  fc.tuple(fc.oneof(word, withIndicators, keyword), fc.integer({ min: 1000, max: 1500 })).map(([w, n]) => (w || 'x').repeat(Math.ceil(n / Math.max(1, (w || 'x').length))).slice(0, n)),
  fc.integer({ min: 1015, max: 1030 }).map((n) => 'k'.repeat(n)),
  fc.tuple(fc.integer({ min: 100, max: 400 }), multiLine).map(([n, m]) => `${'w'.repeat(n)}${m}${'v'.repeat(n)}`),
);

const control = fc.constantFrom(...CONTROLS);
const withControls = fc.oneof(
  control,
  fc.tuple(word, control, word).map(([a, c, b]) => a + c + b),
  fc.tuple(control, fc.oneof(word, keyword, number)).map(([c, w]) => c + w),
  fc.tuple(fc.oneof(word, keyword, number), control).map(([w, c]) => w + c),
);

const unicode = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('é', '😀', 'ß', '中文', 'İ', '\u0301a'));

const single = fc.oneof(keyword, number, time, withIndicators, blanks, multiLine, withControls, unicode, fc.constantFrom(''));
const mixed = fc.array(fc.oneof(single, control, indicator), { minLength: 2, maxLength: 4 }).map((parts) => parts.join(''));

/** The strings of issue 10: each broke at least one reader of a file kfp-ts or kfp wrote. */
export const INJECTIONS = [
  'tab\there',
  '\t',
  '=',
  '<<',
  'a\u2028b',
  'a\u2029b',
  'line\u0085next',
  'del\x7f',
  '0o17',
  '1e3',
  'y',
  'n',
  'Y',
  'N',
  'line1\nline2',
  'cr\rhere',
  'nul\x00here',
  'esc\x1b[31m',
  'line1\nline2: yes',
  'x\ndefaultPipelineRoot: s3://attacker/x #',
];

const awkward = fc.oneof({ arbitrary: single, weight: 30 }, { arbitrary: mixed, weight: 9 }, { arbitrary: long, weight: 1 });

/** `count` distinct strings from a fixed seed, the issue's injections first. */
export function awkwardStrings(count: number, seed: number): string[] {
  const out = new Set(INJECTIONS);
  for (let round = 0; out.size < count; round++) {
    for (const s of fc.sample(awkward, { seed: seed + round, numRuns: count })) {
      if (out.size === count) break;
      out.add(s);
    }
  }
  return [...out];
}

/** Strings holding a UTF-16 surrogate without its pair, which no YAML file can carry. */
export function loneSurrogateStrings(count: number, seed: number): string[] {
  const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  return fc.sample(fc.tuple(fc.oneof(word, single), surrogate, fc.oneof(word, fc.constant('😀'))).map(([a, s, b]) => a + s + b), { seed, numRuns: count });
}
