/**
 * extractFunctionSource must cut a function out of a module exactly as kfp 2.17.3 does:
 * `inspect.getsource` (Python 3.11's BlockFinder), `textwrap.dedent`, then every line before the
 * one starting with `def` dropped.
 *
 * Each `expected` below was produced by running kfp's own
 * `kfp.dsl.component_factory._get_function_source_definition` on the `module` text written to a
 * file and imported (Python 3.11.7, kfp 2.17.3), and is kept here verbatim.
 */
import { describe, expect, it } from 'vitest';
import { extractFunctionSource } from '../../src/python/index.ts';

const py = (...lines: string[]): string => lines.join('\n');

interface Case {
  readonly what: string;
  readonly fn: string;
  readonly module: string;
  readonly expected: string;
  readonly line: number;
}

const CASES: readonly Case[] = [
  {
    what: 'drops decorators, including a multi-line one with arguments',
    fn: 'train',
    module: py(
      'def component(**kwargs):',
      '    return lambda f: f',
      '',
      '',
      'def plain(f):',
      '    return f',
      '',
      '',
      '@component(',
      "    base_image='python:3.11',",
      "    packages_to_install=['pandas'],",
      ')',
      '@plain',
      'def train(data: str, n: int = 3) -> int:',
      '    """Trains."""',
      '    return n',
      '',
      '',
      'x = 1',
      '',
    ),
    expected: py('def train(data: str, n: int = 3) -> int:', '    """Trains."""', '    return n', ''),
    line: 14,
  },
  {
    what: 'keeps a multi-line signature whose closing parenthesis is at column 0, with comments and strings inside',
    fn: 'train',
    module: py(
      'from typing import Dict',
      '',
      'def train(',
      '    data_path: str,',
      '    n_estimators: int = 100,  # how many trees (a comment with a ) paren',
      "    params: Dict[str, int] = {'a': (1)},",
      '    label: str = "def other(): #",',
      ') -> str:',
      '    return data_path',
      'def after():',
      '    pass',
      '',
    ),
    expected: py(
      'def train(',
      '    data_path: str,',
      '    n_estimators: int = 100,  # how many trees (a comment with a ) paren',
      "    params: Dict[str, int] = {'a': (1)},",
      '    label: str = "def other(): #",',
      ') -> str:',
      '    return data_path',
      '',
    ),
    line: 3,
  },
  {
    what: 'keeps triple-quoted strings whose lines start at column 0 (even ones that look like code)',
    fn: 'report',
    module: py(
      'def report(title: str) -> str:',
      '    body = """',
      '# Heading at column 0',
      'def not_a_function():',
      '    still text',
      '"""',
      "    more = '''",
      "x = 1'''",
      '    return body + more',
      '',
      '',
      'def next_one():',
      '    pass',
      '',
    ),
    expected: py(
      'def report(title: str) -> str:',
      '    body = """',
      '# Heading at column 0',
      'def not_a_function():',
      '    still text',
      '"""',
      "    more = '''",
      "x = 1'''",
      '    return body + more',
      '',
    ),
    line: 1,
  },
  {
    what: 'keeps trailing comments indented at least like the body, and no others',
    fn: 'clean',
    module: py(
      'def clean(x: int) -> int:',
      '    y = x + 1',
      '    return y',
      "    # trailing comment at the body's indent: kept",
      '',
      '        # deeper comment after a blank line: kept',
      '  # shallower comment: not kept',
      '# column-0 comment: not kept',
      '',
      '',
      'def other():',
      '    pass',
      '',
    ),
    expected: py(
      'def clean(x: int) -> int:',
      '    y = x + 1',
      '    return y',
      "    # trailing comment at the body's indent: kept",
      '',
      '        # deeper comment after a blank line: kept',
      '',
    ),
    line: 1,
  },
  {
    what: 'keeps inner blank lines, empties whitespace-only ones (also inside strings) and drops trailing ones',
    fn: 'spaced',
    module: py('def spaced(a: int) -> int:', '', '    b = a', '    ', '\t', '    c = """', '  ', '"""', '', '    return b', '', '', '', ''),
    expected: py('def spaced(a: int) -> int:', '', '    b = a', '', '', '    c = """', '', '"""', '', '    return b', ''),
    line: 1,
  },
  {
    what: 'keeps bracketed continuation lines and a column-0 comment between statements',
    fn: 'body',
    module: py('def body():', '    x = [', '1, 2,', '    ]', '# a column-0 comment between statements', '    return x', ''),
    expected: py('def body():', '    x = [', '1, 2,', '    ]', '# a column-0 comment between statements', '    return x', ''),
    line: 1,
  },
  {
    what: "ignores a 'def' of the same name inside another function's docstring",
    fn: 'target',
    module: py(
      'def first():',
      '    """Docs that quote code:',
      'def target(x):',
      '    pass',
      '"""',
      '    return 0',
      '',
      '',
      'def target(y: str) -> str:',
      '    return y',
      '',
    ),
    expected: py('def target(y: str) -> str:', '    return y', ''),
    line: 9,
  },
  {
    what: 'cuts a one-line function at its own line',
    fn: 'short',
    module: py('def short(a: int) -> int: return a', 'def later():', '    pass', ''),
    expected: py('def short(a: int) -> int: return a', ''),
    line: 1,
  },
  {
    what: 'ends the text with a newline when the file does not',
    fn: 'last',
    module: py('def last(a: str) -> str:', '    return a'),
    expected: py('def last(a: str) -> str:', '    return a', ''),
    line: 1,
  },
  {
    what: 'reads CRLF files as LF (Python opens source with universal newlines)',
    fn: 'win',
    module: 'def win(a: int) -> int:\r\n    b = a\r\n\r\n    return b\r\n\r\nz = 1\r\n',
    expected: py('def win(a: int) -> int:', '    b = a', '', '    return b', ''),
    line: 1,
  },
  {
    what: 'follows a backslash line continuation onto a column-0 line',
    fn: 'joined',
    module: py('def joined(a: int) -> int:', '    total = a + \\', '1', '    return total', ''),
    expected: py('def joined(a: int) -> int:', '    total = a + \\', '1', '    return total', ''),
    line: 1,
  },
  {
    what: 'takes the last definition when a module defines the function twice (the name Python binds)',
    fn: 'twice',
    module: py('def twice() -> str:', "    return 'first'", '', '', 'def twice() -> str:', "    return 'second'", ''),
    expected: py('def twice() -> str:', "    return 'second'", ''),
    line: 5,
  },
];

describe('extractFunctionSource (same cut as kfp 2.17.3)', () => {
  for (const c of CASES) {
    it(c.what, () => {
      // GIVEN a module text  WHEN the function is extracted
      const got = extractFunctionSource(c.module, c.fn);
      // THEN the text is byte-for-byte what kfp embeds, and the line is the `def` line
      expect(got?.text).toBe(c.expected);
      expect(got?.line).toBe(c.line);
    });
  }

  it('returns undefined for a missing function, a nested one, and a name that is only a prefix', () => {
    // GIVEN a module with a top-level `train_model`, a nested `inner` and a method `run`
    const module = py(
      'def train_model():',
      '    def inner():',
      '        pass',
      '    return inner',
      '',
      'class Job:',
      '    def run(self):',
      '        pass',
      '',
    );
    // WHEN looking for functions that are not top-level definitions of exactly that name
    // THEN none is found
    expect(extractFunctionSource(module, 'train')).toBeUndefined();
    expect(extractFunctionSource(module, 'inner')).toBeUndefined();
    expect(extractFunctionSource(module, 'run')).toBeUndefined();
    expect(extractFunctionSource(module, 'missing')).toBeUndefined();
    // and the real one is
    expect(extractFunctionSource(module, 'train_model')?.line).toBe(1);
  });
});
